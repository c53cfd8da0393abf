// The studio's stage guests: the studio's one realtime connection (as the signed-in host, shared
// with the side panels) carries the guests' WebRTC signalling and the stage events, the stage
// list comes through the API client.
// One call per studio page: the streams it answers go to the "On stage" strip and the compositor.
import { useApi, useRealtimeConnection } from '@vidinfra/ui';
import {
  useGuestStreams,
  type GuestStream,
  type GuestStreamsSource,
} from '../guests/use-guest-streams.ts';
import { useEffect, useMemo } from 'react';

export { GuestStrip } from '../ui/GuestStrip.tsx';
export type { GuestStream } from '../guests/use-guest-streams.ts';

/** The guests' streams while `active` (backstage or live): the connection is open meanwhile. */
export function useStudioGuestStreams(sessionId: string, active: boolean): GuestStream[] {
  const api = useApi();
  const connection = useRealtimeConnection();
  useEffect(() => {
    if (!active) return;
    connection.open();
    return () => connection.close();
  }, [active, connection]);
  const source = useMemo<GuestStreamsSource | null>(
    () =>
      active
        ? {
            socket: connection.socket,
            readStage: () => api.stage.list.query({ id: sessionId }),
          }
        : null,
    [active, connection, sessionId, api],
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
