// What the watch page's chat, polls and stage share: the session, who the viewer is, the
// realtime feed, the playhead's clock, and `identify` (a guest identity on first use).
import type { RealtimeMessage, SessionResponse, UserResponse } from '@vidinfra/domain';
import type { RealtimeConnection } from '@vidinfra/api-client';
import { createContext, useContext, useEffect, useRef } from 'react';
import type { PlayheadClock } from '../player/LivePlayer.tsx';

export type FeedListener = (message: RealtimeMessage) => void;

export interface Engage {
  session: SessionResponse;
  me: UserResponse | null;
  connection: RealtimeConnection;
  /** Listens to the session's and the viewer's events; answers the unsubscribe. */
  listen(listener: FeedListener): () => void;
  /** Removed from the session's channels (a ban): no chatting, voting or raising hands. */
  banned: boolean;
  markBanned(): void;
  /** Makes sure someone is signed in (asks a guest's name the first time); false if declined. */
  identify(): Promise<boolean>;
  clock: PlayheadClock;
  syncWithVideo: boolean;
  setSyncWithVideo(on: boolean): void;
}

export const EngageContext = createContext<Engage | null>(null);

export function useEngage(): Engage {
  const engage = useContext(EngageContext);
  if (!engage)
    throw new Error('useEngage outside an EngageContext provider (the watch page, the studio)');
  return engage;
}

/** Calls `listener` (the latest one given) for every event of the feed. */
export function useFeedEvents(listener: FeedListener) {
  const { listen } = useEngage();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => listen((message) => latest.current(message)), [listen]);
}
