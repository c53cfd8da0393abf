import { describe, expect, it } from 'vitest';
import { dialect, PASSWORD, useTestApp } from './harness.ts';

const api = useTestApp();

describe(`api basics (${dialect})`, () => {
  it('answers health in the envelope', async () => {
    const res = await api.call('GET', '/api/health');
    expect(res.status).toBe(200);
    // This test app runs no realtime gateway, and says so.
    expect(res.body).toMatchObject({
      success: true,
      data: {
        status: 'degraded',
        checks: { db: { status: 'up' }, realtime: { status: 'down' }, media: { status: 'up' } },
      },
    });
    expect(typeof res.body.timestamp).toBe('number');
  });

  it('logs in, creates a room and reads it back', async () => {
    const host = await api.account('host');
    const login = await api.call('POST', '/api/auth/login', {
      body: { email: host.email, password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const token = login.body.data.access_token;
    const created = await api.call('POST', '/api/rooms', {
      token,
      body: { name: 'Town hall', visibility: 'public' },
    });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({
      name: 'Town hall',
      owner_id: host.id,
      analytics: { total_sessions: 0 },
    });
    const fetched = await api.call('GET', `/api/rooms/${created.body.data.id}`);
    expect(fetched.body.data).toMatchObject({ id: created.body.data.id });
    expect(fetched.body.data.analytics).toBeUndefined();
  });

  it('answers bad input with 4xx envelopes', async () => {
    const host = await api.account('host');
    const malformed = await api.call('POST', '/api/rooms', {
      token: host.token,
      rawBody: '{"name":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.code).toBe('INVALID_JSON');
    const unknownField = await api.call('POST', '/api/rooms', {
      token: host.token,
      body: { name: 'x', colour: 'red' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error?.code).toBe('VALIDATION_ERROR');
    const badId = await api.call('GET', '/api/rooms/not-a-uuid');
    expect(badId.status).toBe(400);
    const missing = await api.call('GET', '/api/rooms/00000000-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('NOT_FOUND');
    const noToken = await api.call('POST', '/api/rooms', { body: { name: 'x' } });
    expect(noToken.status).toBe(401);
    const viewer = await api.account('viewer');
    const forbidden = await api.call('POST', '/api/rooms', {
      token: viewer.token,
      body: { name: 'x' },
    });
    expect(forbidden.status).toBe(403);
    const notBearer = await api.call('GET', '/api/rooms', {
      headers: { authorization: 'Basic dXNlcjpwdw==' },
    });
    expect(notBearer.status).toBe(401);
    expect(notBearer.body.error?.code).toBe('UNAUTHORIZED');
    const noRoute = await api.call('GET', '/api/nope');
    expect(noRoute.status).toBe(404);
  });
});
