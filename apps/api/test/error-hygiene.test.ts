// What a client sees when a request goes wrong, whatever raised it: one error model (the REST
// envelope's machine code, message and field details, carried by tRPC errors too), no stack
// trace ever, and the framework's own refusals in the envelope.
import { describe, expect, it, vi } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { MISSING_ID, ownedSession } from './session-fixtures.ts';

const api = useTestApp();

/** Every key of a JSON value, at any depth. */
const keysOf = (value: unknown): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
    : [];

const trpcGet = async (path: string, input?: unknown) => {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await api.app.inject({ method: 'GET', url: `/trpc/${path}${query}` });
  return { status: response.statusCode, body: response.json(), text: response.body };
};

describe(`errors: one model, no stacks (${dialect})`, () => {
  it('answers a tRPC validation error with the REST code, readable message and field details', async () => {
    const rest = await api.call('GET', '/api/sessions/not-a-uuid');
    const trpc = await trpcGet('sessions.get', { id: 'not-a-uuid' });
    expect(rest.status).toBe(400);
    expect(trpc.status).toBe(400);
    expect(trpc.body.error.data.code).toBe('BAD_REQUEST');
    expect(trpc.body.error.data.error).toEqual(rest.body.error);
    expect(trpc.body.error.data.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'id' }],
    });
    expect(trpc.body.error.message).toBe(rest.body.error?.message);
    expect(trpc.body.error.message).not.toMatch(/[[{]/); // not a JSON dump of zod issues
  });

  it('answers a tRPC domain error with the REST code and message', async () => {
    const rest = await api.call('GET', `/api/sessions/${MISSING_ID}`);
    const trpc = await trpcGet('sessions.get', { id: MISSING_ID });
    expect(trpc.status).toBe(404);
    expect(trpc.body.error.data.error).toEqual(rest.body.error);
  });

  it('sends no stack trace, over tRPC or REST, for refused, malformed or failing requests', async () => {
    const failing = vi
      .spyOn(api.services.rooms, 'listPublic')
      .mockRejectedValue(new Error('a bug deep inside'));
    try {
      const replies = [
        (await trpcGet('sessions.list')).text,
        (await trpcGet('nope.nothing')).text,
        (await trpcGet('rooms.list', {})).text,
        (await api.app.inject({ method: 'GET', url: '/api/rooms' })).body,
        (await api.app.inject({ method: 'POST', url: '/trpc/sessions.list' })).body,
      ];
      for (const text of replies) {
        expect(keysOf(JSON.parse(text))).not.toContain('stack');
        expect(text).not.toMatch(/node_modules|\/src\/|at .*\(/);
        expect(text).not.toContain('a bug deep inside');
      }
      expect(failing).toHaveBeenCalledTimes(2);
    } finally {
      failing.mockRestore();
    }
  });
});

describe(`framework errors answer in the envelope (${dialect})`, () => {
  const cases: [
    string,
    { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: string; type?: string },
    number,
    string,
  ][] = [
    [
      'a too long path parameter',
      { method: 'GET', url: `/api/sessions/${'x'.repeat(3000)}` },
      414,
      'URI_TOO_LONG',
    ],
    ['a malformed URL', { method: 'GET', url: '/api/sessions/%E0%A4%A' }, 400, 'VALIDATION_ERROR'],
    [
      'a too large body',
      {
        method: 'POST',
        url: '/api/auth/login',
        payload: `"${'x'.repeat(2 * 1024 * 1024)}"`,
        type: 'application/json',
      },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a body that is not JSON',
      { method: 'POST', url: '/api/auth/login', payload: 'email=a', type: 'text/plain' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'malformed JSON',
      { method: 'POST', url: '/api/auth/login', payload: '{"email":', type: 'application/json' },
      400,
      'INVALID_JSON',
    ],
    ['an unknown route', { method: 'GET', url: '/api/nothing/here' }, 404, 'NOT_FOUND'],
    [
      'a method the path does not answer',
      { method: 'PUT', url: '/api/health' },
      405,
      'METHOD_NOT_ALLOWED',
    ],
  ];

  it.each(cases)('%s', async (_name, request, status, code) => {
    const response = await api.app.inject({
      method: request.method,
      url: request.url,
      payload: request.payload,
      headers: request.type ? { 'content-type': request.type } : {},
    });
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body).toMatchObject({ success: false, error: { code }, timestamp: expect.any(Number) });
    expect(body.error.message).toMatch(/\S/);
  });

  it('names the methods a path answers', async () => {
    const response = await api.app.inject({
      method: 'DELETE',
      url: `/api/sessions/${MISSING_ID}/start`,
    });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  it('treats an empty JSON body as no body', async () => {
    const { owner, sessionId } = await ownedSession(api);
    const started = await api.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/start`,
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      payload: '',
    });
    expect(started.statusCode).toBe(200);
    const session = await api.call('GET', `/api/sessions/${sessionId}`);
    expect(session.body.data.status).toBe('backstage');
    const login = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.code).toBe('VALIDATION_ERROR');
  });
});
