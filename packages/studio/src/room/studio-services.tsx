// What the app that mounts the studio gives it: the API of the server it talks to (the shared
// hooks' ApiContext: the typed tRPC client, the auth session the realtime connections present,
// the server's origin), the signed-in host, and where "Back to the dashboard" goes. The web app
// gives its same-origin client; the desktop renderer a client of the server the host chose. The
// studio's one realtime connection (RealtimeConnectionProvider) is made here: the side panels'
// feed and the stage guests' WebRTC link share it.
import type { UserResponse } from '@vidinfra/domain';
import { ApiContext, RealtimeConnectionProvider, type ApiServices } from '@vidinfra/ui';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

export interface StudioServices extends ApiServices {
  /** The signed-in host. */
  me: UserResponse;
  /** The way back once the session ended (a router link in the web app). */
  dashboardLink: ReactNode;
}

const StudioServicesContext = createContext<StudioServices | null>(null);

export function StudioServicesProvider({
  services,
  children,
}: {
  services: StudioServices;
  children: ReactNode;
}) {
  const { api, authSession, serverOrigin, me, dashboardLink } = services;
  // The same values, the same object: the hooks below re-run only when a service changes.
  const value = useMemo(
    () => ({ api, authSession, serverOrigin, me, dashboardLink }),
    [api, authSession, serverOrigin, me, dashboardLink],
  );
  return (
    <ApiContext.Provider value={value}>
      <RealtimeConnectionProvider>
        <StudioServicesContext.Provider value={value}>{children}</StudioServicesContext.Provider>
      </RealtimeConnectionProvider>
    </ApiContext.Provider>
  );
}

export function useStudioServices(): StudioServices {
  const services = useContext(StudioServicesContext);
  if (!services) throw new Error('useStudioServices outside StudioServicesProvider');
  return services;
}
