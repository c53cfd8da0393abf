// Done-when 5: every refused publisher gets a close code and a reason, and no ffmpeg is left.
import { createServer } from 'node:http';
import { SignJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { livekitToken } from '../src/index.ts';
import { IngestStream } from '../src/local/ingest-stream.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import { API_KEY, API_SECRET, ffmpegProcesses, useIngest, waitFor } from './harness.ts';

const MAX_MESSAGE = 512 * 1024;
const ingest = useIngest({ maxMessageBytes: MAX_MESSAGE });
let h264: Buffer[];
beforeAll(async () => {
  h264 = await webmSlices({ codec: 'h264', seconds: 4 });
  await ingest.backend.ensureOutput('live', { latencyMode: 'standard' });
});
afterEach(() => vi.restoreAllMocks());

const grant = (room: string) => ({
  room,
  identity: 'host-1',
  name: 'Host',
  canPublish: true,
  canSubscribe: true,
  ttlSeconds: 600,
});

describe('refused before any media', () => {
  const cases: [string, () => Promise<Record<string, string>>, number, string][] = [
    ['no token', async () => ({}), 4401, 'missing token'],
    ['a malformed token', async () => ({ token: 'not-a-jwt' }), 4401, 'invalid or expired token'],
    [
      'a token signed with another secret',
      async () => ({
        token: await livekitToken(grant('live'), API_KEY, 'another-secret-another-secret!!'),
      }),
      4401,
      'invalid or expired token',
    ],
    [
      'an expired token',
      async () => ({
        token: await new SignJWT({ video: { room: 'live', roomJoin: true, canPublish: true } })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(API_KEY)
          .setSubject('host-1')
          .setExpirationTime(Math.floor(Date.now() / 1000) - 120)
          .sign(new TextEncoder().encode(API_SECRET)),
      }),
      4401,
      'invalid or expired token',
    ],
    [
      'a token for another session',
      async () => ({ token: await ingest.token('elsewhere') }),
      4403,
      'token is for another session',
    ],
    [
      'a token without the publish grant',
      async () => ({ token: await ingest.token('live', { canPublish: false }) }),
      4403,
      'token has no publish grant',
    ],
  ];
  for (const [what, query, code, reason] of cases) {
    it(`refuses ${what} (${code})`, async () => {
      const publisher = await ingest.connect('live', await query());
      expect(await publisher.closed).toEqual({ code, reason });
    });
  }

  it('refuses a session whose output never started (4404) or has ended (4410)', async () => {
    const unknown = await ingest.publish('never-started');
    expect(await unknown.closed).toEqual({ code: 4404, reason: 'session is not live' });
    await ingest.backend.ensureOutput('ended', { latencyMode: 'standard' });
    await ingest.backend.stopOutput('ended');
    const ended = await ingest.publish('ended');
    expect(await ended.closed).toEqual({ code: 4410, reason: 'session ended' });
  });

  it('refuses an unknown ingest path (4404) and leaves other upgrades to their owners', async () => {
    const wrong = await ingest.connect(
      'live',
      { token: await ingest.token('live') },
      { path: '/nope' },
    );
    expect(await wrong.closed).toEqual({ code: 4404, reason: 'unknown ingest path' });
    // A server with both the ingest and another WebSocket endpoint: the other one still works.
    const server = createServer();
    const attached = ingest.backend.ingest!.attach(server);
    server.on('upgrade', (req, socket) => {
      if (req.url === '/other') socket.end('HTTP/1.1 418 I am a teapot\r\n\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/other`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(status).toBe(418);
    await attached.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a session id with a broken %-escape as an unknown path (4404)', async () => {
    const broken = await ingest.connect(
      'live',
      { token: await ingest.token('live') },
      { path: '/sessions/%E0%A4%A' },
    );
    expect(await broken.closed).toEqual({ code: 4404, reason: 'unknown ingest path' });
  });
});

describe('refused on its media', () => {
  const dir = () => ingest.hlsDir('live');

  it('refuses a first message that is not WebM (4415)', async () => {
    const publisher = await ingest.publish('live');
    publisher.ws.send(Buffer.from('RIFF....WAVEfmt this is not matroska'));
    expect(await publisher.closed).toEqual({ code: 4415, reason: 'not a WebM/Matroska stream' });
    expect(await ffmpegProcesses(dir())).toEqual([]);
  });

  it('refuses text messages (4415)', async () => {
    const publisher = await ingest.publish('live');
    publisher.ws.send('hello');
    expect(await publisher.closed).toEqual({
      code: 4415,
      reason: 'text messages are not accepted',
    });
  });

  it('refuses a codec it cannot take (4415)', async () => {
    const mjpeg = await webmSlices({ codec: 'mjpeg', seconds: 1 });
    const publisher = await ingest.publish('live');
    void sendPaced(publisher.ws, mjpeg, { speed: 10 });
    expect(await publisher.closed).toEqual({
      code: 4415,
      reason: 'unsupported video codec V_MJPEG',
    });
    expect(await ffmpegProcesses(dir())).toEqual([]);
  });

  it('refuses garbage in the middle of a stream (4422) and kills its ffmpeg', async () => {
    const publisher = await ingest.publish('live');
    await sendPaced(publisher.ws, h264.slice(0, 6));
    const [ffmpeg] = await waitFor(() => ffmpegProcesses(dir()).then((p) => (p.length ? p : null)));
    publisher.ws.send(Buffer.from('garbage, not matroska '.repeat(200)));
    void sendPaced(publisher.ws, h264.slice(6));
    expect((await publisher.closed).code).toBe(4422);
    await waitFor(async () => (await ffmpegProcesses(dir())).length === 0, 3000, 'ffmpeg gone');
    expect(() => process.kill(ffmpeg!.pid, 0)).toThrow();
    expect(await ingest.state('live')).toBe('failed');
  });

  it(`closes a message above ${MAX_MESSAGE} bytes with 1009 before buffering it`, async () => {
    const publisher = await ingest.publish('live');
    await sendPaced(publisher.ws, h264.slice(0, 2));
    publisher.ws.send(Buffer.alloc(MAX_MESSAGE + 1));
    expect(await publisher.closed).toMatchObject({ code: 1009 });
    await waitFor(async () => (await ffmpegProcesses(dir())).length === 0, 3000, 'ffmpeg gone');
    expect(await ingest.state('live')).toBe('failed');
  });

  it('closes with 1011 when reading the stream fails unexpectedly, and logs it', async () => {
    vi.spyOn(IngestStream.prototype, 'push').mockImplementation(() => {
      throw new TypeError('a bug in the stream reader');
    });
    const publisher = await ingest.publish('live');
    publisher.ws.send(h264[0]!);
    // Thrown inside the socket's listener this would be an uncaught exception (a crash).
    expect(await publisher.closed).toEqual({ code: 1011, reason: 'internal error' });
    expect(ingest.logs).toContainEqual({
      level: 'error',
      message: expect.stringContaining('a bug in the stream reader'),
    });
    expect(await ffmpegProcesses(dir())).toEqual([]);
  });
});
