// The embedded media path end to end in Debian's Chromium: a host's studio page records the fake
// webcam with MediaRecorder (H.264 in WebM) and streams it to the ingest; a viewer page plays the
// HLS with hls.js; ending the session closes the playlist and the auto-recording becomes an MP4.
// VP8 (what Firefox records, and Chromium without H.264) is published several times in a row: its
// transcode must start every time.
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, reachable } from './browser/chromium.ts';
import { publisherPage, viewerPage } from './browser/pages.ts';
import { dialect, useTestApp } from './harness.ts';

/** A port free now, for the app to listen on once it is built. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

// The pages are on PUBLIC_URL's origin, as a deployment serves them: the ingest refuses a
// publisher whose page is on an origin the server does not allow.
const port = await freePort();
const api = useTestApp({ PUBLIC_URL: `http://127.0.0.1:${port}` });
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await api.app.listen({ port, host: '127.0.0.1' });
  api.runtime.attachIngest(api.app.server);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

type PageWindow = Record<string, any>;
/** A page global (set by the page's script). */
const global = <T>(page: Page, name: string) =>
  page.evaluate((key) => (globalThis as PageWindow)[key] as T, name);

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean) {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

const playlist = async (sessionId: string) =>
  (await api.app.inject({ method: 'GET', url: `/hls/${sessionId}/index.m3u8` })).body;

const probe = (file: string) =>
  JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], {
      encoding: 'utf8',
    }),
  ) as { format: { duration: string }; streams: { codec_name: string }[] };

/** The first frame of a live HLS stream, decoded by ffmpeg over HTTP: a playable stream. */
const firstFrame = async (url: string) =>
  (
    await promisify(execFile)('ffmpeg', [
      ...['-v', 'error', '-i', url, '-an', '-frames:v', '1', '-f', 'framemd5', '-'],
    ])
  ).stdout;

/** A host's session, live on the embedded backend's webcam HLS, and the host's join answer. */
async function webcamSession(settings: Record<string, unknown> = {}) {
  const host = await api.account('host', 'Host');
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, `/api${path}`, { token: host.token, body });
  const room = (await call('POST', '/rooms', { name: 'Studio', visibility: 'public' })).body.data;
  const created = await call('POST', `/rooms/${room.id}/sessions`, {
    title: 'Webcam',
    scheduled_at: new Date(Date.now() + 3600_000).toISOString(),
    settings,
  });
  const sessionId = (created.body.data.id ?? created.body.data.session.id) as string;
  const joined = (await call('POST', `/sessions/${sessionId}/join`)).body.data;
  expect((await call('POST', `/sessions/${sessionId}/webcam_hls`)).status).toBe(200);
  return { call, sessionId, joined };
}

describe(`the studio's webcam to HLS in Chromium (${dialect})`, () => {
  it('publishes, plays in hls.js, ends with ENDLIST and an MP4 recording', async () => {
    const { call, sessionId, joined } = await webcamSession({ auto_record: true });

    const studio = await openPage(browser, baseUrl, 'publisher.html', publisherPage);
    const ingestUrl = reachable(
      `${joined.ws_url}/sessions/${sessionId}?token=${joined.token}`,
      baseUrl,
    );
    const recorded = await studio.evaluate(
      ([url]) =>
        (globalThis as PageWindow).publish(url, 'video/webm;codecs=h264,opus', 1000, 'webcam'),
      [ingestUrl] as const,
    );
    expect(recorded).toBe('video/webm;codecs=h264,opus');

    await until(
      'three segments',
      () => playlist(sessionId),
      (m3u8) => /(#EXTINF[^]*){3}/.test(m3u8),
    );
    expect(await playlist(sessionId)).toContain('#EXT-X-PROGRAM-DATE-TIME');
    const health = (await call('GET', `/sessions/${sessionId}/health`)).body.data;
    expect(health).toMatchObject({ output: 'running', status: 'live' });
    expect(health.bitrate_kbps).toBeGreaterThan(0);

    const viewer = await openPage(browser, baseUrl, 'viewer.html', viewerPage);
    await viewer.evaluate(([url]) => (globalThis as PageWindow).play(url, 1), [
      reachable(joined.hls_url, baseUrl),
    ] as const);
    await until(
      '30 decoded frames',
      () => global<number>(viewer, 'frames'),
      (n) => n >= 30,
    );
    expect(await global(viewer, 'fatal')).toBeUndefined();

    const published = await studio.evaluate(
      () => (globalThis as PageWindow).stopPublishing() as Promise<number>,
    );
    // A page left open with the fake webcam kept the next page's MediaRecorder from recording.
    await Promise.all([studio.close(), viewer.close()]);
    expect((await call('POST', `/sessions/${sessionId}/end`)).status).toBe(200);
    expect(await playlist(sessionId)).toContain('#EXT-X-ENDLIST');

    const recording = await until(
      'the recording',
      async () => (await call('GET', `/sessions/${sessionId}/recordings`)).body.data.items[0],
      (r) => r?.status === 'ready',
    );
    const file = probe(join(api.runtime.config.dataDir, 'recordings', `${recording.id}.mp4`));
    expect(file.streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(Math.abs(Number(file.format.duration) - published / 1000)).toBeLessThan(1);
  });

  // Three times as the recorder slices the stream, then once with its first byte alone (what
  // Chromium's recorder sometimes sends first; the ingest refused it with 4415).
  it('publishes VP8 from MediaRecorder several times in a row, each to a playable stream', async () => {
    for (const [run, firstByteAlone] of [false, false, false, true].entries()) {
      const what = `run ${run + 1}${firstByteAlone ? ', first byte alone' : ''}`;
      const { call, sessionId, joined } = await webcamSession();
      const studio = await openPage(browser, baseUrl, 'publisher.html', publisherPage);
      const ingestUrl = reachable(
        `${joined.ws_url}/sessions/${sessionId}?token=${joined.token}`,
        baseUrl,
      );
      const recorded = await studio.evaluate(
        ([url, split]) =>
          (globalThis as PageWindow).publish(
            url,
            'video/webm;codecs=vp8,opus',
            1000,
            'webcam',
            split,
          ),
        [ingestUrl, firstByteAlone] as const,
      );
      expect(recorded, what).toBe('video/webm;codecs=vp8,opus');
      await until(
        `a segment (${what})`,
        () => playlist(sessionId),
        (m3u8) => m3u8.includes('#EXTINF'),
      );
      expect(await firstFrame(reachable(joined.hls_url, baseUrl)), what).toMatch(
        /^0,.*[0-9a-f]{32}$/m,
      );
      expect(await global(studio, 'ingestClosed'), what).toBeUndefined();
      await studio.evaluate(() => (globalThis as PageWindow).stopPublishing() as Promise<number>);
      await studio.close();
      expect((await call('POST', `/sessions/${sessionId}/end`)).status).toBe(200);
    }
  }, 90_000);
});
