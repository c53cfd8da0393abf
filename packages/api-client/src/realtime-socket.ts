// The realtime connection, typed by the protocol in @vidinfra/domain: an event name or payload
// the gateway does not know fails to compile. The token is read at every (re)connection, so a
// refreshed login reconnects as itself.
import type { ClientToServerEvents, ServerToClientEvents } from '@vidinfra/domain';
import { io, type Socket } from 'socket.io-client';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RealtimeOptions {
  /** The gateway's origin, e.g. `https://live.example.com` (Socket.IO at its default path). */
  url: string;
  /** The access token to connect with; null follows public sessions anonymously. */
  accessToken?: () => string | null;
}

export function connectRealtime({ url, accessToken }: RealtimeOptions): RealtimeSocket {
  return io(url, {
    transports: ['websocket'],
    auth: (send) => {
      const token = accessToken?.();
      send(token ? { token } : {});
    },
  });
}
