// The realtime connection, typed by the protocol in @vidinfra/domain: an event name or payload
// the gateway does not know fails to compile. The token is read at every (re)connection, so a
// refreshed login reconnects as itself. A dropped connection comes back by itself with backoff
// (Socket.IO's own); one the server refused (an expired token) too, after `onRefused` had its
// chance to renew the login.
import type { ClientToServerEvents, ServerToClientEvents } from '@vidinfra/domain';
import { io, type Socket } from 'socket.io-client';
import { reconnectDelay } from './realtime/reconnect-delay.ts';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RealtimeOptions {
  /** The gateway's origin, e.g. `https://live.example.com` (Socket.IO at its default path). */
  url: string;
  /** The access token to connect with; null follows public sessions anonymously. */
  accessToken?: () => string | null;
  /** The server refused the connection (e.g. an expired token): renew it before the retry. */
  onRefused?: () => Promise<unknown>;
  /** Connect at once (the default), or when the caller calls `socket.connect()`. */
  autoConnect?: boolean;
}

export function connectRealtime({
  url,
  accessToken,
  onRefused,
  autoConnect = true,
}: RealtimeOptions): RealtimeSocket {
  const socket: RealtimeSocket = io(url, {
    transports: ['websocket'],
    autoConnect,
    reconnectionDelay: 500,
    reconnectionDelayMax: 15_000,
    randomizationFactor: 0.5,
    auth: (send) => {
      const token = accessToken?.();
      send(token ? { token } : {});
    },
  });
  let refusals = 0;
  socket.on('connect', () => void (refusals = 0));
  socket.on('connect_error', () => {
    // Still `active`: Socket.IO retries by itself. Not: the server said no; retry ourselves.
    if (socket.active) return;
    const delay = reconnectDelay(refusals++);
    void (onRefused?.() ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => setTimeout(() => socket.connect(), delay));
  });
  return socket;
}
