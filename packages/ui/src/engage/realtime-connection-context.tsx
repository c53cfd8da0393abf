// The page's one realtime connection to its server (ApiContext's), as whoever its auth session is
// signed in as: the feed of the side panels and, in the studio, the stage guests' WebRTC link
// take it from here, so the page opens one Socket.IO connection and its followers share their
// channel subscriptions. A new server or auth session makes a new one. Each user opens it while
// it needs it (`open` / `close` in an effect); it is connected while anyone has it open.
import { openRealtimeConnection, type RealtimeConnection } from '@vidinfra/api-client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useApiServices } from './api-context.ts';

const RealtimeConnectionContext = createContext<RealtimeConnection | null>(null);

export function RealtimeConnectionProvider({ children }: { children: ReactNode }) {
  const { serverOrigin, authSession } = useApiServices();
  // Not connected until a user opens it: making it in render has no effect outside.
  const connection = useMemo(
    () => openRealtimeConnection({ url: serverOrigin, authSession }),
    [serverOrigin, authSession],
  );
  return (
    <RealtimeConnectionContext.Provider value={connection}>
      {children}
    </RealtimeConnectionContext.Provider>
  );
}

/** The page's realtime connection (open it in an effect while you use it). */
export function useRealtimeConnection(): RealtimeConnection {
  const connection = useContext(RealtimeConnectionContext);
  if (!connection) throw new Error('useRealtimeConnection outside a RealtimeConnectionProvider');
  return connection;
}
