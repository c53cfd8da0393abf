// The viewer's states a person understands, in Chromium against the server as `npm start` runs
// it: the home card of a live session shows its live poster once the server wrote one; the live
// watch page says for how long it has been live and how many watch; on a scheduled session a
// signed-in viewer sets and removes a reminder, and an anonymous visitor's "Remind me" leads to
// sign-in and back. At a desktop and a 360 px phone size, with screenshots.
import type { Browser, BrowserContext } from 'playwright-core';
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
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const VIEWER = { email: 'rita.reader@example.test', password: 'rita-password-1' };
const LIVE_TITLE = 'Bird count, live from the marsh';
const SCHEDULED_TITLE = 'Owl walk at dusk';

let server: RunningServer;
let browser: Browser;
let publisher: { stop(): Promise<void> } | null = null;
let roomId = '';
let liveId = '';
let scheduledId = '';
let viewerRest: ReturnType<typeof restClient>;

beforeAll(async () => {
  server = await startServer();
  const rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  await rest.call('POST', '/admin/users', {
    ...VIEWER,
    display_name: 'Rita Reader',
    role: 'viewer',
  });
  viewerRest = restClient(server.baseUrl);
  await viewerRest.login(VIEWER.email, VIEWER.password);
  roomId = (
    await rest.call<{ id: string }>('POST', '/rooms', { name: 'Marsh birds', visibility: 'public' })
  ).id;
  scheduledId = await rest.session(roomId, SCHEDULED_TITLE, 26 * 3600_000);
  const live = await startLiveSession(rest, server.baseUrl, roomId, LIVE_TITLE, 120);
  liveId = live.id;
  publisher = live.publisher;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await publisher?.stop();
  await server?.stop();
});

const reminded = async () =>
  (await viewerRest.call<{ subscribed: boolean }>('GET', `/rooms/${roomId}/reminders/me`))
    .subscribed;

describe.each(VIEWPORTS)('viewer states at $width×$height', (viewport) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
    });
  });
  afterAll(() => context.close());

  it("the home card of a live session shows the server's live poster", async () => {
    await vi.waitUntil(async () => (await fetch(`${server.baseUrl}/hls/${liveId}/poster.jpg`)).ok, {
      timeout: 40_000,
      interval: 500,
    });
    const { page, errors } = await openPage(context);
    await page.goto(server.baseUrl);
    const card = page
      .getByRole('region', { name: 'Live now' })
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: LIVE_TITLE }) });
    const poster = card.getByRole('img', { name: `Live picture of ${LIVE_TITLE}` });
    await poster.waitFor();
    await expect
      .poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    // The upcoming session has no picture: a placeholder, not a broken image.
    const upcoming = page
      .getByRole('region', { name: 'Upcoming' })
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: SCHEDULED_TITLE }) });
    await upcoming.waitFor();
    expect(await upcoming.getByRole('img').count()).toBe(0);
    await shot(page, 'home-posters', viewport.name);

    await page.goto(`${server.baseUrl}/rooms/${roomId}`);
    await page.getByRole('img', { name: `Live picture of ${LIVE_TITLE}` }).waitFor();
    await shot(page, 'room-posters', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('the live watch page says for how long it has been live and how many watch', async () => {
    const { page, errors } = await openPage(context);
    // A signed-in viewer following the session is counted (an anonymous player is not).
    await signInAs(page, server.baseUrl, VIEWER.email, VIEWER.password);
    await page.goto(`${server.baseUrl}/sessions/${liveId}`);
    await page.getByRole('heading', { name: LIVE_TITLE }).waitFor();
    const timer = page.getByRole('timer').filter({ hasText: /^Live for \d+:\d\d$/ });
    await timer.waitFor();
    const first = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(first);
    // Once this viewer's connection is in (the header follows the page's status poll).
    await page.getByText(/^[1-9]\d* watching$/).waitFor({ timeout: 25_000 });
    await shot(page, 'watch-live-header', viewport.name);
    expect(errors).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }, 40_000);

  it('a signed-in viewer sets a reminder on a scheduled session, then removes it', async () => {
    const { page, errors } = await openPage(context);
    await signInAs(page, server.baseUrl, VIEWER.email, VIEWER.password);
    await page.goto(`${server.baseUrl}/sessions/${scheduledId}`);
    await page.getByRole('heading', { name: SCHEDULED_TITLE }).waitFor();
    const remind = page.getByRole('button', { name: 'Remind me' });
    await remind.waitFor();
    expect(await remind.getAttribute('aria-pressed')).toBe('false');
    expect(await reminded()).toBe(false);

    await remind.focus();
    await page.keyboard.press('Enter');
    const set = page.getByRole('button', { name: 'Reminder set' });
    await set.waitFor();
    expect(await set.getAttribute('aria-pressed')).toBe('true');
    expect(await reminded()).toBe(true);
    await expectNamedButtons(page);
    await shot(page, 'watch-scheduled-reminder-set', viewport.name);

    await set.click();
    await remind.waitFor();
    expect(await reminded()).toBe(false);
    expect(errors).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it("an anonymous visitor's 'Remind me' leads to sign-in and back", async () => {
    const anonymous = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
    });
    const { page, errors } = await openPage(anonymous);
    await page.goto(`${server.baseUrl}/sessions/${scheduledId}`);
    await page.getByRole('heading', { name: SCHEDULED_TITLE }).waitFor();
    const remind = page.getByRole('link', { name: 'Remind me' });
    await remind.waitFor();
    await shot(page, 'watch-scheduled-anonymous', viewport.name);
    await remind.click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.getByRole('textbox', { name: 'Email' }).fill(VIEWER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(VIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === `/sessions/${scheduledId}`);
    await page.getByRole('button', { name: 'Remind me' }).waitFor();
    expect(errors).toEqual([]);
    await anonymous.close();
  });
});
