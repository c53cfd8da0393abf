// The browser's client (@vidinfra/api-client) against the server on a real port: typed calls in
// tRPC's batched wire format, the envelope's error model on a TRPCClientError, and a login whose
// access token expired renewed once, silently.
import {
  apiErrorOf,
  createApiClient,
  createAuthSession,
  memoryTokenStore,
} from '@vidinfra/api-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { MISSING_ID, ownedSession } from './session-fixtures.ts';

let offsetMs = 0;
const api = useTestApp({}, { now: () => new Date(Date.now() + offsetMs) });
let origin = '';
beforeAll(async () => {
  origin = await api.app.listen({ port: 0, host: '127.0.0.1' });
});

describe(`api-client against the server (${dialect})`, () => {
  it('calls typed procedures, batched', async () => {
    const { owner, sessionId, roomId } = await ownedSession(api);
    const session = createAuthSession({
      apiUrl: `${origin}/api`,
      store: memoryTokenStore({ access_token: owner.token, refresh_token: owner.refreshToken }),
    });
    const client = createApiClient({ trpcUrl: `${origin}/trpc`, session });
    const [read, me] = await Promise.all([
      client.sessions.get.query({ id: sessionId }),
      client.auth.me.query({}),
    ]);
    expect(read).toMatchObject({ id: sessionId, room_id: roomId, status: 'scheduled' });
    expect(me.id).toBe(owner.id);
  });

  it('gives the envelope error model on a failed call', async () => {
    const client = createApiClient({ trpcUrl: `${origin}/trpc` });
    const failure = await client.sessions.get.query({ id: MISSING_ID }).catch(apiErrorOf);
    expect(failure).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
    const invalid = await client.sessions.get.query({ id: 'nope' }).catch(apiErrorOf);
    expect(invalid).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'id' }] });
  });

  it('renews an expired access token once and retries the call', async () => {
    const viewer = await api.account('viewer');
    const store = memoryTokenStore({
      access_token: viewer.token,
      refresh_token: viewer.refreshToken,
    });
    const session = createAuthSession({ apiUrl: `${origin}/api`, store });
    const client = createApiClient({ trpcUrl: `${origin}/trpc`, session });
    offsetMs = 16 * 60 * 1000; // past the access token's 15 minutes
    try {
      expect((await client.auth.me.query({})).id).toBe(viewer.id);
      expect(store.load()?.access_token).not.toBe(viewer.token);
      expect(store.load()?.refresh_token).not.toBe(viewer.refreshToken);
    } finally {
      offsetMs = 0;
    }
  });
});
