// The session's realtime feed for the watch page (and the studio): on the page's one realtime
// connection (RealtimeConnectionProvider), following `session:{id}`, the staff's
// `session:{id}:staff` when asked (the studio) and, once someone is signed in, their own
// `user:{id}`. Events go to the page's listeners in order; the session's own changes (settings,
// status, host media, viewer count) update its cached read; a channel that went stale refetches
// what it covers; a ban closes the feed.
import { useQueryClient } from '@tanstack/react-query';
import { followChannels } from '@vidinfra/api-client';
import {
  sessionChannel,
  staffChannel,
  userChannel,
  type RealtimeMessage,
  type SessionResponse,
} from '@vidinfra/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedListener } from './engage-context.ts';
import { useRealtimeConnection } from './realtime-connection-context.tsx';

const sessionKey = (sessionId: string) => ['sessions', 'get', sessionId];

function applyToSession(message: RealtimeMessage, session: SessionResponse): SessionResponse {
  switch (message.event) {
    case 'session.settings_updated':
      return { ...session, settings: message.payload.settings };
    case 'session.status_changed':
      return { ...session, status: message.payload.status };
    case 'host.video':
      return { ...session, host_media: { ...session.host_media, video: message.payload.enabled } };
    case 'host.audio':
      return { ...session, host_media: { ...session.host_media, audio: message.payload.enabled } };
    default:
      return session;
  }
}

export function useRealtimeFeed(sessionId: string, userId: string | null, staff = false) {
  const queryClient = useQueryClient();
  const connection = useRealtimeConnection();
  const listeners = useRef(new Set<FeedListener>());
  const [banned, setBanned] = useState(false);
  const [connected, setConnected] = useState(false);
  /** Whether a follower came before (the identity changed): what the page read may be behind. */
  const followedBefore = useRef(false);

  useEffect(() => {
    connection.open();
    return () => connection.close();
  }, [connection]);

  useEffect(() => {
    connection.reconnectIfIdentityChanged();
    const channels = [
      sessionChannel(sessionId),
      ...(staff ? [staffChannel(sessionId)] : []),
      ...(userId ? [userChannel(userId)] : []),
    ];
    // Events between the last follower's end and this one's subscription are nobody's: once it
    // follows, the page reads again what the channels cover (the first follower's reads are new).
    const rereads = followedBefore.current;
    followedBefore.current = true;
    const follower = followChannels(connection.socket, channels, {
      onFollowing: () => {
        if (rereads) void queryClient.invalidateQueries();
      },
      onEvent(message) {
        queryClient.setQueryData<SessionResponse>(sessionKey(sessionId), (session) =>
          session ? applyToSession(message, session) : session,
        );
        for (const listener of listeners.current) listener(message);
      },
      onStale: () => void queryClient.invalidateQueries(),
      onRefused: (_channel, error) => {
        if (error.code === 'BANNED' || error.code === 'FORBIDDEN') setBanned(true);
      },
      onRemoved: () => setBanned(true),
      onViewerCount: ({ count }) =>
        queryClient.setQueryData<SessionResponse>(sessionKey(sessionId), (session) =>
          session ? { ...session, viewer_count: count } : session,
        ),
      onConnectionChange: setConnected,
    });
    return () => follower.stop();
  }, [connection, queryClient, sessionId, userId, staff]);

  const listen = useCallback((listener: FeedListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const markBanned = useCallback(() => setBanned(true), []);
  return { connection, listen, banned, markBanned, connected };
}
