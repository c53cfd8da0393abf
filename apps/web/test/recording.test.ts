// After a public session ends with a recording, its watch page plays the recording to anyone,
// without signing in: the test pattern is published through the ingest, recorded, the session
// ended, and the page's player then plays the recorded file, its poster (a frame the media
// backend took of the recording) shown first. The room page's card of the ended session and the
// host's recordings list show that poster too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Locator } from 'playwright-core';
import {
  expectNamedButtons,
  launchBrowser,
  openPage,
  shot,
  signInAs,
  VIEWPORTS,
} from './support/browser.ts';
import { publishTestPattern } from './support/publish.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const TITLE = 'Recorded town hall';

let server: RunningServer;
let browser: Browser;
let sessionId = '';
let roomId = '';

/** The image has loaded a picture (not a broken one). */
const loadedWidth = (image: Locator) =>
  expect
    .poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);

beforeAll(async () => {
  server = await startServer();
  const rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  const room = await rest.call<{ id: string }>('POST', '/rooms', {
    name: 'Recorded room',
    visibility: 'public',
  });
  roomId = room.id;
  sessionId = await rest.session(room.id, TITLE, 60_000);
  const joined = await rest.call<{ ws_url: string; token: string }>(
    'POST',
    `/sessions/${sessionId}/join`,
  );
  await rest.call('POST', `/sessions/${sessionId}/webcam_hls`);
  const publisher = await publishTestPattern(
    `${joined.ws_url}/sessions/${sessionId}?token=${joined.token}`,
    30,
  );
  const segments = async () => {
    const playlist = await fetch(`${server.baseUrl}/hls/${sessionId}/index.m3u8`);
    return playlist.ok ? ((await playlist.text()).match(/#EXTINF/g)?.length ?? 0) : 0;
  };
  const waitForSegments = (count: number) =>
    vi.waitUntil(async () => (await segments()) >= count, { timeout: 30_000, interval: 200 });
  await waitForSegments(1);
  await rest.call('POST', `/sessions/${sessionId}/recordings/start`);
  // A few seconds of picture in the recording.
  await waitForSegments((await segments()) + 2);
  await publisher.stop();
  await rest.call('POST', `/sessions/${sessionId}/recordings/stop`);
  await rest.call('POST', `/sessions/${sessionId}/end`);
  await vi.waitUntil(
    async () => {
      const read = await fetch(`${server.baseUrl}/api/sessions/${sessionId}`);
      const { data } = (await read.json()) as {
        data: { recording_url?: string; poster_url?: string | null };
      };
      return Boolean(data.recording_url && data.poster_url);
    },
    { timeout: 60_000, interval: 250 },
  );
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it.each(VIEWPORTS)('the ended session plays its recording at $width×$height', async (viewport) => {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
  });
  const { page, errors } = await openPage(context);
  await page.goto(`${server.baseUrl}/sessions/${sessionId}`);
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await page.getByText('This session has ended: this is its recording.').waitFor();
  const video = page.getByTestId('recording-player');
  expect(await video.getAttribute('aria-label')).toBe(`Recording: ${TITLE}`);
  expect(new URL((await video.getAttribute('poster'))!).pathname).toMatch(
    /^\/api\/recordings\/[\w-]+\/poster\.jpg$/,
  );
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await page.waitForFunction(
    () => (document.querySelector('video')?.currentTime ?? 0) > 1,
    undefined,
    { timeout: 30_000 },
  );
  await expectNamedButtons(page);
  await shot(page, 'watch-recording', viewport.name);
  expect(errors).toEqual([]);
  await context.close();
});

it.each(VIEWPORTS)(
  "the room's card of the ended session shows the recording's poster at $width×$height",
  async (viewport) => {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
    });
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/rooms/${roomId}`);
    const card = page.getByRole('article').filter({ hasText: TITLE });
    const poster = card.getByRole('img', { name: `Recording of ${TITLE}` });
    await poster.waitFor();
    await loadedWidth(poster);
    await expectNamedButtons(page);
    await shot(page, 'room-recording-poster', viewport.name);
    expect(errors).toEqual([]);
    await context.close();
  },
);

it("the host's recordings list shows the poster", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const { page, errors } = await openPage(context);
  await signInAs(page, server.baseUrl, ADMIN.email, ADMIN.password);
  await page.goto(`${server.baseUrl}/dashboard/recordings`);
  const poster = page.getByRole('img', { name: /^Poster of / }).first();
  await poster.waitFor();
  await loadedWidth(poster);
  await expectNamedButtons(page);
  await shot(page, 'dashboard-recording-poster', 'phone');
  expect(errors).toEqual([]);
  await context.close();
});
