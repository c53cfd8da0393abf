// The watch page's realtime connection, as whoever the browser is signed in as (a login of
// their own, a guest, or nobody). When that changes, the connection starts again as the new
// identity: `reconnectIfIdentityChanged`. It connects on `open()`, not when made, so a React
// component can make it in render and open and close it in an effect.
import { connectRealtime, type RealtimeSocket } from '@vidinfra/api-client';
import { authSession } from '../api.ts';

export interface RealtimeConnection {
  socket: RealtimeSocket;
  reconnectIfIdentityChanged(): void;
  open(): void;
  close(): void;
}

export function openRealtimeConnection(): RealtimeConnection {
  /** The token the connection last presented; undefined before it first connected. */
  let connectedAs: string | null | undefined;
  const socket = connectRealtime({
    url: window.location.origin,
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
