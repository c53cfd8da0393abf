// The web app in Debian's Chromium against the server as `npm start` runs it: the home page
// lists what is live and upcoming; a live session's watch page plays the test pattern published
// through the ingest, muted, with an unmute button; scheduled, ended and unknown sessions and
// unknown paths say what they are. At a desktop and a 360 px phone size, with screenshots.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNamedButtons, launchBrowser, openPage, shot, VIEWPORTS } from './support/browser.ts';
import { startLiveSession } from './support/live-session.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const TITLES = {
  live: 'Live test pattern',
  scheduled: 'Tomorrow: planning review',
  ended: 'Last week: kickoff',
};

let server: RunningServer;
let browser: Browser;
let publisher: { stop(): Promise<void> } | null = null;
const ids = { live: '', scheduled: '', ended: '' };

beforeAll(async () => {
  server = await startServer();
  const rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  const room = await rest.call<{ id: string }>('POST', '/rooms', {
    name: 'Web test room',
    visibility: 'public',
  });
  ids.scheduled = await rest.session(room.id, TITLES.scheduled, 26 * 3600_000);
  ids.ended = await rest.session(room.id, TITLES.ended, 3600_000);
  await rest.call('POST', `/sessions/${ids.ended}/go_live`);
  await rest.call('POST', `/sessions/${ids.ended}/end`);

  const live = await startLiveSession(rest, server.baseUrl, room.id, TITLES.live);
  ids.live = live.id;
  publisher = live.publisher;

  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await publisher?.stop();
  await server?.stop();
});

describe.each(VIEWPORTS)('the web app at $width×$height', (viewport) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
    });
  });
  afterAll(() => context.close());

  it('home lists the live session and the upcoming one', async () => {
    const { page, errors } = await openPage(context);
    const response = await page.goto(server.baseUrl);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const live = page.getByRole('region', { name: 'Live now' });
    await expect.poll(() => live.getByRole('link', { name: TITLES.live }).count()).toBe(1);
    const upcoming = page.getByRole('region', { name: 'Upcoming' });
    await upcoming.getByRole('link', { name: TITLES.scheduled }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'home', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the watch page of a live session plays muted, with an unmute button', async () => {
    const { page, errors } = await openPage(context);
    const response = await page.goto(`${server.baseUrl}/sessions/${ids.live}`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('heading', { name: TITLES.live }).waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    const video = page.getByTestId('live-player');
    await video.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('video')?.currentTime ?? 0) > 1,
      undefined,
      { timeout: 30_000 },
    );
    expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    await expectNamedButtons(page);
    await shot(page, 'watch-live', viewport.name);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await shot(page, 'watch-live-dark', viewport.name);
    const unmute = page.getByRole('button', { name: 'Unmute the live video' });
    await unmute.click();
    await unmute.waitFor({ state: 'detached' });
    expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a scheduled session counts down; an ended one says so', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/sessions/${ids.scheduled}`);
    await page.getByRole('heading', { name: TITLES.scheduled }).waitFor();
    await page
      .getByRole('timer')
      .getByText(/^Starts in 1 d 1[0-9]? h/)
      .waitFor();
    await expectNamedButtons(page);
    await shot(page, 'watch-scheduled', viewport.name);

    await page.goto(`${server.baseUrl}/sessions/${ids.ended}`);
    await page.getByRole('heading', { name: TITLES.ended }).waitFor();
    await page.getByText('This session has ended').waitFor();
    await shot(page, 'watch-ended', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an unknown session and an unknown path get their not-found pages', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/sessions/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Session not found' }).waitFor();
    await shot(page, 'watch-not-found', viewport.name);
    // The browser reports the API's 404 for the session read; nothing else may fail.
    const sessionRead = /Failed to load resource.*404|^404 .*\/trpc\/sessions\.get/;
    expect(errors.filter((e) => !sessionRead.test(e))).toEqual([]);
    errors.length = 0;

    const response = await page.goto(`${server.baseUrl}/no/such/page`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to the home page' }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'not-found', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  });
});
