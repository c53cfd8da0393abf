// The studio's stage guests: a realtime connection of their own (as the signed-in host) carries
// the guests' WebRTC signalling and the stage events, the stage list comes through the API client.
// One call per studio page: the streams it answers go to the "On stage" strip and the compositor.
import { useGuestStreams, type GuestStream, type GuestStreamsSource } from '@vidinfra/studio';
import { useEffect, useMemo } from 'react';
import { api } from '../api.ts';
import { openRealtimeConnection } from '../watch/realtime-connection.ts';

export { GuestStrip, type GuestStream } from '@vidinfra/studio';

/** The guests' streams while `active` (backstage or live): the connection is open meanwhile. */
export function useStudioGuestStreams(sessionId: string, active: boolean): GuestStream[] {
  const connection = useMemo(() => (active ? openRealtimeConnection() : null), [active]);
  useEffect(() => {
    connection?.open();
    return () => connection?.close();
  }, [connection]);
  const source = useMemo<GuestStreamsSource | null>(
    () =>
      connection && {
        socket: connection.socket,
        readStage: () => api.stage.list.query({ id: sessionId }),
      },
    [connection, sessionId],
  );
  return useGuestStreams(sessionId, source);
}
