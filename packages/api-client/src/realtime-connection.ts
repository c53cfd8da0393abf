// A page's realtime connection to a server, as whoever the auth session is signed in as (a login
// of their own, a guest, or nobody). When that changes, the connection starts again as the new
// identity: `reconnectIfIdentityChanged`. It connects on `open()`, not when made, so a React
// component can make it in render and open and close it in an effect. A page shares one: each
// user opens it and closes it again, and it stays connected while anyone has it open (the
// followers on it share their channel subscriptions, see realtime/channel-subscriptions.ts).
import type { AuthSession } from './auth-session.ts';
import { connectRealtime, type RealtimeSocket } from './realtime-socket.ts';

export interface RealtimeConnection {
  socket: RealtimeSocket;
  reconnectIfIdentityChanged(): void;
  /** One more user: connects when it is the first. */
  open(): void;
  /** One user fewer (each `open` is closed once): disconnects when it was the last. */
  close(): void;
}

export interface RealtimeConnectionOptions {
  /** The server's origin (the page's own in the web app). */
  url: string;
  authSession: AuthSession;
}

export function openRealtimeConnection({
  url,
  authSession,
}: RealtimeConnectionOptions): RealtimeConnection {
  /** The token the connection last presented; undefined before it first connected. */
  let connectedAs: string | null | undefined;
  let users = 0;
  const socket = connectRealtime({
    url,
    accessToken: () => (connectedAs = authSession.accessToken()),
    onRefused: () => authSession.refresh(),
    autoConnect: false,
  });
  return {
    socket,
    reconnectIfIdentityChanged() {
      if (connectedAs === undefined || authSession.accessToken() === connectedAs) return;
      socket.disconnect();
      socket.connect();
    },
    open() {
      if (users++ === 0) socket.connect();
    },
    close() {
      if (users > 0 && --users === 0) socket.disconnect();
    },
  };
}
