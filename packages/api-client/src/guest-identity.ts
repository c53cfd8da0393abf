// A guest: a viewer account registered with a device token and a display name (the contract's
// viewer registration), made the first time a viewer chats, votes or raises a hand. The device
// token is kept in the browser, so the same guest comes back (device login) on the next visit.
// A login of its own (email and password) wins: the guest is used only when nobody is signed in.
import type { AuthResponse } from '@vidinfra/domain';
import type { AuthSession } from './auth-session.ts';

export interface GuestDevice {
  device_token: string;
  display_name: string;
}

export interface GuestDeviceStore {
  load(): GuestDevice | null;
  save(device: GuestDevice): void;
}

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The guest's device in Web Storage, or in memory where storage is refused (a framed page). */
export function guestDeviceStore(storage: () => KeyValueStorage, key: string): GuestDeviceStore {
  let inMemory: GuestDevice | null = null;
  return {
    load() {
      try {
        const saved = JSON.parse(storage().getItem(key) ?? 'null') as GuestDevice | null;
        return saved?.device_token && saved.display_name ? saved : inMemory;
      } catch {
        return inMemory;
      }
    },
    save(device) {
      inMemory = device;
      try {
        storage().setItem(key, JSON.stringify(device));
      } catch {
        // Storage refused: the guest lasts as long as the page.
      }
    },
  };
}

export interface GuestIdentityOptions {
  /** Where the REST API answers, e.g. `https://live.example.com/api`. */
  apiUrl: string;
  session: AuthSession;
  store: GuestDeviceStore;
  fetch?: typeof fetch;
  /** A new device token (128 random bits or more). */
  newDeviceToken?: () => string;
}

export class GuestSignInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GuestSignInError';
  }
}

export interface GuestIdentity {
  /** Someone is signed in: a login of their own or a guest. */
  identified(): boolean;
  /** The guest's name when a guest device is known (to greet them or prefill the name). */
  knownName(): string | null;
  /**
   * Signs in as the guest: the known device, or a new one registered with `displayName`
   * (required when none is known). Does nothing when someone is signed in already.
   */
  signIn(displayName?: string): Promise<void>;
}

export function createGuestIdentity({
  apiUrl,
  session,
  store,
  fetch: send = globalThis.fetch,
  newDeviceToken = () => `guest-${crypto.randomUUID()}`,
}: GuestIdentityOptions): GuestIdentity {
  async function post(path: string, body: unknown): Promise<AuthResponse | null> {
    const response = await send(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as {
      data?: AuthResponse;
      error?: { code: string; message: string };
    } | null;
    if (response.ok && json?.data) return json.data;
    if (response.status === 401) return null;
    throw new GuestSignInError(
      json?.error?.code ?? 'INTERNAL',
      json?.error?.message ?? `HTTP ${response.status}`,
    );
  }

  return {
    identified: () => session.accessToken() !== null,
    knownName: () => store.load()?.display_name ?? null,
    async signIn(displayName) {
      if (session.accessToken()) return;
      const known = store.load();
      if (known) {
        const tokens = await post('/auth/device/login', { device_token: known.device_token });
        if (tokens) return session.signedIn(tokens);
        // The server no longer knows the device (a reset database): register it anew.
      }
      const name = displayName?.trim() || known?.display_name;
      if (!name) throw new GuestSignInError('VALIDATION_ERROR', 'Choose a display name');
      const device = { device_token: known?.device_token ?? newDeviceToken(), display_name: name };
      const tokens = await post('/auth/viewer/register', device);
      if (!tokens) throw new GuestSignInError('UNAUTHORIZED', 'Could not register the guest');
      store.save(device);
      session.signedIn(tokens);
    },
  };
}
