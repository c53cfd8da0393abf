// The watch page's realtime connection, as whoever the browser is signed in as (a login of
// their own, a guest, or nobody). When that changes, the connection starts again as the new
// identity: `reconnectIfIdentityChanged`.
import { connectRealtime, type RealtimeSocket } from '@vidinfra/api-client';
import { authSession } from '../api.ts';

export interface RealtimeConnection {
  socket: RealtimeSocket;
  reconnectIfIdentityChanged(): void;
  close(): void;
}

export function openRealtimeConnection(): RealtimeConnection {
  let connectedAs: string | null = null;
  const socket = connectRealtime({
    url: window.location.origin,
    accessToken: () => (connectedAs = authSession.accessToken()),
    onRefused: () => authSession.refresh(),
  });
  return {
    socket,
    reconnectIfIdentityChanged() {
      if (authSession.accessToken() === connectedAs) return;
      socket.disconnect();
      socket.connect();
    },
    close: () => void socket.disconnect(),
  };
}
