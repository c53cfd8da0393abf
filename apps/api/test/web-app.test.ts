// The built web app at `/`: its files, index.html for the app's client routes (SPA fallback),
// the security headers on every page, and the server's own paths untouched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { contentSecurityPolicy } from '../src/web-app.ts';

const dist = mkdtempSync(join(tmpdir(), 'vidinfra-web-dist-'));
mkdirSync(join(dist, 'assets'));
const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';
writeFileSync(join(dist, 'index.html'), INDEX);
writeFileSync(join(dist, 'assets', 'main-abc123.js'), 'console.log("app")');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const api = useTestApp({ WEB_DIST_DIR: dist });
const get = (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') =>
  api.app.inject({ method, url });

describe(`the web app at / (${dialect})`, () => {
  it('serves index.html at / and for client routes, with the security headers', async () => {
    for (const url of [
      '/',
      '/sessions/0b6a3b9e-6c1c-4c56-9a43-0b2c7a3f4e11',
      '/no/such/page?x=1',
    ]) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toBe(INDEX);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("media-src 'self' blob:");
      expect(csp).toContain("connect-src 'self' ws://vidinfra.test");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('lets pages connect to the LiveKit server too when that backend runs', () => {
    const connect = (mediaUrl: string | null) =>
      contentSecurityPolicy('/sessions/x/live', 'https://live.example.com', mediaUrl)
        .split('; ')
        .find((directive) => directive.startsWith('connect-src'));
    expect(connect(null)).toBe("connect-src 'self' wss://live.example.com");
    expect(connect('wss://lk.example.com:7880')).toBe(
      "connect-src 'self' wss://live.example.com wss://lk.example.com:7880 https://lk.example.com:7880",
    );
    expect(connect('ws://127.0.0.1:7880')).toBe(
      "connect-src 'self' wss://live.example.com ws://127.0.0.1:7880 http://127.0.0.1:7880",
    );
  });

  it('lets only the embed route be framed', async () => {
    const embed = await get('/embed/sessions/0b6a3b9e-6c1c-4c56-9a43-0b2c7a3f4e11');
    expect(embed.statusCode).toBe(200);
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers).not.toHaveProperty('x-frame-options');
    expect((await get('/')).headers['x-frame-options']).toBe('DENY');
  });

  it('serves hashed assets for good, and a missing file is a 404, not the page', async () => {
    const asset = await get('/assets/main-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    const missing = await get('/assets/gone-000000.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
  });

  it("keeps the server's paths: unknown /api, /trpc, /hls paths still answer the JSON 404", async () => {
    for (const url of ['/api/nothing/here', '/ingest', '/hls', '/recordings/x', '/metrics/x']) {
      const reply = await get(url);
      expect(reply.statusCode, url).toBe(404);
      expect(reply.json(), url).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    }
    const trpc = await get('/trpc/nothing');
    expect(trpc.statusCode).toBe(404);
    expect(trpc.headers['content-type']).toMatch(/^application\/json/);
    expect((await get('/api/openapi.json')).statusCode).toBe(200);
    expect((await get('/sessions/x', 'POST')).statusCode).toBe(404);
  });
});
