// The app's one typed client of the contract, on this page's origin (the API serves the app),
// signed in as whoever the browser's stored login is (anonymous when there is none).
import {
  createApiClient,
  createAuthSession,
  memoryTokenStore,
  webStorageTokenStore,
} from '@vidinfra/api-client';

/**
 * localStorage, or nothing when the browser refuses it (a third-party iframe that blocks storage
 * throws on the mere read of `window.localStorage`): the login is then kept in memory only.
 */
function browserStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem('vidinfra.login');
    return storage;
  } catch {
    return null;
  }
}

const storage = browserStorage();

export const authSession = createAuthSession({
  apiUrl: new URL('/api', window.location.origin).href,
  store: storage ? webStorageTokenStore(storage, 'vidinfra.login') : memoryTokenStore(),
});

export const api = createApiClient({
  trpcUrl: new URL('/trpc', window.location.origin).href,
  session: authSession,
});
