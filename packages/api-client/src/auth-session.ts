// Who the browser is signed in as: the access and refresh tokens, kept in a store the app picks
// (localStorage in a browser, memory in tests), and their rotation. However many requests find
// the access token expired at once, one refresh runs and all of them wait for it — across the
// browser's tabs too: refreshes take a Web Lock, and a tab that finds the refresh token already
// rotated by another tab uses the new tokens instead of replaying the old one (a replayed
// refresh token would end the whole login).
import type { AuthResponse } from '@vidinfra/domain';

export type Tokens = Pick<AuthResponse, 'access_token' | 'refresh_token'>;

export interface TokenStore {
  load(): Tokens | null;
  save(tokens: Tokens | null): void;
}

export const memoryTokenStore = (initial: Tokens | null = null): TokenStore => {
  let tokens = initial;
  return { load: () => tokens, save: (next) => void (tokens = next) };
};

/** Tokens kept in localStorage (or any Web Storage) under one key, shared by the origin's tabs. */
/** What a token store needs of Web Storage (typed here: Node-side compilers have no DOM types). */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const webStorageTokenStore = (storage: KeyValueStorage, key: string): TokenStore => ({
  load() {
    try {
      const saved = JSON.parse(storage.getItem(key) ?? 'null') as Tokens | null;
      return saved?.access_token && saved.refresh_token ? saved : null;
    } catch {
      return null;
    }
  },
  save(tokens) {
    if (tokens) storage.setItem(key, JSON.stringify(tokens));
    else storage.removeItem(key);
  },
});

export interface AuthSessionOptions {
  /** Where the REST API answers, e.g. `https://live.example.com/api`. */
  apiUrl: string;
  store: TokenStore;
  fetch?: typeof fetch;
  /** Runs one refresh at a time among every holder of the store; Web Locks where there are. */
  lock?: <T>(run: () => Promise<T>) => Promise<T>;
}

/** Tabs of one origin share localStorage: one lock name makes their refreshes take turns. */
interface LockManager {
  request<T>(name: string, run: () => Promise<T>): Promise<T>;
}
const webLock = <T>(run: () => Promise<T>): Promise<T> => {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return locks ? locks.request('vidinfra-auth-refresh', run) : run();
};

export interface AuthSession {
  accessToken(): string | null;
  refreshToken(): string | null;
  signedIn(tokens: Tokens): void;
  signedOut(): void;
  /**
   * Rotates the refresh token; resolves to the new access token, or null (and signed out) when
   * the login is over. Concurrent calls share one request.
   */
  refresh(): Promise<string | null>;
}

export function createAuthSession({
  apiUrl,
  store,
  fetch: send = globalThis.fetch,
  lock = webLock,
}: AuthSessionOptions): AuthSession {
  let inFlight: Promise<string | null> | null = null;

  async function rotate(): Promise<string | null> {
    const refreshToken = store.load()?.refresh_token;
    if (!refreshToken) return null;
    const response = await send(`${apiUrl}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
    // A refused refresh ends the login; anything else (the network, a 5xx) may pass: keep it.
    if (response.status === 401 || response.status === 403) {
      store.save(null);
      return null;
    }
    if (!response.ok) throw new Error(`refreshing the login failed with HTTP ${response.status}`);
    const { data } = (await response.json()) as { data: Tokens };
    store.save({ access_token: data.access_token, refresh_token: data.refresh_token });
    return data.access_token;
  }

  return {
    accessToken: () => store.load()?.access_token ?? null,
    refreshToken: () => store.load()?.refresh_token ?? null,
    signedIn: (tokens) =>
      store.save({ access_token: tokens.access_token, refresh_token: tokens.refresh_token }),
    signedOut: () => store.save(null),
    refresh() {
      const seen = store.load()?.refresh_token;
      inFlight ??= lock(async () => {
        const current = store.load();
        // Another holder of the store rotated it while this one waited: take its tokens.
        if (current && current.refresh_token !== seen) return current.access_token;
        return rotate();
      }).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
