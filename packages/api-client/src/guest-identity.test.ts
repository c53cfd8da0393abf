import { describe, expect, it } from 'vitest';
import { createAuthSession, memoryTokenStore } from './auth-session.ts';
import { createGuestIdentity, guestDeviceStore } from './guest-identity.ts';

const API = 'http://api.test/api';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const tokens = (n: number) => ({ access_token: `access-${n}`, refresh_token: `refresh-${n}` });

/** An API that knows the devices registered with it. */
function authServer() {
  const devices = new Map<string, string>();
  const calls: string[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const path = String(url).slice(API.length);
    const body = JSON.parse(String(init?.body)) as { device_token: string; display_name?: string };
    calls.push(path);
    if (path === '/auth/viewer/register') {
      devices.set(body.device_token, body.display_name!);
      return json(200, { success: true, data: tokens(devices.size) });
    }
    return devices.has(body.device_token)
      ? json(200, { success: true, data: tokens(100) })
      : json(401, { success: false, error: { code: 'INVALID_CREDENTIALS', message: 'no' } });
  };
  return { devices, calls, fetch: fetch as typeof globalThis.fetch };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const setup = (server = authServer(), storage = memoryStorage()) => {
  const session = createAuthSession({
    apiUrl: API,
    store: memoryTokenStore(),
    fetch: server.fetch,
  });
  const store = guestDeviceStore(() => storage, 'guest');
  let n = 0;
  const guest = createGuestIdentity({
    apiUrl: API,
    session,
    store,
    fetch: server.fetch,
    newDeviceToken: () => `device-token-number-${++n}`,
  });
  return { server, storage, session, store, guest };
};

describe('guest identity', () => {
  it('registers a new device with the name, keeps it, and signs in', async () => {
    const { server, session, guest, store } = setup();
    expect(guest.identified()).toBe(false);
    await expect(guest.signIn()).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await guest.signIn('  Ada ');
    expect(session.accessToken()).toBe('access-1');
    expect(store.load()).toEqual({ device_token: 'device-token-number-1', display_name: 'Ada' });
    expect(server.calls).toEqual(['/auth/viewer/register']);
    expect(guest.identified()).toBe(true);
  });

  it('comes back as the same guest with a device login on the next visit', async () => {
    const first = setup();
    await first.guest.signIn('Ada');
    const next = setup(first.server, first.storage);
    expect(next.guest.knownName()).toBe('Ada');
    await next.guest.signIn();
    expect(next.session.accessToken()).toBe('access-100');
    expect(first.server.calls).toEqual(['/auth/viewer/register', '/auth/device/login']);
  });

  it('re-registers a device the server forgot, under its name', async () => {
    const first = setup();
    await first.guest.signIn('Ada');
    first.server.devices.clear();
    const next = setup(first.server, first.storage);
    await next.guest.signIn();
    expect(first.server.devices.get('device-token-number-1')).toBe('Ada');
  });

  it('leaves a login of its own alone', async () => {
    const { server, session, guest } = setup();
    session.signedIn(tokens(7));
    await guest.signIn('Ada');
    expect(session.accessToken()).toBe('access-7');
    expect(server.calls).toEqual([]);
  });

  it('keeps the device in memory where storage is refused', async () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    const { guest, store } = setup(authServer(), refusing);
    await guest.signIn('Ada');
    expect(store.load()?.display_name).toBe('Ada');
  });
});
