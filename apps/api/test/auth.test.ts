import { randomBytes } from 'node:crypto';
import { createServices } from '@vidinfra/services';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { dialect, PASSWORD, useTestApp, type Reply, type TestApp } from './harness.ts';

type Tokens = { access_token: string; refresh_token: string; user: { id: string } };

const UNUSED_ID = '00000000-0000-7000-8000-000000000000';

const newDeviceToken = () => `device-${randomBytes(12).toString('hex')}`;

/** The refresh-token family an access token belongs to (its `fam` claim). */
const familyOf = (accessToken: string): string => {
  const payload = accessToken.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).fam;
};

const loginFrom = async (
  api: TestApp,
  ip: string,
  email: string,
  password: string,
): Promise<Reply<Tokens>> => {
  const response = await api.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { email, password },
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

const refresh = (api: TestApp, refreshToken: string) =>
  api.call<Tokens>('POST', '/api/auth/refresh', { body: { refresh_token: refreshToken } });

const me = (api: TestApp, token: string) => api.call('GET', '/api/auth/me', { token });

const statuses = (replies: Reply[]) => replies.map((reply) => reply.status).sort();

/** Every line the app's logger writes from now on (the pino logger's destination, swapped). */
const captureLog = (app: FastifyInstance): string[] => {
  const lines: string[] = [];
  let logger: object | null = app.log;
  while (logger) {
    const streamKey = Object.getOwnPropertySymbols(logger).find(
      (key) => key.description === 'pino.stream',
    );
    if (streamKey) {
      (logger as Record<symbol, unknown>)[streamKey] = {
        write: (line: string) => lines.push(line),
      };
      return lines;
    }
    logger = Object.getPrototypeOf(logger) as object | null;
  }
  throw new Error('no pino destination found on the app logger');
};

/** A clock the test moves forward; starts at the wall clock. */
const testClock = () => {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (seconds: number) => {
      offsetMs += seconds * 1000;
    },
    reset: () => {
      offsetMs = 0;
    },
  };
};

describe(`auth (${dialect})`, () => {
  const api = useTestApp();

  describe('login', () => {
    it('answers tokens and the user for the right password', async () => {
      const host = await api.account('host', 'Hanna Host');
      const res = await api.call<Tokens>('POST', '/api/auth/login', {
        body: { email: host.email.toUpperCase(), password: PASSWORD },
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        expires_in: 900,
        user: { id: host.id, email: host.email, display_name: 'Hanna Host', role: 'host' },
      });
      expect((await me(api, res.body.data!.access_token)).body.data).toMatchObject({
        id: host.id,
      });
    });

    it('answers the same INVALID_CREDENTIALS for an unknown email and a wrong password', async () => {
      const host = await api.account('host');
      const wrongPassword = await api.call('POST', '/api/auth/login', {
        body: { email: host.email, password: 'not the password' },
      });
      const unknownEmail = await api.call('POST', '/api/auth/login', {
        body: { email: 'nobody@example.test', password: PASSWORD },
      });
      expect(wrongPassword.status).toBe(401);
      expect(wrongPassword.body.error?.code).toBe('INVALID_CREDENTIALS');
      expect(unknownEmail.status).toBe(401);
      expect(unknownEmail.body.error).toEqual(wrongPassword.body.error);
    });
  });

  describe('refresh', () => {
    it('rotates: the new pair works and stays in the login', async () => {
      const host = await api.account('host');
      const rotated = await refresh(api, host.refreshToken);
      expect(rotated.status).toBe(200);
      const { access_token, refresh_token, user } = rotated.body.data!;
      expect(refresh_token).not.toBe(host.refreshToken);
      expect(user.id).toBe(host.id);
      expect(familyOf(access_token)).toBe(familyOf(host.token));
      expect((await me(api, access_token)).status).toBe(200);
      expect((await refresh(api, refresh_token)).status).toBe(200);
    });

    it('refuses an unknown refresh token', async () => {
      const res = await refresh(api, 'not-a-refresh-token');
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('UNAUTHORIZED');
    });

    it('lets concurrent refreshes of one token within the grace all succeed in one family', async () => {
      const host = await api.account('host');
      const replies = await Promise.all(
        Array.from({ length: 10 }, () => refresh(api, host.refreshToken)),
      );
      expect(statuses(replies)).toEqual(Array(10).fill(200));
      const successors = replies.map((reply) => reply.body.data!);
      expect(new Set(successors.map((s) => s.refresh_token)).size).toBe(10);
      for (const successor of successors)
        expect(familyOf(successor.access_token)).toBe(familyOf(host.token));
      // One family: logging out with one successor ends them all.
      const [first, ...others] = successors;
      await api.call('POST', '/api/auth/logout', {
        token: first!.access_token,
        body: { refresh_token: first!.refresh_token },
      });
      for (const other of others)
        expect((await refresh(api, other.refresh_token)).status).toBe(401);
    });
  });

  describe('viewer register and device login', () => {
    it('registers a viewer by device token, then logs in with it', async () => {
      const deviceToken = newDeviceToken();
      const registered = await api.call<Tokens>('POST', '/api/auth/viewer/register', {
        body: { device_token: deviceToken, display_name: 'Vera Viewer' },
      });
      expect(registered.status).toBe(200);
      const viewer = registered.body.data!.user;
      expect(viewer).toMatchObject({ display_name: 'Vera Viewer', role: 'viewer' });
      expect(viewer).not.toHaveProperty('email');

      const login = await api.call<Tokens>('POST', '/api/auth/device/login', {
        body: { device_token: deviceToken },
      });
      expect(login.status).toBe(200);
      expect(login.body.data!.user.id).toBe(viewer.id);
      expect((await me(api, login.body.data!.access_token)).body.data).toMatchObject({
        id: viewer.id,
        role: 'viewer',
      });
    });

    it('answers 409 for a device token that already exists, creating no account', async () => {
      const deviceToken = newDeviceToken();
      const first = await api.call('POST', '/api/auth/viewer/register', {
        body: { device_token: deviceToken, display_name: 'First' },
      });
      expect(first.status).toBe(200);
      const viewersBefore = await api.db.repos.users.countByRole('viewer');
      const again = await api.call('POST', '/api/auth/viewer/register', {
        body: { device_token: deviceToken, display_name: 'Second' },
      });
      expect(again.status).toBe(409);
      expect(again.body.success).toBe(false);
      expect(await api.db.repos.users.countByRole('viewer')).toBe(viewersBefore);
    });

    it('refuses an unknown device token and a malformed one', async () => {
      const unknown = await api.call('POST', '/api/auth/device/login', {
        body: { device_token: newDeviceToken() },
      });
      expect(unknown.status).toBe(401);
      expect(unknown.body.error?.code).toBe('INVALID_CREDENTIALS');
      const malformed = await api.call('POST', '/api/auth/viewer/register', {
        body: { device_token: 'short', display_name: 'X' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error?.code).toBe('VALIDATION_ERROR');
    });
  });

  describe('auth codes', () => {
    const generateCode = async (token: string) => {
      const res = await api.call<{ code: string; expires_in: number }>('POST', '/api/auth/code', {
        token,
        body: {},
      });
      expect(res.status).toBe(200);
      return res.body.data!;
    };
    const exchange = (code: string) =>
      api.call<Tokens>('POST', '/api/auth/code/exchange', { body: { code } });

    it('hands the caller to another app once', async () => {
      const host = await api.account('host');
      const { code, expires_in } = await generateCode(host.token);
      expect(expires_in).toBe(60);
      const exchanged = await exchange(code);
      expect(exchanged.status).toBe(200);
      expect(exchanged.body.data!.user.id).toBe(host.id);
      expect((await me(api, exchanged.body.data!.access_token)).body.data).toMatchObject({
        id: host.id,
      });
      const again = await exchange(code);
      expect(again.status).toBe(410);
      expect(again.body.error?.code).toBe('CODE_EXPIRED');
    });

    it('redeems a code for exactly one of 10 concurrent exchanges', async () => {
      const host = await api.account('host');
      const { code } = await generateCode(host.token);
      const replies = await Promise.all(Array.from({ length: 10 }, () => exchange(code)));
      expect(statuses(replies)).toEqual([200, ...Array(9).fill(410)]);
      for (const reply of replies.filter((r) => r.status === 410))
        expect(reply.body.error?.code).toBe('CODE_EXPIRED');
    });

    it('answers 410 for an unknown code and needs a signed-in caller to generate one', async () => {
      const unknown = await exchange(UNUSED_ID);
      expect(unknown.status).toBe(410);
      expect(unknown.body.error?.code).toBe('CODE_EXPIRED');
      const anonymous = await api.call('POST', '/api/auth/code', { body: {} });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('me and logout', () => {
    it('answers the signed-in user, and 401 without a token', async () => {
      const host = await api.account('host', 'Mia Me');
      const res = await me(api, host.token);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        id: host.id,
        email: host.email,
        display_name: 'Mia Me',
        role: 'host',
        disabled: false,
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      });
      const anonymous = await api.call('GET', '/api/auth/me');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error?.code).toBe('UNAUTHORIZED');
    });

    it('revokes the refresh token on logout, and only the caller’s own', async () => {
      const host = await api.account('host');
      const other = await api.account('viewer');
      const foreign = await api.call('POST', '/api/auth/logout', {
        token: host.token,
        body: { refresh_token: other.refreshToken },
      });
      expect(foreign.body.data).toEqual({ revoked: false });
      expect((await refresh(api, other.refreshToken)).status).toBe(200);

      const res = await api.call('POST', '/api/auth/logout', {
        token: host.token,
        body: { refresh_token: host.refreshToken },
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ revoked: true });
      const after = await refresh(api, host.refreshToken);
      expect(after.status).toBe(401);
      expect(after.body.error?.code).toBe('UNAUTHORIZED');
    });

    it('ends the access token of the login that logged out at once, on REST and tRPC, and only that login’s', async () => {
      const host = await api.account('host');
      const elsewhere = (
        await api.call<Tokens>('POST', '/api/auth/login', {
          body: { email: host.email, password: PASSWORD },
        })
      ).body.data!;
      await api.call('POST', '/api/auth/logout', {
        token: host.token,
        body: { refresh_token: host.refreshToken },
      });
      const rest = await me(api, host.token);
      expect(rest.status).toBe(401);
      expect(rest.body.error).toMatchObject({
        code: 'UNAUTHORIZED',
        message: 'this login was signed out',
      });
      const trpc = await api.app.inject({
        method: 'GET',
        url: '/trpc/auth.me',
        headers: { authorization: `Bearer ${host.token}` },
      });
      expect(trpc.statusCode).toBe(401);
      expect((await me(api, elsewhere.access_token)).status).toBe(200);
    });
  });

  describe('access tokens', () => {
    it('refuses a disabled user’s unexpired token, and their refresh', async () => {
      const host = await api.account('host');
      expect((await me(api, host.token)).status).toBe(200);
      await api.db.repos.users.update(host.id, { disabled: true });
      const res = await me(api, host.token);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('ACCOUNT_DISABLED');
      expect((await refresh(api, host.refreshToken)).body.error?.code).toBe('ACCOUNT_DISABLED');
      const login = await api.call('POST', '/api/auth/login', {
        body: { email: host.email, password: PASSWORD },
      });
      expect(login.status).toBe(403);
    });

    it('refuses a token signed with another secret, on REST and tRPC', async () => {
      const host = await api.account('host');
      const { deps } = api.services;
      const impostor = createServices({
        ...deps,
        config: { ...deps.config, jwtSecret: 'another-secret-another-secret-000' },
      });
      const forged = await impostor.auth.login({ email: host.email, password: PASSWORD });
      const rest = await me(api, forged.access_token);
      expect(rest.status).toBe(401);
      expect(rest.body.error?.code).toBe('UNAUTHORIZED');
      const trpc = await api.app.inject({
        method: 'GET',
        url: '/trpc/auth.me',
        headers: { authorization: `Bearer ${forged.access_token}` },
      });
      expect(trpc.statusCode).toBe(401);
    });

    it('refuses a sent but invalid token on a public route', async () => {
      const host = await api.account('host');
      expect((await api.call('GET', '/api/rooms')).status).toBe(200);
      expect((await api.call('GET', '/api/rooms', { token: host.token })).status).toBe(200);
      for (const token of ['garbage', `${host.token}x`]) {
        const res = await api.call('GET', '/api/rooms', { token });
        expect(res.status).toBe(401);
        expect(res.body.error?.code).toBe('UNAUTHORIZED');
      }
    });
  });

  describe('login rate limit', () => {
    it('locks an account after 5 failures, even for the right password, not its neighbours', async () => {
      const ip = '10.0.0.1';
      const target = await api.account('host');
      const neighbour = await api.account('host');
      for (let attempt = 0; attempt < 5; attempt++) {
        const failed = await loginFrom(api, ip, target.email, 'wrong password');
        expect(failed.body.error?.code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await loginFrom(api, ip, target.email, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.error?.code).toBe('RATE_LIMITED');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect((await loginFrom(api, '10.0.0.9', target.email, PASSWORD)).status).toBe(429);
      expect((await loginFrom(api, ip, neighbour.email, PASSWORD)).status).toBe(200);
    });

    it('holds to the account limit under a burst of concurrent guesses', async () => {
      const target = await api.account('host');
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => loginFrom(api, '10.0.0.4', target.email, 'guess')),
      );
      expect(burst.filter((reply) => reply.status === 401)).toHaveLength(5);
      expect(burst.filter((reply) => reply.status === 429)).toHaveLength(15);
    });

    it('locks an IP after 30 failures across accounts', async () => {
      const ip = '10.0.0.2';
      const accounts = await Promise.all(Array.from({ length: 11 }, () => api.account('viewer')));
      const [fresh, ...tried] = accounts;
      for (const account of tried) {
        for (let attempt = 0; attempt < 3; attempt++) {
          expect((await loginFrom(api, ip, account.email, 'wrong password')).status).toBe(401);
        }
      }
      const locked = await loginFrom(api, ip, fresh!.email, PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.error?.code).toBe('RATE_LIMITED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await loginFrom(api, '10.0.0.3', fresh!.email, PASSWORD)).status).toBe(200);
    });
  });
});

describe(`auth without a refresh reuse grace (${dialect})`, () => {
  const api = useTestApp({ REFRESH_REUSE_GRACE_SECONDS: '0' });

  it('refuses an old refresh token and revokes its whole family', async () => {
    const host = await api.account('host');
    const second = await refresh(api, host.refreshToken);
    const newest = await refresh(api, second.body.data!.refresh_token);
    expect(newest.status).toBe(200);

    const reuse = await refresh(api, host.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error?.code).toBe('UNAUTHORIZED');
    expect((await refresh(api, newest.body.data!.refresh_token)).status).toBe(401);
    // The thief's access token dies with the family too.
    expect((await me(api, newest.body.data!.access_token)).status).toBe(401);
  });

  it('lets exactly one of concurrent refreshes of one token succeed', async () => {
    const host = await api.account('host');
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => refresh(api, host.refreshToken)),
    );
    expect(statuses(replies).filter((status) => status === 200)).toHaveLength(1);
    expect(statuses(replies).filter((status) => status === 401)).toHaveLength(9);
  });
});

describe(`auth on a test clock (${dialect})`, () => {
  const clock = testClock();
  const api = useTestApp({}, { now: clock.now });
  afterEach(() => clock.reset());

  it('expires an access token after its lifetime', async () => {
    const host = await api.account('host');
    clock.advance(15 * 60 - 5);
    expect((await me(api, host.token)).status).toBe(200);
    clock.advance(10);
    const res = await me(api, host.token);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('TOKEN_EXPIRED');
    expect((await refresh(api, host.refreshToken)).status).toBe(200);
  });

  it('expires an auth code after 60 seconds', async () => {
    const host = await api.account('host');
    const generate = () => api.call('POST', '/api/auth/code', { token: host.token, body: {} });
    const exchange = (code: string) =>
      api.call('POST', '/api/auth/code/exchange', { body: { code } });
    const early = (await generate()).body.data.code;
    const late = (await generate()).body.data.code;
    clock.advance(55);
    expect((await exchange(early)).status).toBe(200);
    clock.advance(10);
    const expired = await exchange(late);
    expect(expired.status).toBe(410);
    expect(expired.body.error?.code).toBe('CODE_EXPIRED');
  });

  it('accepts a reused refresh token within the grace, and revokes the family after it', async () => {
    const host = await api.account('host');
    const rotated = await refresh(api, host.refreshToken);
    const withinGrace = await refresh(api, host.refreshToken);
    expect(withinGrace.status).toBe(200);
    expect(familyOf(withinGrace.body.data!.access_token)).toBe(familyOf(host.token));

    clock.advance(6);
    const late = await refresh(api, host.refreshToken);
    expect(late.status).toBe(401);
    expect((await refresh(api, rotated.body.data!.refresh_token)).status).toBe(401);
    expect((await refresh(api, withinGrace.body.data!.refresh_token)).status).toBe(401);
  });
});

describe(`auth logging (${dialect})`, () => {
  const api = useTestApp({ LOG_LEVEL: 'info' });

  it('never writes passwords, tokens or codes into the log', async () => {
    const lines = captureLog(api.app);
    const host = await api.account('host');
    const wrongPassword = 'wrong-password-for-the-log';
    await api.call('POST', '/api/auth/login', {
      body: { email: host.email, password: wrongPassword },
    });
    const login = await api.call<Tokens>('POST', '/api/auth/login', {
      body: { email: host.email, password: PASSWORD },
    });
    const tokens = login.body.data!;
    await me(api, tokens.access_token);
    const rotated = (await refresh(api, tokens.refresh_token)).body.data!;
    const viaTrpc = await api.app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      payload: { email: host.email, password: PASSWORD },
    });
    expect(viaTrpc.statusCode).toBe(200);
    const { code } = (
      await api.call('POST', '/api/auth/code', { token: rotated.access_token, body: {} })
    ).body.data;
    const exchanged = (
      await api.call<Tokens>('POST', '/api/auth/code/exchange', { body: { code } })
    ).body.data!;
    await api.call('POST', '/api/auth/logout', {
      token: exchanged.access_token,
      body: { refresh_token: exchanged.refresh_token },
    });

    expect(lines.filter((line) => line.includes('/api/auth/login'))).not.toEqual([]);
    expect(lines.filter((line) => line.includes('/trpc/auth.login'))).not.toEqual([]);
    const secrets = [
      PASSWORD,
      wrongPassword,
      code,
      ...[tokens, rotated, exchanged].flatMap((t) => [t.access_token, t.refresh_token]),
    ];
    for (const secret of secrets) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
  });
});
