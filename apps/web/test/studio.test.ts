// The browser studio in Debian's Chromium with the fake webcam, against the server as `npm start`
// runs it: the host opens the studio URL (its one-time code signs them in and leaves the address
// bar), sees the camera preview, starts, goes live after the 3-2-1 countdown; an anonymous viewer
// watches the stream play (frames not blank); the host ends the session, the studio says so and
// so does the viewer's page. A used or tampered code gets a page that says so.
import type { Browser, BrowserContext, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  expectNamedButtons,
  launchBrowser,
  openPage,
  shot,
  shotBoth,
  signInAs,
  VIEWPORTS,
} from './support/browser.ts';
import { restClient } from './support/rest.ts';
import { expectPlaying } from './support/video.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const TITLE = 'Studio test: live from the browser';
const [DESKTOP, PHONE] = VIEWPORTS;

let server: RunningServer;
let browser: Browser;
let rest: ReturnType<typeof restClient>;
let roomId: string;

beforeAll(async () => {
  server = await startServer();
  rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  roomId = (
    await rest.call<{ id: string }>('POST', '/rooms', { name: 'Studio room', visibility: 'public' })
  ).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the browser studio', () => {
  let hostContext: BrowserContext;
  let viewerContext: BrowserContext;
  beforeAll(async () => {
    hostContext = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
    });
    viewerContext = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
    });
  });
  afterAll(async () => {
    await hostContext.close();
    await viewerContext.close();
  });

  it('the host goes live from the studio URL, a viewer watches, the host ends it', async () => {
    const sessionId = await rest.session(roomId, TITLE, 60_000);
    const url = await rest.studioUrl(sessionId);
    const host = await openPage(hostContext);
    await host.page.goto(url);

    // Signed in by the code, which leaves the address bar.
    await host.page.getByRole('heading', { name: TITLE }).waitFor();
    expect(new URL(host.page.url()).search).toBe('');

    // The camera's preview plays, the pickers name the fake devices, the meter is there.
    await expectPlaying(host.page, '[data-testid="studio-preview"]');
    await expect
      .poll(() => host.page.getByRole('combobox', { name: 'Camera' }).inputValue())
      .not.toBe('');
    // The fake microphone beeps: the meter moves.
    const meter = host.page.getByRole('progressbar', { name: 'Microphone level' });
    await expect
      .poll(async () => Number(await meter.getAttribute('aria-valuenow')), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expectNamedButtons(host.page);
    await shotBoth(host.page, 'studio-before');

    await host.page.getByRole('button', { name: 'Start', exact: true }).click();
    await host.page.getByText('Backstage', { exact: true }).waitFor();
    await host.page.getByRole('button', { name: 'Go live' }).click();
    await host.page.getByRole('status', { name: 'Going live in 3' }).waitFor();
    await host.page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await host.page
      .getByTestId('upload-bitrate')
      .filter({ hasText: /[1-9][\d,]* kbit\/s/ })
      .waitFor({ timeout: 10_000 });

    // The stream reaches the public playlist.
    const playlist = `${server.baseUrl}/hls/${sessionId}/index.m3u8`;
    await vi.waitUntil(
      async () => {
        const response = await fetch(playlist);
        return response.ok && ((await response.text()).match(/#EXTINF/g)?.length ?? 0) >= 2;
      },
      { timeout: 30_000, interval: 250 },
    );

    const viewer = await openPage(viewerContext);
    await viewer.page.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await viewer.page.getByRole('heading', { name: TITLE }).waitFor();
    await expectPlaying(viewer.page, '[data-testid="live-player"]');

    await host.page.getByTestId('viewer-count').filter({ hasText: /^\d+$/ }).waitFor();
    await expectNamedButtons(host.page);
    await shotBoth(host.page, 'studio-live');

    // End, confirmed: the studio's ended screen, its camera off and socket closed.
    await host.page.getByRole('button', { name: 'End session' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'End this session?' });
    await dialog.getByRole('button', { name: 'End now' }).click();
    await host.page.getByRole('heading', { name: 'The session has ended' }).waitFor();
    await host.page.getByRole('link', { name: 'Back to the dashboard' }).waitFor();
    expect(
      await host.page.evaluate(
        () =>
          (window as { studioPublisher?: { socket(): unknown } }).studioPublisher?.socket() ?? null,
      ),
    ).toBeNull();
    expect(await host.page.locator('video').count()).toBe(0);
    await shotBoth(host.page, 'studio-ended');

    await viewer.page.getByText(/This session has ended/).waitFor({ timeout: 30_000 });
    expect(host.errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
    await host.page.close();
    await viewer.page.close();
  });

  it.each([
    ['used', async (url: string) => url],
    [
      'tampered',
      async () =>
        `${server.baseUrl}/sessions/${crypto.randomUUID()}/live?code=${crypto.randomUUID()}`,
    ],
  ])('a %s code gets a page that says so, with a way to sign in', async (_what, target) => {
    const sessionId = await rest.session(roomId, 'Studio code check', 60_000);
    const url = await rest.studioUrl(sessionId);
    // The first use signs in a browser; the page below sees a used one.
    await rest.call('POST', '/auth/code/exchange', { code: new URL(url).searchParams.get('code') });
    const context = await browser.newContext({
      viewport: { width: PHONE.width, height: PHONE.height },
    });
    const { page, errors } = await openPage(context);
    await page.goto(await target(url));
    await page.getByRole('heading', { name: 'This studio link cannot be used' }).waitFor();
    await page.getByText(/expired or was already used/).waitFor();
    await page.getByRole('link', { name: 'Sign in to the studio' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await shot(page, `studio-code-${_what}`, PHONE.name);
    // The refused exchange (CODE_EXPIRED: tRPC's NOT_FOUND) is the one failed request.
    expect(errors.filter((e) => !/auth\.exchangeCode|status of 404/.test(e))).toEqual([]);
    await context.close();
  });
  it('a 3 s drop of the studio’s ingest socket: it reconnects, the same playlist goes on', async () => {
    const sessionId = await rest.session(roomId, 'Studio drop check', 60_000);
    const url = await rest.studioUrl(sessionId);
    const context = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
    });
    // The studio's ingest sockets pass through the test, which can cut them.
    let down = false;
    const live: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
    await context.routeWebSocket(/\/ingest\//, (page) => {
      if (down) return page.close({ code: 4000, reason: 'network down' });
      live.push({ page, server: page.connectToServer() });
    });
    const { page, errors } = await openPage(context);
    await page.goto(url);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Go live' }).click();
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });

    const playlistUrl = `${server.baseUrl}/hls/${sessionId}/index.m3u8`;
    const playlist = async () => {
      const response = await fetch(playlistUrl);
      const text = response.ok ? await response.text() : '';
      return {
        sequence: Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? -1),
        segments: text.match(/#EXTINF/g)?.length ?? 0,
        ended: text.includes('#EXT-X-ENDLIST'),
      };
    };
    await vi.waitUntil(async () => (await playlist()).segments >= 3, {
      timeout: 30_000,
      interval: 250,
    });
    const before = await playlist();

    down = true;
    for (const { page: side, server: other } of live.splice(0)) {
      await other.close({ code: 4000, reason: 'network down' });
      await side.close({ code: 4000, reason: 'network down' });
    }
    await page.getByText(/Reconnecting/).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the 3 s outage itself
    down = false;

    await page.getByText('Reconnects').waitFor({ timeout: 10_000 });
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 10_000 });
    // The same playlist goes on: its media sequence moves forward from where it was (never
    // restarting at 0) and it never ended.
    await vi.waitUntil(
      async () => {
        const now = await playlist();
        return !now.ended && now.sequence >= before.sequence + 4;
      },
      { timeout: 30_000, interval: 500 },
    );
    expect((await playlist()).ended).toBe(false);
    await shot(page, 'studio-reconnected', DESKTOP.name);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('a host already signed in opens the studio without a code; the desktop bridge is used when present', async () => {
    const sessionId = await rest.session(roomId, 'Studio without a code', 60_000);
    const context = await browser.newContext({
      viewport: { width: PHONE.width, height: PHONE.height },
    });
    // What the desktop app's preload offers (window.vidinfraHost), stubbed.
    await context.addInitScript(() => {
      (window as { vidinfraHost?: unknown }).vidinfraHost = {
        version: '1.2.3',
      };
    });
    const { page, errors } = await openPage(context);
    await signInAs(page, server.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${server.baseUrl}/sessions/${sessionId}/live`);
    await page.getByRole('heading', { name: 'Studio without a code' }).waitFor();
    await page.getByText('Desktop studio 1.2.3').waitFor();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    await expectPlaying(page, '[data-testid="studio-preview"]');
    expect(errors).toEqual([]);
    await context.close();
  });
});
