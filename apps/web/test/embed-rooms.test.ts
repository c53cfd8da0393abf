// The embed page and the public rooms in Chromium against the server as `npm start` runs it.
// The share's embed_html, pasted into a page of another site (a second local server, on
// `localhost` while the app is on 127.0.0.1), plays the live test pattern with no app chrome,
// even where the browser refuses the frame its localStorage; only the embed route may be framed.
// The home page searches the public rooms; a room's page lists its sessions. At a desktop and a
// 360 px phone size, with screenshots.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNamedButtons, launchBrowser, openPage, shot, VIEWPORTS } from './support/browser.ts';
import { startLiveSession } from './support/live-session.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const ROOM = { name: 'Garden club', description: 'Weekly talks about plants and soil.' };
const OTHER_ROOM = 'Chess evenings';
const LIVE_TITLE = 'Planting tomatoes, live';
const SCHEDULED_TITLE = 'Pruning roses';

let server: RunningServer;
let browser: Browser;
let publisher: { stop(): Promise<void> } | null = null;
let site: Server;
let siteUrl = '';
let liveId = '';
let scheduledId = '';
let roomId = '';

/** The other site: one page holding whatever iframe markup it is given. */
const sitePage = (iframe: string) => `<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog about gardens</title>
<style>body { font-family: sans-serif; margin: 16px; }
iframe { display: block; max-width: 100%; height: auto; aspect-ratio: 16 / 9; }</style>
</head><body><h1>Our garden blog</h1>${iframe}<p>Posted by the garden club.</p></body></html>`;

beforeAll(async () => {
  server = await startServer();
  const rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  roomId = (await rest.call<{ id: string }>('POST', '/rooms', { ...ROOM, visibility: 'public' }))
    .id;
  await rest.call('POST', '/rooms', { name: OTHER_ROOM, visibility: 'public' });
  scheduledId = await rest.session(roomId, SCHEDULED_TITLE, 48 * 3600_000);
  const live = await startLiveSession(rest, server.baseUrl, roomId, LIVE_TITLE, 90);
  liveId = live.id;
  publisher = live.publisher;
  const share = await rest.call<{ embed_html: string }>('GET', `/sessions/${liveId}/share_urls`);

  const pages: Record<string, string> = {
    '/embed.html': sitePage(share.embed_html),
    '/watch-page.html': sitePage(
      `<iframe src="${server.baseUrl}/sessions/${liveId}" title="Watch page"></iframe>`,
    ),
  };
  site = createServer((request, response) => {
    // (A favicon too: the browser asks for one, and a 404 would be a console error.)
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const page = pages[request.url ?? ''];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html' });
    response.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await publisher?.stop();
  await new Promise((resolve) => site?.close(resolve));
  await server?.stop();
});

describe('the server lets only the embed route be framed', () => {
  it('the embed page may be framed anywhere; the other pages nowhere', async () => {
    const embed = await fetch(`${server.baseUrl}/embed/sessions/${liveId}`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    for (const path of ['/', `/sessions/${liveId}`, '/admin', `/rooms/${roomId}`, '/embed']) {
      const page = await fetch(`${server.baseUrl}${path}`);
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe.each(VIEWPORTS)('embed, home and rooms at $width×$height', (viewport) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport });
    // A browser that blocks third-party storage: a framed page may not touch localStorage.
    await context.addInitScript(() => {
      if (window.top !== window)
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('third-party storage is blocked', 'SecurityError');
          },
        });
    });
  });
  afterAll(() => context.close());

  it("the share's embed code plays the live session on another site, without the app's frame", async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${siteUrl}/embed.html`);
    const frame = page.frameLocator(`iframe[title="${LIVE_TITLE}"]`);
    const video = frame.getByTestId('live-player');
    await video.waitFor();
    const start = await video.evaluate(
      async (v: HTMLVideoElement) => {
        while (v.currentTime <= 0.5) await new Promise((r) => setTimeout(r, 100));
        return v.currentTime;
      },
      undefined,
      { timeout: 30_000 },
    );
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
      .toBeGreaterThan(start + 1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
    await frame.getByRole('button', { name: 'Unmute the live video' }).waitFor();
    // Only the player: no header, no sign-in link, no account menu.
    expect(await frame.getByRole('banner').count()).toBe(0);
    expect(await frame.getByRole('link').count()).toBe(0);
    await shot(page, 'embed-on-other-site', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('another site cannot frame the watch page', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${siteUrl}/watch-page.html`);
    await expect
      .poll(() => errors.some((e) => /frame-ancestors/.test(e)), { timeout: 10_000 })
      .toBe(true);
    expect(await page.frameLocator('iframe[title="Watch page"]').getByRole('heading').count()).toBe(
      0,
    );
    await page.close();
  });

  it('the embed page opened alone fills the window with the player', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/embed/sessions/${liveId}`);
    const video = page.getByTestId('live-player');
    await video.waitFor();
    const box = await video.boundingBox();
    const size = page.viewportSize()!;
    // The 16:9 picture as wide as the window, or as tall.
    expect(Math.max(box!.width / size.width, box!.height / size.height)).toBeGreaterThan(0.98);
    await shot(page, 'embed-alone', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the embed page of a scheduled session counts down, still without the frame', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/embed/sessions/${scheduledId}`);
    await page.getByRole('heading', { name: SCHEDULED_TITLE }).waitFor();
    await page
      .getByRole('timer')
      .getByText(/^Starts in 1 d 2[0-3] h/)
      .waitFor();
    expect(await page.getByRole('banner').count()).toBe(0);
    await shot(page, 'embed-scheduled', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('home searches the public rooms; a room lists its sessions', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(server.baseUrl);
    const rooms = page.getByRole('region', { name: 'Rooms' });
    await rooms.getByRole('link', { name: OTHER_ROOM }).waitFor();
    await rooms.getByRole('searchbox', { name: 'Search rooms' }).fill('garden');
    await rooms.getByRole('link', { name: OTHER_ROOM }).waitFor({ state: 'detached' });
    await rooms.getByRole('link', { name: ROOM.name }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'home-rooms-search', viewport.name);

    await rooms.getByRole('searchbox', { name: 'Search rooms' }).fill('volcanoes');
    await rooms.getByText('No public room matches “volcanoes”.').waitFor();
    await rooms.getByRole('searchbox', { name: 'Search rooms' }).fill('garden');
    // From the keyboard: the room's link, then Enter.
    await rooms.getByRole('link', { name: ROOM.name }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.baseUrl}/rooms/${roomId}`);
    await page.getByRole('heading', { name: ROOM.name }).waitFor();
    await page.getByText(ROOM.description).waitFor();
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await sessions.getByRole('link', { name: LIVE_TITLE }).waitFor();
    await sessions.getByRole('link', { name: SCHEDULED_TITLE }).waitFor();
    // Live first, then upcoming.
    expect(await sessions.getByRole('article').allTextContents()).toEqual([
      expect.stringContaining(LIVE_TITLE),
      expect.stringContaining(SCHEDULED_TITLE),
    ]);
    await expectNamedButtons(page);
    await shot(page, 'room', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an unknown room gets its not-found page', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/rooms/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Room not found' }).waitFor();
    await shot(page, 'room-not-found', viewport.name);
    // The browser reports the API's 404 for the room read; nothing else may fail.
    const roomRead = /Failed to load resource.*404|^404 .*\/trpc\/rooms\.get/;
    expect(errors.filter((e) => !roomRead.test(e))).toEqual([]);
    await page.close();
  });
});
