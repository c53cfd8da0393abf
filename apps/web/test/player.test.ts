// The player's side of the stream: a viewer watching a live public session reports its playback,
// which the host sees in the session's health (reporting players, latency); a private room's
// live session plays for a signed-in viewer — on past its first restriction token's expiry
// (a 20 s token, renewed at 80 % of its life, without the player starting again) — and an
// anonymous visitor is asked to sign in, with a link that comes back. Desktop and 360 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  expectNamedButtons,
  launchBrowser,
  openPage,
  shot,
  signInAs,
  VIEWPORTS,
} from './support/browser.ts';
import { startLiveSession } from './support/live-session.ts';
import { publishTestPattern } from './support/publish.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const TOKEN_TTL_SECONDS = 20;
const VIEWER = { email: 'vic.viewer@example.com', password: 'viewer-password-1' };

let server: RunningServer;
let browser: Browser;
let rest: ReturnType<typeof restClient>;
const publishers: { stop(): Promise<void> }[] = [];
const ids = { public: '', private: '' };

type Health = {
  reporting_players: number;
  viewer_latency_p50_ms: number | null;
  rebuffer_ratio: number | null;
};

/** A private room's live session: its playlist opens only with the playback's token. */
async function startPrivateLiveSession(roomId: string, title: string) {
  const id = await rest.session(roomId, title, 60_000);
  const joined = await rest.call<{ ws_url: string; token: string }>('POST', `/sessions/${id}/join`);
  await rest.call('POST', `/sessions/${id}/webcam_hls`);
  publishers.push(
    await publishTestPattern(`${joined.ws_url}/sessions/${id}?token=${joined.token}`, 150),
  );
  await vi.waitUntil(
    async () => {
      const { url } = await rest.call<{ url: string }>('GET', `/sessions/${id}/playback`);
      const response = await fetch(url, { headers: { referer: `${server.baseUrl}/` } });
      return response.ok && ((await response.text()).match(/#EXTINF/g)?.length ?? 0) >= 2;
    },
    { timeout: 30_000, interval: 500 },
  );
  return id;
}

beforeAll(async () => {
  server = await startServer({ PLAYBACK_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS) });
  rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  await rest.call('POST', '/admin/users', {
    ...VIEWER,
    display_name: 'Vic Viewer',
    role: 'viewer',
  });
  const open = await rest.call<{ id: string }>('POST', '/rooms', {
    name: 'Open room',
    visibility: 'public',
  });
  const closed = await rest.call<{ id: string }>('POST', '/rooms', {
    name: 'Members room',
    visibility: 'private',
  });
  const live = await startLiveSession(rest, server.baseUrl, open.id, 'Open talk', 90);
  publishers.push(live.publisher);
  ids.public = live.id;
  ids.private = await startPrivateLiveSession(closed.id, 'Members-only talk');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(publishers.map((publisher) => publisher.stop()));
  await server?.stop();
});

const currentTime = (page: Page) =>
  page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);

describe('the player', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(() => context.close());

  it("reports its playback: the host sees the viewer's latency in the stream health", async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/sessions/${ids.public}`);
    await expect.poll(() => currentTime(page), { timeout: 20_000 }).toBeGreaterThan(1);
    let health: Health | null = null;
    await vi.waitUntil(
      async () => {
        health = await rest.call<Health>('GET', `/sessions/${ids.public}/health`);
        return health.reporting_players >= 1;
      },
      { timeout: 25_000, interval: 1000 },
    );
    expect(health!.viewer_latency_p50_ms).toBeGreaterThan(0);
    expect(health!.viewer_latency_p50_ms).toBeLessThan(60_000);
    expect(health!.rebuffer_ratio).not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays a private session for a signed-in viewer, on past its first token', async () => {
    const { page, errors } = await openPage(context);
    const playbackAnswers: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('sessions.playback')) playbackAnswers.push(response.status());
    });
    await signInAs(page, server.baseUrl, VIEWER.email, VIEWER.password);
    await page.goto(`${server.baseUrl}/sessions/${ids.private}`);
    await expect.poll(() => currentTime(page), { timeout: 20_000 }).toBeGreaterThan(1);
    // The player never starts again (a new source would empty the video first).
    await page.evaluate(() => {
      const video = document.querySelector('video')!;
      video.dataset.emptied = '0';
      video.addEventListener('emptied', () => {
        video.dataset.emptied = String(Number(video.dataset.emptied) + 1);
      });
    });
    // The first token expires TOKEN_TTL_SECONDS after it was given; playing on well past it
    // means the playlist and segments were fetched with the renewed token.
    const startedAt = await currentTime(page);
    await expect
      .poll(async () => (await currentTime(page)) - startedAt, { timeout: 60_000, interval: 1000 })
      .toBeGreaterThan(TOKEN_TTL_SECONDS + 5);
    expect(playbackAnswers.length).toBeGreaterThanOrEqual(2);
    expect(playbackAnswers.every((status) => status === 200)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('video')!.dataset.emptied)).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(VIEWPORTS)('the private session at $width×$height', (viewport) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
    });
  });
  afterAll(() => context.close());

  it('asks an anonymous visitor to sign in, and comes back after', async () => {
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/sessions/${ids.private}`);
    await page.getByRole('heading', { name: 'Sign in to watch' }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'player-sign-in-to-watch', viewport.name);
    // The session read answers 401 to an anonymous caller: that is how the page knows.
    expect(errors.filter((error) => !/401|status of 401/.test(error))).toEqual([]);

    await page.getByRole('link', { name: 'Sign in to watch' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.getByRole('textbox', { name: 'Email' }).fill(VIEWER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(VIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === `/sessions/${ids.private}`);
    await expect.poll(() => currentTime(page), { timeout: 20_000 }).toBeGreaterThan(1);
    await shot(page, 'player-private-playing', viewport.name);
    await page.close();
  });
});
