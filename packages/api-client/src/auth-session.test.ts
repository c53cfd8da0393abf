import { describe, expect, it } from 'vitest';
import { createAuthSession, memoryTokenStore, type Tokens } from './auth-session.ts';
import { authenticatedFetch } from './trpc-client.ts';

const API = 'http://api.test/api';
const tokens = (n: number): Tokens => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
});
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A refresh endpoint that rotates `refresh-n` into `n+1`, answering when told to. */
function refreshServer() {
  const calls: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const { refresh_token } = JSON.parse(String(init?.body)) as { refresh_token: string };
    calls.push(`${String(url)} ${refresh_token}`);
    await released;
    const n = Number(refresh_token.split('-')[1]);
    return json(200, { success: true, data: tokens(n + 1) });
  };
  return { calls, release, fetch: fetch as typeof globalThis.fetch };
}

describe('auth session', () => {
  it('runs one refresh for many callers and stores the rotated tokens', async () => {
    const server = refreshServer();
    const store = memoryTokenStore(tokens(1));
    const session = createAuthSession({ apiUrl: API, store, fetch: server.fetch });
    const waiting = [session.refresh(), session.refresh(), session.refresh()];
    server.release();
    expect(await Promise.all(waiting)).toEqual(['access-2', 'access-2', 'access-2']);
    expect(server.calls).toEqual([`${API}/auth/refresh refresh-1`]);
    expect(store.load()).toEqual(tokens(2));
    expect(await session.refresh()).toBe('access-3');
  });

  it('shares one rotation between tabs holding the same store', async () => {
    const server = refreshServer();
    const store = memoryTokenStore(tokens(1));
    let queue = Promise.resolve();
    const lock = <T>(run: () => Promise<T>) => {
      const turn = queue.then(run);
      queue = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn;
    };
    const tabs = [1, 2].map(() =>
      createAuthSession({ apiUrl: API, store, fetch: server.fetch, lock }),
    );
    const waiting = tabs.map((tab) => tab.refresh());
    server.release();
    expect(await Promise.all(waiting)).toEqual(['access-2', 'access-2']);
    expect(server.calls).toEqual([`${API}/auth/refresh refresh-1`]);
  });

  it('signs out when the refresh is refused', async () => {
    const store = memoryTokenStore(tokens(1));
    const refused = async () => json(401, { success: false, error: { code: 'UNAUTHORIZED' } });
    const session = createAuthSession({ apiUrl: API, store, fetch: refused as typeof fetch });
    expect(await session.refresh()).toBeNull();
    expect(session.accessToken()).toBeNull();
  });

  it('keeps the login when the server cannot answer', async () => {
    const store = memoryTokenStore(tokens(1));
    const down = async () => json(503, { success: false, error: { code: 'UNAVAILABLE' } });
    const session = createAuthSession({ apiUrl: API, store, fetch: down as typeof fetch });
    await expect(session.refresh()).rejects.toThrow(/503/);
    expect(store.load()).toEqual(tokens(1));
  });
});

describe('authenticated fetch', () => {
  it('sends the token, and after a 401 refreshes once and sends again with the new one', async () => {
    const server = refreshServer();
    server.release();
    const store = memoryTokenStore(tokens(1));
    const session = createAuthSession({ apiUrl: API, store, fetch: server.fetch });
    const seen: (string | null)[] = [];
    const api = (async (_url: string, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization');
      seen.push(auth);
      return auth === 'Bearer access-2' ? json(200, { ok: true }) : json(401, {});
    }) as typeof fetch;
    const response = await authenticatedFetch(session, api)('http://api.test/trpc/x');
    expect(response.status).toBe(200);
    expect(seen).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('does not refresh for a request sent without a token', async () => {
    const session = createAuthSession({ apiUrl: API, store: memoryTokenStore() });
    const api = (async () => json(401, {})) as typeof fetch;
    expect((await authenticatedFetch(session, api)('http://api.test/trpc/x')).status).toBe(401);
  });
});
