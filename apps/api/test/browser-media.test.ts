// The embedded media path end to end in Debian's Chromium: a host's studio page records the fake
// webcam with MediaRecorder (H.264 in WebM) and streams it to the ingest; a viewer page plays the
// HLS with hls.js; ending the session closes the playlist and the auto-recording becomes an MP4.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, reachable } from './browser/chromium.ts';
import { publisherPage, viewerPage } from './browser/pages.ts';
import { dialect, useTestApp } from './harness.ts';

const api = useTestApp();
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
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

describe(`the studio's webcam to HLS in Chromium (${dialect})`, () => {
  it('publishes, plays in hls.js, ends with ENDLIST and an MP4 recording', async () => {
    const host = await api.account('host', 'Host');
    const call = (method: string, path: string, body?: unknown) =>
      api.call(method, `/api${path}`, { token: host.token, body });
    const room = (await call('POST', '/rooms', { name: 'Studio', visibility: 'public' })).body.data;
    const created = await call('POST', `/rooms/${room.id}/sessions`, {
      title: 'Webcam',
      scheduled_at: new Date(Date.now() + 3600_000).toISOString(),
      settings: { auto_record: true },
    });
    const sessionId = (created.body.data.id ?? created.body.data.session.id) as string;
    const joined = (await call('POST', `/sessions/${sessionId}/join`)).body.data;
    expect((await call('POST', `/sessions/${sessionId}/webcam_hls`)).status).toBe(200);

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
});
