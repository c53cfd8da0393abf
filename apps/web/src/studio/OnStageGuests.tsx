// The studio's "On stage" strip: its own realtime connection (as the signed-in host) carries the
// guests' WebRTC signalling and the stage events; the stage list comes through the API client.
// `onGuests` hands the guests' streams on (e.g. to the compositor).
import {
  GuestStrip,
  useGuestStreams,
  type GuestStream,
  type GuestStreamsSource,
} from '@vidinfra/studio';
import { useEffect, useMemo } from 'react';
import { api } from '../api.ts';
import { openRealtimeConnection } from '../watch/realtime-connection.ts';

/** The studio's guest streams, over a realtime connection opened for as long as it is used. */
export function useStudioGuestStreams(sessionId: string): GuestStream[] {
  const connection = useMemo(() => openRealtimeConnection(), []);
  useEffect(() => {
    connection.open();
    return () => connection.close();
  }, [connection]);
  const source = useMemo<GuestStreamsSource>(
    () => ({
      socket: connection.socket,
      readStage: () => api.stage.list.query({ id: sessionId }),
    }),
    [connection, sessionId],
  );
  return useGuestStreams(sessionId, source);
}

export function OnStageGuests({
  sessionId,
  onGuests,
}: {
  sessionId: string;
  onGuests?: (guests: GuestStream[]) => void;
}) {
  const guests = useStudioGuestStreams(sessionId);
  useEffect(() => onGuests?.(guests), [guests, onGuests]);
  return <GuestStrip guests={guests} />;
}
