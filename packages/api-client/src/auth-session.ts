// Who the browser is signed in as: the access and refresh tokens, kept in a store the app picks
// (localStorage in a browser, memory in tests), and their rotation. However many requests find
// the access token expired at once, one refresh runs and all of them wait for it.
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

export interface AuthSessionOptions {
  /** Where the REST API answers, e.g. `https://live.example.com/api`. */
  apiUrl: string;
  store: TokenStore;
  fetch?: typeof fetch;
}

export interface AuthSession {
  accessToken(): string | null;
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
    signedIn: (tokens) =>
      store.save({ access_token: tokens.access_token, refresh_token: tokens.refresh_token }),
    signedOut: () => store.save(null),
    refresh() {
      inFlight ??= rotate().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
