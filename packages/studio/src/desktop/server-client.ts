// The desktop studio's API client: the server the host chose (its absolute origin; the API allows
// the app://studio origin), signed in by a studio link's code. The login lives in memory only:
// every studio link brings its own.
import { createApiClient, createAuthSession, memoryTokenStore } from '@vidinfra/api-client';
import type { ApiServices } from '@vidinfra/ui';

export function serverClient(serverOrigin: string): ApiServices {
  const authSession = createAuthSession({
    apiUrl: new URL('/api', serverOrigin).href,
    store: memoryTokenStore(),
  });
  const api = createApiClient({
    trpcUrl: new URL('/trpc', serverOrigin).href,
    session: authSession,
  });
  return { api, authSession, serverOrigin };
}
