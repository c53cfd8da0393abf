// The request log: one line per completed request, naming its method, route pattern, status,
// time and request id, whatever answered it (REST, the lean tRPC path, tRPC's own handler).
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@vidinfra/services';
import { buildServer } from '../src/server.ts';
import { dialect, useTestApp } from './harness.ts';
import { MISSING_ID } from './session-fixtures.ts';

const api = useTestApp();

describe(`request log (${dialect})`, () => {
  it('writes one line per completed request, never a header', async () => {
    const lines: string[] = [];
    const config = loadConfig({
      JWT_SECRET: 'test-secret-test-secret-test-secret!',
      PUBLIC_URL: 'http://vidinfra.test',
      DATA_DIR: api.runtime.config.dataDir,
      WEB_DIST_DIR: api.runtime.config.webDistDir, // no web app: /nowhere is the API's 404
      LOG_LEVEL: 'info',
    });
    const logged = await buildServer(
      { ...api.runtime, config },
      { logStream: { write: (line) => void lines.push(line) } },
    );
    const input = encodeURIComponent(JSON.stringify({ id: MISSING_ID }));
    const batch = encodeURIComponent(JSON.stringify({ 0: { id: MISSING_ID } }));
    try {
      await logged.inject({ url: `/api/sessions/${MISSING_ID}` });
      await logged.inject({ url: `/trpc/sessions.get?input=${input}` });
      await logged.inject({ url: `/trpc/sessions.get?batch=1&input=${batch}` });
      await logged.inject({
        url: '/nowhere',
        headers: { authorization: 'Bearer secret-bearer', cookie: 'sid=secret-cookie' },
      });
    } finally {
      await logged.close();
    }
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.req);
    expect(requests).toEqual([
      expect.objectContaining({ route: '/api/sessions/:id', status: 404 }),
      expect.objectContaining({ route: '/trpc/:path', status: 404 }),
      expect.objectContaining({ route: '/trpc/:path', status: 404 }),
      expect.objectContaining({ status: 404 }),
    ]);
    for (const entry of requests) {
      expect(entry).toMatchObject({ req: { method: 'GET' }, reqId: expect.any(String) });
      expect(entry.ms).toEqual(expect.any(Number));
    }
    expect(lines.filter((line) => line.includes('incoming request'))).toEqual([]);
    expect(lines.filter((line) => line.includes('secret-'))).toEqual([]);
  });
});
