// Which browser origins may call the API (the config's allowedOrigins: PUBLIC_URL's, the desktop
// studio's app://studio, ALLOWED_ORIGINS): CORS on REST and tRPC, and the Origin check of the
// local media ingest's WebSocket. A request with no Origin (not a browser page) is served as before.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { dialect, useTestApp } from './harness.ts';

const api = useTestApp({ ALLOWED_ORIGINS: 'https://partner.example' });
const STUDIO = 'app://studio';
const PUBLIC = 'http://vidinfra.test';
const PARTNER = 'https://partner.example';
const FOREIGN = ['https://evil.example', 'http://vidinfra.test.evil.example', 'null'];

const corsHeaders = (headers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.startsWith('access-control-')),
  );

const endpoints = [
  { api: 'REST', query: '/api/auth/me', mutation: '/api/auth/login' },
  { api: 'tRPC', query: '/trpc/auth.me?input=%7B%7D', mutation: '/trpc/auth.login' },
];

async function preflight(url: string, origin: string, method: 'GET' | 'POST') {
  return api.app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': method === 'GET' ? 'authorization' : 'content-type',
    },
  });
}

const get = (url: string, headers: Record<string, string>) =>
  api.app.inject({ method: 'GET', url, headers });

describe(`CORS on REST and tRPC (${dialect})`, () => {
  let token = '';
  beforeAll(async () => {
    token = (await api.account('viewer')).token;
  });

  for (const endpoint of endpoints) {
    it(`${endpoint.api}: answers an allowed origin's preflight with its methods and headers`, async () => {
      for (const origin of [STUDIO, PUBLIC, PARTNER]) {
        for (const [url, method] of [
          [endpoint.query, 'GET'],
          [endpoint.mutation, 'POST'],
        ] as const) {
          const reply = await preflight(url, origin, method);
          expect(reply.statusCode, `${origin} ${url}`).toBe(204);
          expect(corsHeaders(reply.headers), `${origin} ${url}`).toEqual({
            'access-control-allow-origin': origin,
            'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
            'access-control-allow-headers': 'authorization, content-type',
            'access-control-max-age': '600',
          });
          expect(reply.headers.vary).toMatch(/\bOrigin\b/);
        }
      }
    });

    it(`${endpoint.api}: lets an allowed origin read its answers, errors included`, async () => {
      const served = await get(endpoint.query, {
        origin: STUDIO,
        authorization: `Bearer ${token}`,
      });
      expect(served.statusCode).toBe(200);
      expect(corsHeaders(served.headers)).toEqual({ 'access-control-allow-origin': STUDIO });
      expect(served.headers.vary).toMatch(/\bOrigin\b/);
      const refused = await get(endpoint.query, { origin: STUDIO });
      expect(refused.statusCode).toBe(401);
      expect(corsHeaders(refused.headers)).toEqual({ 'access-control-allow-origin': STUDIO });
    });

    it(`${endpoint.api}: gives a foreign origin no CORS header at all`, async () => {
      for (const origin of FOREIGN) {
        const before = await preflight(endpoint.mutation, origin, 'POST');
        expect(before.statusCode, origin).not.toBe(204);
        expect(corsHeaders(before.headers), origin).toEqual({});
        const answer = await get(endpoint.query, { origin, authorization: `Bearer ${token}` });
        expect(answer.statusCode, origin).toBe(200); // served, but its browser keeps it from the page
        expect(corsHeaders(answer.headers), origin).toEqual({});
        expect(answer.headers.vary, origin).toMatch(/\bOrigin\b/);
      }
    });

    it(`${endpoint.api}: serves a client that sends no Origin as before`, async () => {
      const answer = await get(endpoint.query, { authorization: `Bearer ${token}` });
      expect(answer.statusCode).toBe(200);
      expect(corsHeaders(answer.headers)).toEqual({});
    });
  }

  it('leaves the recording file and HLS to their own rules', async () => {
    const file = await get('/api/recordings/00000000-0000-4000-8000-000000000000/file', {
      origin: STUDIO,
    });
    expect(corsHeaders(file.headers)).toEqual({});
    expect(file.headers.vary ?? '').not.toMatch(/\bOrigin\b/);
  });
});

describe(`the media ingest's Origin check (${dialect})`, () => {
  const server = createServer();
  let base = '';
  beforeAll(async () => {
    api.runtime.attachIngest(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ingest/sessions/any-session`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** How the ingest closes a publisher that sends `origin` (or none) and no token. */
  const closeOf = (origin?: string) =>
    new Promise<{ code: number; reason: string }>((resolve, reject) => {
      const ws = new WebSocket(base, origin ? { headers: { origin } } : {});
      ws.on('error', reject);
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });

  it('refuses a publisher from a foreign page with 4403 before reading its token', async () => {
    for (const origin of FOREIGN) {
      expect(await closeOf(origin), origin).toEqual({ code: 4403, reason: 'origin not allowed' });
    }
  });

  it('takes an allowed origin, or none, on to the token check', async () => {
    for (const origin of [STUDIO, PUBLIC, PARTNER, undefined]) {
      expect(await closeOf(origin), String(origin)).toEqual({
        code: 4401,
        reason: 'missing token',
      });
    }
  });
});
