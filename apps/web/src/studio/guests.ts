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

/**
 * The connected guests as the compositor takes them: their streams and names by user id, the
 * same maps until a guest's stream comes or goes (a new map rebuilds the compositor's scene).
 */
export function useGuestInputs(guests: GuestStream[]) {
  const key = guests
    .filter((guest) => guest.stream)
    .map((guest) => `${guest.userId}:${guest.stream!.id}:${guest.displayName}`)
    .join('|');
  return useMemo(() => {
    const connected = guests.filter((guest) => guest.stream);
    return {
      streams: new Map(connected.map((guest) => [guest.userId, guest.stream!])),
      names: new Map(connected.map((guest) => [guest.userId, guest.displayName])),
    };
  }, [key]);
}
