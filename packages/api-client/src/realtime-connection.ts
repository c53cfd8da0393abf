// A page's realtime connection to a server, as whoever the auth session is signed in as (a login
// of their own, a guest, or nobody). When that changes, the connection starts again as the new
// identity: `reconnectIfIdentityChanged`. It connects on `open()`, not when made, so a React
// component can make it in render and open and close it in an effect.
import type { AuthSession } from './auth-session.ts';
import { connectRealtime, type RealtimeSocket } from './realtime-socket.ts';

export interface RealtimeConnection {
  socket: RealtimeSocket;
  reconnectIfIdentityChanged(): void;
  open(): void;
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
    open: () => void socket.connect(),
    close: () => void socket.disconnect(),
  };
}
