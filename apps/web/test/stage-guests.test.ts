// Stage guests with no media server, in Debian's Chromium with the fake webcam, against the server
// as `npm start` runs it: a viewer raises a hand and is approved; the studio (the host's page)
// calls them over the realtime gateway and the guest's camera plays in its "On stage" strip, the
// guest's panel saying they are live; the host takes the guest off the stage and the tile goes,
// the guest's peer connection closes and their camera stops; someone else's signal is refused.
// Brought back on stage the guest connects again; a ban cuts them off at once.
import {
  connectRealtime,
  RealtimeActionError,
  rtcSignalling,
  type RealtimeSocket,
} from '@vidinfra/api-client';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNamedButtons,
  launchBrowser,
  openPage,
  shotBoth,
  VIEWPORTS,
} from './support/browser.ts';
import { startLiveSession } from './support/live-session.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const TITLE = 'Guests on stage';
const GUEST = 'Gina Guest';
const [DESKTOP] = VIEWPORTS;

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let host: ReturnType<typeof restClient>;
let publisher: { stop(): Promise<void> } | null = null;
let sessionId = '';
let outsiderSocket: RealtimeSocket | null = null;

beforeAll(async () => {
  server = await startServer();
  host = restClient(server.baseUrl);
  await host.login(ADMIN.email, ADMIN.password);
  const room = await host.call<{ id: string }>('POST', '/rooms', {
    name: 'Stage room',
    visibility: 'public',
  });
  const live = await startLiveSession(host, server.baseUrl, room.id, TITLE, 240);
  sessionId = live.id;
  publisher = live.publisher;
  browser = await launchBrowser();
});

afterAll(async () => {
  outsiderSocket?.disconnect();
  await browser?.close();
  await publisher?.stop();
  await server?.stop();
});

/** The page's every RTCPeerConnection and camera stream, to check that they end. */
async function recordMedia(context: BrowserContext) {
  await context.addInitScript(() => {
    const peers: RTCPeerConnection[] = [];
    const streams: MediaStream[] = [];
    const Native = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        peers.push(this);
      }
    };
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
    Object.assign(window, { recordedPeers: peers, openedStreams: streams });
  });
}

const TILE_VIDEO = '[data-testid="guest-tile"] video';

/** The guest tile's video plays: its time advances and it has a picture size. */
async function expectTilePlaying(page: Page) {
  await page.waitForFunction(
    (selector) => {
      const video = document.querySelector<HTMLVideoElement>(selector);
      return !!video && video.currentTime > 1 && video.videoWidth > 0;
    },
    TILE_VIDEO,
    { timeout: 30_000 },
  );
  const firstTime = await page.$eval(TILE_VIDEO, (v) => (v as HTMLVideoElement).currentTime);
  await expect
    .poll(() => page.$eval(TILE_VIDEO, (v) => (v as HTMLVideoElement).currentTime))
    .toBeGreaterThan(firstTime + 0.5);
}

/** The guest page's peer connections still open and camera / microphone tracks still live. */
const guestMedia = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      recordedPeers: RTCPeerConnection[];
      openedStreams: MediaStream[];
    };
    return {
      peers: w.recordedPeers.length,
      open: w.recordedPeers.filter((peer) => peer.signalingState !== 'closed').length,
      live: w.openedStreams
        .flatMap((stream) => stream.getTracks())
        .filter((track) => track.readyState === 'live').length,
    };
  });

describe('a stage guest with no media server', () => {
  let hostContext: BrowserContext;
  let guestContext: BrowserContext;
  let studio: Awaited<ReturnType<typeof openPage>>;
  let guest: Awaited<ReturnType<typeof openPage>>;
  let guestId = '';
  beforeAll(async () => {
    hostContext = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
      permissions: ['camera', 'microphone'],
    });
    guestContext = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
      permissions: ['camera', 'microphone'],
    });
    await recordMedia(guestContext);
  });
  afterAll(async () => {
    await hostContext?.close();
    await guestContext?.close();
  });

  it('reaches the studio by WebRTC, and is cut off at once when taken off the stage', async () => {
    // The studio, opened by its one-time URL.
    const { url } = await host.call<{ url: string }>('POST', `/sessions/${sessionId}/studio_url`);
    studio = await openPage(hostContext);
    await studio.page.goto(`${server.baseUrl}${new URL(url).pathname}${new URL(url).search}`);
    await studio.page.getByRole('heading', { name: TITLE }).waitFor();
    await studio.page
      .getByRole('region', { name: 'On stage' })
      .getByText(/No guests on stage/)
      .waitFor();

    // The viewer watches, raises a hand as a guest, and the host approves it.
    guest = await openPage(guestContext);
    await guest.page.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await guest.page.getByRole('button', { name: 'Raise hand' }).click({ timeout: 60_000 });
    const dialog = guest.page.getByRole('dialog', { name: 'Choose your name' });
    await dialog.getByRole('textbox', { name: 'Display name' }).fill(GUEST);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await guest.page.getByText(/Your hand is up/).waitFor();
    const hands = await host.call<{ items: { user_id: string; display_name: string }[] }>(
      'GET',
      `/sessions/${sessionId}/hands`,
    );
    guestId = hands.items.find((hand) => hand.display_name === GUEST)!.user_id;
    await host.call('POST', `/sessions/${sessionId}/hands/${guestId}/approve`);

    // The guest is live on stage; the studio's tile plays their camera.
    await guest.page.getByRole('heading', { name: 'You are on stage' }).waitFor();
    await guest.page
      .getByRole('status')
      .getByText('You are live on stage')
      .waitFor({ timeout: 30_000 });
    const strip = studio.page.getByRole('list', { name: 'Guests on stage' });
    await strip.getByRole('listitem').filter({ hasText: GUEST }).waitFor();
    await strip.getByLabel(`${GUEST}'s camera`).waitFor();
    await expectTilePlaying(studio.page);
    await expectNamedButtons(studio.page);
    await expectNamedButtons(guest.page);
    await shotBoth(studio.page, 'stage-guests-studio');
    await guest.page.getByRole('heading', { name: 'You are on stage' }).scrollIntoViewIfNeeded();
    await shotBoth(guest.page, 'stage-guests-guest-live');

    // Muting the camera reaches the sent track.
    await guest.page.getByRole('button', { name: 'Turn camera off' }).click();
    await expect
      .poll(() =>
        guest.page.evaluate(() =>
          (window as unknown as { recordedPeers: RTCPeerConnection[] }).recordedPeers
            .flatMap((peer) => peer.getSenders())
            .filter((sender) => sender.track?.kind === 'video')
            .every((sender) => sender.track!.enabled === false),
        ),
      )
      .toBe(true);
    await guest.page.getByRole('button', { name: 'Turn camera on' }).click();

    // Someone else (signed in, not on stage) cannot signal either end.
    const outsider = restClient(server.baseUrl);
    await host.call('POST', '/admin/users', {
      email: 'outsider@example.test',
      password: 'outsider-password-1',
      display_name: 'Otto Outsider',
      role: 'viewer',
    });
    await outsider.login('outsider@example.test', 'outsider-password-1');
    const { access_token } = await outsider.call<{ access_token: string }>('POST', '/auth/login', {
      email: 'outsider@example.test',
      password: 'outsider-password-1',
    });
    outsiderSocket = connectRealtime({ url: server.baseUrl, accessToken: () => access_token });
    const me = await host.call<{ id: string }>('GET', '/auth/me');
    const signalling = rtcSignalling(outsiderSocket, sessionId);
    for (const to of [me.id, guestId]) {
      const refused = await signalling
        .send(to, { call_id: 'intruder', kind: 'offer', sdp: 'v=0' })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RealtimeActionError);
      expect((refused as RealtimeActionError).code).toBe('FORBIDDEN');
    }

    // Taken off the stage: the tile goes, the guest's connection closes and the camera stops.
    await host.call('DELETE', `/sessions/${sessionId}/stage/${guestId}`);
    await guest.page.getByText(/The host took you off the stage/).waitFor();
    await expect.poll(() => studio.page.getByTestId('guest-tile').count()).toBe(0);
    await studio.page
      .getByRole('region', { name: 'On stage' })
      .getByText(/No guests on stage/)
      .waitFor();
    const ended = await guestMedia(guest.page);
    expect(ended).toEqual({ peers: expect.any(Number), open: 0, live: 0 });
    expect(ended.peers).toBeGreaterThan(0);
    await shotBoth(studio.page, 'stage-guests-studio-after');

    expect(studio.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
  });

  it('connects again when the guest is back on stage, and a ban cuts them off at once', async () => {
    await host.call('POST', `/sessions/${sessionId}/stage`, { user_id: guestId });
    await guest.page
      .getByRole('status')
      .getByText('You are live on stage')
      .waitFor({ timeout: 30_000 });
    await expectTilePlaying(studio.page);
    expect(await guestMedia(guest.page)).toMatchObject({ open: 1 });

    await host.call('POST', `/sessions/${sessionId}/bans`, { user_id: guestId, reason: 'Testing' });
    await expect.poll(() => studio.page.getByTestId('guest-tile').count()).toBe(0);
    await expect.poll(() => guestMedia(guest.page)).toMatchObject({ open: 0, live: 0 });
    expect(await guest.page.getByRole('heading', { name: 'You are on stage' }).count()).toBe(0);
    expect(studio.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
  });
});
