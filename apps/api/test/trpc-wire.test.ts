// tRPC's wire format on a real port: single calls (`httpLink`) are answered by the lean path from
// the operation core, batches (`httpBatchLink`) by tRPC's official handler; a client sees the
// same data and the same error shapes from both. Malformed input is a BAD_REQUEST, never a 500.
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@vidinfra/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { MISSING_ID, ownedSession } from './session-fixtures.ts';

const api = useTestApp();
let origin = '';
beforeAll(async () => {
  origin = await api.app.listen({ port: 0, host: '127.0.0.1' });
});

const clients = (token?: string) => {
  const options = {
    url: `${origin}/trpc`,
    headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
  };
  return {
    single: createTRPCClient<AppRouter>({ links: [httpLink(options)] }),
    batched: createTRPCClient<AppRouter>({ links: [httpBatchLink(options)] }),
  };
};

/** What a client sees of a failed call: its message and the error shape (code, data). */
const failureOf = async (call: Promise<unknown>) => {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a TRPCClientError: ${error}`);
  return { message: error.message, shape: error.shape as unknown, data: error.data as unknown };
};

describe(`tRPC wire format, single and batched (${dialect})`, () => {
  it('answers a query and a mutation with the same data either way', async () => {
    const { owner, sessionId } = await ownedSession(api);
    const { single, batched } = clients(owner.token);
    const [lean, official] = await Promise.all([
      single.sessions.get.query({ id: sessionId }),
      batched.sessions.get.query({ id: sessionId }),
    ]);
    expect(lean).toMatchObject({ id: sessionId, status: 'scheduled' });
    expect(lean).toEqual(official);
    const created = await single.rooms.create.mutate({ name: 'Lean room', visibility: 'public' });
    expect(created).toMatchObject({ name: 'Lean room' });
    expect(await batched.rooms.get.query({ id: created.id })).toMatchObject({ id: created.id });
  });

  it('answers a batch naming many procedures (a path longer than a URL parameter may be by default)', async () => {
    const { owner, roomId, sessionId } = await ownedSession(api);
    const { batched } = clients(owner.token);
    const answers = await Promise.all([
      batched.health.check.query({}),
      batched.sessions.get.query({ id: sessionId }),
      batched.sessions.listInRoom.query({ id: roomId }),
      batched.sessions.live.query({}),
      batched.sessions.stats.query({}),
      batched.sessions.shareUrls.query({ id: sessionId }),
      batched.rooms.get.query({ id: roomId }),
      batched.rooms.mine.query({}),
    ]);
    expect(answers[1]).toMatchObject({ id: sessionId });
    expect(answers[2].items.map((s) => s.id)).toEqual([sessionId]);
    expect(answers[6]).toMatchObject({ id: roomId });
    expect(answers[7].items.map((r) => r.id)).toEqual([roomId]);
  });

  it('gives the same error shapes either way', async () => {
    const { owner, sessionId } = await ownedSession(api);
    type Client = ReturnType<typeof clients>['single'];
    const cases: { name: string; token?: string; call: (c: Client) => Promise<unknown> }[] = [
      {
        name: 'validation',
        token: owner.token,
        call: (c) => c.sessions.get.query({ id: 'nope' }),
      },
      { name: 'domain', token: owner.token, call: (c) => c.sessions.get.query({ id: MISSING_ID }) },
      {
        name: 'unauthorized',
        token: 'not-a-token',
        call: (c) => c.sessions.get.query({ id: sessionId }),
      },
      { name: 'not signed in', call: (c) => c.sessions.studioUrl.mutate({ id: sessionId }) },
    ];
    const seen: Record<string, unknown> = {};
    for (const { name, token, call } of cases) {
      const { single, batched } = clients(token);
      const lean = await failureOf(call(single));
      expect(lean, name).toEqual(await failureOf(call(batched)));
      seen[name] = lean.shape;
    }
    expect(seen).toMatchObject({
      validation: {
        code: -32600,
        data: {
          code: 'BAD_REQUEST',
          httpStatus: 400,
          path: 'sessions.get',
          error: { code: 'VALIDATION_ERROR', details: [{ field: 'id' }] },
        },
      },
      domain: { code: -32004, data: { httpStatus: 404, error: { code: 'NOT_FOUND' } } },
      unauthorized: { code: -32001, data: { httpStatus: 401, error: { code: 'UNAUTHORIZED' } } },
      'not signed in': { data: { httpStatus: 401, path: 'sessions.studioUrl' } },
    });
  });
});

describe(`tRPC single calls on the wire (${dialect})`, () => {
  const call = (path: string, init: RequestInit = {}) => fetch(`${origin}/trpc/${path}`, init);

  it("answers in tRPC's format with its headers", async () => {
    const reply = await call('health.check?input=%7B%7D');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    // tRPC's own, then the Origin CORS answers depend on (cors.ts).
    expect(reply.headers.get('vary')).toBe('trpc-accept, accept, Origin');
    expect(await reply.json()).toEqual({ result: { data: expect.any(Object) } });
  });

  it('answers malformed input with BAD_REQUEST in its error shape', async () => {
    for (const reply of [
      await call('sessions.get?input=%7Bnot-json'),
      await call('rooms.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":',
      }),
    ]) {
      expect(reply.status).toBe(400);
      expect(await reply.json()).toMatchObject({
        error: { code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400 } },
      });
    }
  });

  it('leaves a query asked by POST to tRPC, which refuses it', async () => {
    const reply = await call('sessions.get', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: MISSING_ID }),
    });
    expect(reply.status).toBe(405);
    expect(await reply.json()).toMatchObject({ error: { data: { code: 'METHOD_NOT_SUPPORTED' } } });
  });
});
