// The app's one typed client of the contract, on this page's origin (the API serves the app),
// signed in as whoever the browser's stored login is (anonymous when there is none).
import { createApiClient, createAuthSession, webStorageTokenStore } from '@vidinfra/api-client';

export const authSession = createAuthSession({
  apiUrl: new URL('/api', window.location.origin).href,
  store: webStorageTokenStore(window.localStorage, 'vidinfra.login'),
});

export const api = createApiClient({
  trpcUrl: new URL('/trpc', window.location.origin).href,
  session: authSession,
});
