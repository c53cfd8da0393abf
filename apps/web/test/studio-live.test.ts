// The studio while live, in Debian's Chromium with the fake webcam, against the server as
// `npm start` runs it: the host goes live from the studio and a viewer watches; the viewer chats
// and votes and the host sees both live in the studio's side panel; the viewer raises a hand and
// the host approves it in the Stage tab (the viewer's stage panel appears, their camera plays in
// the studio's strip; the studio page has opened one realtime connection for all of it); the
// host records (REC shows, then goes) and turns the camera off (the viewer's player says so, and
// so does a viewer who opens the page after, until the camera is back on); the host deletes a
// message (gone for the viewer) and bans the viewer (their chat box closes); a second viewer asks
// to join and is approved, and past the stage size the server's refusal is shown. The health
// panel is green while publishing. Screenshots of each tab, at a desktop and a 360 px phone size.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  expectNamedButtons,
  launchBrowser,
  openPage,
  shot,
  shotBoth,
  VIEWPORTS,
} from './support/browser.ts';
import { restClient } from './support/rest.ts';
import { expectPlaying } from './support/video.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const TITLE = 'Studio live: chat, polls and stage';
const GUEST = 'Stage guest';
const [DESKTOP, PHONE] = VIEWPORTS;

let server: RunningServer;
let browser: Browser;
let rest: ReturnType<typeof restClient>;
let sessionId: string;

beforeAll(async () => {
  server = await startServer();
  rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  const room = await rest.call<{ id: string }>('POST', '/rooms', {
    name: 'Studio live room',
    visibility: 'public',
  });
  sessionId = await rest.session(room.id, TITLE, 60_000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Records the cameras the page opens (window.openedCameras), to check their tracks. */
async function recordCameras(context: BrowserContext) {
  await context.addInitScript(() => {
    const cameras: MediaStream[] = [];
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      if (stream.getVideoTracks().length > 0) cameras.push(stream);
      return stream;
    };
    Object.assign(window, { openedCameras: cameras });
  });
}

/** Whether each live video track of the cameras the page opened is enabled. */
const cameraTracksEnabled = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { openedCameras: MediaStream[] }).openedCameras
      .flatMap((stream) => stream.getVideoTracks())
      .filter((track) => track.readyState === 'live')
      .map((track) => track.enabled),
  );

const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

describe('the studio while live', () => {
  let hostContext: BrowserContext;
  let viewerContext: BrowserContext;
  let viewerContext2: BrowserContext;
  let host: Page;
  let hostErrors: string[];
  let viewer: Page;
  let viewerErrors: string[];
  /** The realtime (Socket.IO) connections the studio page opened. */
  const hostSockets: string[] = [];

  beforeAll(async () => {
    const size = { viewport: { width: DESKTOP.width, height: DESKTOP.height } };
    hostContext = await browser.newContext(size);
    await recordCameras(hostContext);
    viewerContext = await browser.newContext({ ...size, permissions: ['camera', 'microphone'] });
    viewerContext2 = await browser.newContext({ ...size, permissions: ['camera', 'microphone'] });
    ({ page: host, errors: hostErrors } = await openPage(hostContext));
    host.on('websocket', (socket) => {
      if (socket.url().includes('/socket.io/')) hostSockets.push(socket.url());
    });
    ({ page: viewer, errors: viewerErrors } = await openPage(viewerContext));
  });
  afterAll(async () => {
    await hostContext?.close();
    await viewerContext?.close();
    await viewerContext2?.close();
  });

  it('goes live; the health panel is green while publishing', async () => {
    await host.goto(await rest.studioUrl(sessionId));
    await host.getByRole('heading', { name: TITLE }).waitFor();
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    // Backstage: the side panel is there already, its states empty.
    await host.getByText('No messages yet').waitFor();
    await host.getByRole('button', { name: 'Go live' }).click();
    await host.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await host.getByRole('button', { name: 'Start recording' }).waitFor();
    await vi.waitUntil(
      async () => {
        const response = await fetch(`${server.baseUrl}/hls/${sessionId}/index.m3u8`);
        return response.ok && ((await response.text()).match(/#EXTINF/g)?.length ?? 0) >= 2;
      },
      { timeout: 30_000, interval: 250 },
    );
    const level = host.getByTestId('health-level');
    await expect.poll(() => level.getAttribute('data-level'), { timeout: 30_000 }).toBe('green');
    await host.getByText('Stream healthy').waitFor();
    await host
      .getByTestId('upload-bitrate')
      .filter({ hasText: /[1-9][\d,]* kbit\/s/ })
      .waitFor();
  });

  it('the viewer chats and votes: the host sees both live', async () => {
    await viewer.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await viewer.getByRole('heading', { name: TITLE }).waitFor();
    await viewer.waitForFunction(
      () => (document.querySelector('video')?.currentTime ?? 0) > 1,
      undefined,
      { timeout: 30_000 },
    );
    await viewer.getByRole('textbox', { name: 'Message' }).fill('First from the viewer');
    await viewer.getByRole('button', { name: 'Send' }).click();
    const dialog = viewer.getByRole('dialog', { name: 'Choose your name' });
    await dialog.getByRole('textbox', { name: 'Display name' }).fill(GUEST);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await viewer.getByRole('log').getByText('First from the viewer').waitFor();

    const hostChat = host.getByRole('log');
    await hostChat.getByText('First from the viewer').waitFor();
    await hostChat.getByText(GUEST).first().waitFor();
    // The host writes too: their message carries the Host badge for the viewer.
    await host.getByRole('textbox', { name: 'Message' }).fill('Welcome, everyone');
    await host.getByRole('button', { name: 'Send' }).click();
    await viewer.getByRole('log').getByText('Welcome, everyone').waitFor({ timeout: 30_000 });
    await shotBoth(host, 'studio-live-chat');

    // A poll from the studio's Polls tab; the viewer votes; the host sees the count live.
    await tab(host, 'Polls').click();
    await host.getByText('No polls yet').waitFor();
    const form = host.getByRole('form', { name: 'New poll' });
    await form.getByRole('textbox', { name: 'Question' }).fill('Which topic next?');
    await form.getByRole('textbox', { name: 'Option 1' }).fill('Cameras');
    await form.getByRole('textbox', { name: 'Option 2' }).fill('Lighting');
    await form.getByRole('button', { name: 'Add option' }).click();
    await form.getByRole('textbox', { name: 'Option 3' }).fill('Sound');
    await form.getByRole('button', { name: 'Open poll' }).click();
    const hostPoll = host.getByRole('region', { name: 'Poll: Which topic next?' });
    await hostPoll.getByText('0 votes').waitFor();

    const viewerPoll = viewer.getByRole('region', { name: 'Poll: Which topic next?' });
    await viewerPoll.getByRole('radio', { name: 'Lighting' }).check({ timeout: 30_000 });
    await viewerPoll.getByRole('button', { name: 'Vote' }).click();
    await viewerPoll.getByText('Lighting (your vote)').waitFor();
    await hostPoll.getByText('1 vote').waitFor();
    await hostPoll.getByText('100 % · 1').waitFor();
    await shotBoth(host, 'studio-live-polls');
    await hostPoll.getByRole('button', { name: 'Close poll: Which topic next?' }).click();
    await hostPoll.getByText('Closed', { exact: true }).waitFor();
    await viewerPoll.getByText('Closed', { exact: true }).waitFor();
  });

  it('the viewer raises a hand; the host approves it in the Stage tab', async () => {
    await tab(host, 'Stage').click();
    await host.getByText('No hands raised').waitFor();
    await host.getByText('No one is on stage yet').waitFor();
    await viewer.getByRole('button', { name: 'Raise hand' }).click();
    await viewer.getByText(/Your hand is up/).waitFor();

    await tab(host, 'Stage 1 waiting').waitFor();
    await shotBoth(host, 'studio-live-stage-hand');
    await host.getByRole('button', { name: `Approve ${GUEST}` }).click();
    await viewer.getByRole('heading', { name: 'You are on stage' }).waitFor();
    const onStage = host.getByRole('region', { name: 'People on stage' });
    await onStage.getByText(GUEST).waitFor();
    await host
      .getByTestId('stage-size')
      .filter({ hasText: /^1 of \d+/ })
      .waitFor();
    await host.getByText('No hands raised').waitFor();
    // The guest's camera plays in the studio over WebRTC, signalled on the page's one realtime
    // connection, which also carries the side panel's chat, polls and stage.
    await expectPlaying(host, '[data-testid="guest-tile"] video');
    expect(hostSockets).toHaveLength(1);
    // Screen sharing allowed from the studio: the switch turns on and stays on.
    const screen = host.getByRole('switch', { name: `Screen for ${GUEST}` });
    expect(await screen.isChecked()).toBe(false);
    await screen.click();
    await expect.poll(() => screen.isChecked()).toBe(true);
    await expectNamedButtons(host);
    await shotBoth(host, 'studio-live-stage');
  });

  it('the host records (REC shows, then goes) and turns the camera off (the viewer is told)', async () => {
    await host.getByRole('button', { name: 'Start recording' }).click();
    const rec = host.getByTestId('rec-indicator');
    await rec.filter({ hasText: /^REC 0:0[1-9]$/ }).waitFor({ timeout: 15_000 });
    await shotBoth(host, 'studio-live-recording');
    await host.getByRole('button', { name: 'Stop recording' }).click();
    await rec.waitFor({ state: 'detached' });
    await host.getByRole('button', { name: 'Start recording' }).waitFor();

    await host.getByRole('button', { name: 'Turn camera off' }).click();
    await host.getByRole('button', { name: 'Turn camera on' }).waitFor();
    // The camera's own tracks are off (the compositor draws black from them).
    expect(await cameraTracksEnabled(host)).toEqual([false]);
    await viewer.getByRole('status').getByText('Host camera off').waitFor();
    await shot(viewer, 'studio-live-viewer-host-camera-off', DESKTOP.name);

    // A viewer who opens the page now (anonymous, at 360 px) is told too: the session read says it.
    const lateContext = await browser.newContext({
      viewport: { width: PHONE.width, height: PHONE.height },
    });
    try {
      const { page: late, errors: lateErrors } = await openPage(lateContext);
      await late.goto(`${server.baseUrl}/sessions/${sessionId}`);
      await late.getByRole('status').getByText('Host camera off').waitFor({ timeout: 30_000 });
      await shot(late, 'studio-live-late-viewer-host-camera-off', PHONE.name);
      await host.getByRole('button', { name: 'Turn camera on' }).click();
      await viewer.getByText('Host camera off').waitFor({ state: 'detached' });
      await late.getByText('Host camera off').waitFor({ state: 'detached' });
      expect(await late.locator('video').evaluate((video: HTMLVideoElement) => video.paused)).toBe(
        false,
      );
      expect(lateErrors).toEqual([]);
    } finally {
      await lateContext.close();
    }
    expect(await cameraTracksEnabled(host)).toEqual([true]);
  });

  it('the host deletes a message and bans its author: both show for the viewer', async () => {
    await viewer.getByRole('textbox', { name: 'Message' }).fill('Second from the viewer');
    await viewer.getByRole('button', { name: 'Send' }).click();
    await viewer.getByRole('log').getByText('Second from the viewer').waitFor();
    await tab(host, 'Chat').click();
    const hostChat = host.getByRole('log');
    await hostChat.getByText('Second from the viewer').waitFor();

    const first = hostChat.getByTestId('chat-message').filter({ hasText: 'First from the viewer' });
    // By keyboard: the message's menu, its first item, the confirmation's focused "Delete".
    await first.getByRole('button', { name: `Moderate the message from ${GUEST}` }).focus();
    await host.keyboard.press('Enter');
    await host.getByRole('menuitem', { name: 'Delete message' }).waitFor();
    await host.keyboard.press('ArrowDown');
    await expect
      .poll(() => host.evaluate(() => document.activeElement?.textContent))
      .toBe('Delete message');
    await host.keyboard.press('Enter');
    const confirm = host.getByRole('dialog', { name: 'Delete this message?' });
    await confirm.getByText('It disappears for everyone at once.').waitFor();
    await expect
      .poll(() => host.evaluate(() => document.activeElement?.textContent))
      .toBe('Delete');
    await host.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await hostChat.getByText('First from the viewer').waitFor({ state: 'detached' });
    await viewer.getByRole('log').getByText('First from the viewer').waitFor({ state: 'detached' });

    const second = hostChat
      .getByTestId('chat-message')
      .filter({ hasText: 'Second from the viewer' });
    await second.getByRole('button', { name: `Moderate the message from ${GUEST}` }).click();
    await host.getByRole('menuitem', { name: `Ban ${GUEST}…` }).click();
    const ban = host.getByRole('dialog', { name: `Ban ${GUEST}?` });
    await ban.getByText('Whole room').click();
    expect(await ban.getByRole('radio', { name: 'Whole room' }).isChecked()).toBe(true);
    await ban.getByRole('combobox', { name: 'For how long' }).click();
    await host.getByRole('option', { name: '24 hours' }).click();
    await shotBoth(host, 'studio-live-ban-dialog');
    await ban.getByRole('button', { name: 'Ban' }).click();
    await host.getByText(`${GUEST} is banned from the whole room for 24 hours.`).waitFor();

    await viewer.getByRole('alert').getByText('You can no longer chat here').waitFor();
    expect(await viewer.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    // A ban takes them off the stage too.
    await tab(host, 'Stage').click();
    await host.getByText('No one is on stage yet').waitFor();
    const bans = await rest.call<{ items: { scope: string; expires_at?: string }[] }>(
      'GET',
      `/sessions/${sessionId}/bans`,
    );
    expect(bans.items).toHaveLength(1);
    expect(bans.items[0]!.scope).toBe('room');
    const hours = (Date.parse(bans.items[0]!.expires_at!) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect(hostSockets).toHaveLength(1);
    expect(hostErrors).toEqual([]);
    expect(viewerErrors).toEqual([]);
  });
  it('join requests: the host approves one in the Stage tab; past the stage size, the server says so', async () => {
    await rest.call('PATCH', `/sessions/${sessionId}/settings`, {
      hand_raise_enabled: false,
      max_stage_size: 1,
    });
    await tab(host, 'Stage').click();
    await host.getByText('No join requests').waitFor();
    expect(await host.getByText('Raised hands').count()).toBe(0);

    const second = await openPage(viewerContext2);
    await second.page.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await second.page
      .getByRole('button', { name: 'Ask to join the stage' })
      .click({ timeout: 30_000 });
    const dialog = second.page.getByRole('dialog', { name: 'Choose your name' });
    await dialog.getByRole('textbox', { name: 'Display name' }).fill('Second guest');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await second.page.getByText('You asked to join the stage. The host will answer.').waitFor();

    await host.getByRole('button', { name: 'Approve Second guest' }).click();
    await second.page.getByRole('heading', { name: 'You are on stage' }).waitFor();
    await host.getByTestId('stage-size').filter({ hasText: '1 of 1 · full' }).waitFor();
    await host.getByText('No join requests').waitFor();

    // Someone else asks in the chat; bringing them on stage would pass the limit: refused.
    const third = restClient(server.baseUrl);
    const registered = await third.call<{ access_token: string }>('POST', '/auth/viewer/register', {
      device_token: 'studio-live-third-guest-device',
      display_name: 'Third guest',
    });
    const sent = await fetch(`${server.baseUrl}/api/sessions/${sessionId}/chat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${registered.access_token}`,
      },
      body: JSON.stringify({ text: 'Can I come up too?' }),
    });
    expect(sent.status).toBe(200);
    await tab(host, 'Chat').click();
    const message = host
      .getByRole('log')
      .getByTestId('chat-message')
      .filter({ hasText: 'Can I come up too?' });
    await message.getByRole('button', { name: 'Moderate the message from Third guest' }).click();
    await host.getByRole('menuitem', { name: 'Bring on stage' }).click();
    await host
      .getByRole('alert')
      .filter({ hasText: /Third guest could not be brought on stage: .*1 at most/ })
      .waitFor();
    await shotBoth(host, 'studio-live-stage-full');
    await tab(host, 'Stage').click();
    await host.emulateMedia({ colorScheme: 'dark' });
    await host.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await shot(host, 'studio-live-stage-dark', DESKTOP.name);
    expect(hostErrors.filter((e) => !/409/.test(e))).toEqual([]);
    expect(second.errors).toEqual([]);
  });
});
