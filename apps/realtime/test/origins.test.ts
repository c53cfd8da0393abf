// Which pages may connect (the config's allowedOrigins: PUBLIC_URL's, the desktop studio's
// app://studio, ALLOWED_ORIGINS): CORS for the polling transport, and a handshake or WebSocket
// upgrade from any other page refused. A client with no Origin (not a browser page) connects.
import { loadConfig, originCheck } from '@vidinfra/services';
import { describe, expect, it } from 'vitest';
import { dialect, useRealtime } from './harness.ts';

const rt = useRealtime();
const STUDIO = 'app://studio';
const PUBLIC = 'http://vidinfra.test';
const PARTNER = 'https://partner.example';
const FOREIGN = ['https://evil.example', 'http://vidinfra.test.evil.example', 'null'];

/** Connects over `transport` with this Origin header (or none): 'connected' or the refusal. */
function attempt(url: string, origin: string | undefined, transport: 'websocket' | 'polling') {
  const socket = rt.socket(url, null, {
    transports: [transport],
    ...(origin && { extraHeaders: { origin } }),
  });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error: Error) => resolve(`refused: ${error.message}`));
  }).finally(() => socket.disconnect());
}

/** The polling handshake as a browser sends it, with this Origin. */
const handshake = (url: string, origin: string) =>
  fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });

describe(`the gateway's Origin check (${dialect})`, () => {
  for (const transport of ['websocket', 'polling'] as const) {
    it(`connects a page on an allowed origin, and a client with none (${transport})`, async () => {
      for (const origin of [STUDIO, PUBLIC, undefined]) {
        expect(await attempt(rt.node.url, origin, transport), String(origin)).toBe('connected');
      }
    });

    it(`refuses a page on any other origin (${transport})`, async () => {
      for (const origin of [...FOREIGN, PARTNER]) {
        expect(await attempt(rt.node.url, origin, transport), origin).toMatch(/^refused: /);
      }
    });
  }

  it('answers an allowed origin with CORS (no credentials) and a foreign one with 403 and none', async () => {
    const allowed = await handshake(rt.node.url, STUDIO);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(STUDIO);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const foreign = await handshake(rt.node.url, 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes the origins ALLOWED_ORIGINS adds', async () => {
    const config = loadConfig({
      PUBLIC_URL: PUBLIC,
      DATA_DIR: rt.config.dataDir,
      ALLOWED_ORIGINS: PARTNER,
    });
    const node = await rt.startNode({ allowOrigin: originCheck(config.allowedOrigins) });
    try {
      for (const transport of ['websocket', 'polling'] as const) {
        expect(await attempt(node.url, PARTNER, transport)).toBe('connected');
        expect(await attempt(node.url, STUDIO, transport)).toBe('connected');
        expect(await attempt(node.url, 'https://evil.example', transport)).toMatch(/^refused: /);
      }
    } finally {
      await rt.stopNode(node);
    }
  });
});
