// The watch page's live companions in Debian's Chromium against the server as `npm start` runs
// it, on a session published through the ingest: an anonymous viewer's video plays; they chat
// as a guest (asked their name once), vote, raise a hand; the host approves it and the viewer's
// stage panel shows their own camera (Chromium's fake device); a ban closes their chat live.
// Chat in step with the picture: another person's message waits for the playhead; with the
// switch off it shows at once. At a desktop and a 360 px phone size, with screenshots.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNamedButtons, launchBrowser, openPage, shot, VIEWPORTS } from './support/browser.ts';
import { startLiveSession } from './support/live-session.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const TITLE = 'Live with chat';

let server: RunningServer;
let browser: Browser;
let host: ReturnType<typeof restClient>;
let publisher: { stop(): Promise<void> } | null = null;
let sessionId = '';

beforeAll(async () => {
  server = await startServer();
  host = restClient(server.baseUrl);
  await host.login(ADMIN.email, ADMIN.password);
  const room = await host.call<{ id: string }>('POST', '/rooms', {
    name: 'Engage test room',
    visibility: 'public',
  });
  const live = await startLiveSession(host, server.baseUrl, room.id, TITLE, 240);
  sessionId = live.id;
  publisher = live.publisher;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await publisher?.stop();
  await server?.stop();
});

/** Opens the watch page and waits until the video plays a frame that is not blank. */
async function watch(page: Page) {
  await page.goto(`${server.baseUrl}/sessions/${sessionId}`);
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await page.waitForFunction(
    () => (document.querySelector('video')?.currentTime ?? 0) > 1,
    undefined,
    {
      timeout: 30_000,
    },
  );
  // A frame that is not blank: the test pattern's average brightness, read through a canvas.
  await page.waitForFunction(
    () => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="live-player"]')!;
      const canvas = document.createElement('canvas');
      canvas.width = 32;
      canvas.height = 18;
      const context = canvas.getContext('2d')!;
      context.drawImage(video, 0, 0, 32, 18);
      const pixels = context.getImageData(0, 0, 32, 18).data;
      let sum = 0;
      for (let i = 0; i < pixels.length; i += 4)
        sum += pixels[i]! + pixels[i + 1]! + pixels[i + 2]!;
      return sum / (pixels.length / 4) / 3 > 10;
    },
    undefined,
    { timeout: 15_000 },
  );
  await page.getByRole('log').waitFor();
}

const chatLog = (page: Page) => page.getByRole('log');

async function sendChat(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

describe.each(VIEWPORTS)('the watch page at $width×$height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const guestName = `Guest ${viewport.name}`;

  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      permissions: ['camera', 'microphone'],
    });
    // Every camera / microphone stream the page opens, to check that its tracks stop.
    await context.addInitScript(() => {
      const streams: MediaStream[] = [];
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      Object.assign(window, { openedStreams: streams });
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        streams.push(stream);
        return stream;
      };
    });
    ({ page, errors } = await openPage(context));
  });
  afterAll(() => context.close());

  it('an anonymous viewer watches, chats as a guest, votes, and goes on stage', async () => {
    await watch(page);

    // The first message asks for a name, makes the guest, and shows at once.
    await sendChat(page, `Hello from the ${viewport.name}`);
    const dialog = page.getByRole('dialog', { name: 'Choose your name' });
    await dialog.waitFor();
    await shot(page, 'engage-guest-name', viewport.name);
    await dialog.getByRole('textbox', { name: 'Display name' }).fill(guestName);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await chatLog(page).getByText(`Hello from the ${viewport.name}`).waitFor();
    await chatLog(page).getByText(`${guestName} (you)`).first().waitFor();
    await page.getByRole('button', { name: `Account menu of ${guestName}` }).waitFor();

    // The host's poll opens (after the playhead reaches it); the guest votes and changes it.
    const question = `Best colour (${viewport.name})?`;
    await host.call('POST', `/sessions/${sessionId}/polls`, {
      question,
      options: ['Red', 'Blue'],
    });
    const poll = page.getByRole('region', { name: `Poll: ${question}` });
    await poll.getByRole('radio', { name: 'Red' }).check({ timeout: 30_000 });
    await poll.getByRole('button', { name: 'Vote' }).click();
    await poll.getByText('Red (your vote)').waitFor();
    await poll.getByText('1 vote').waitFor();
    await poll.getByRole('button', { name: 'Change my vote' }).click();
    await poll.getByRole('radio', { name: 'Blue' }).check();
    await poll.getByRole('button', { name: 'Change vote' }).click();
    await poll.getByText('Blue (your vote)').waitFor();
    await poll.getByText('1 vote').waitFor();

    // Raise a hand; the host approves it; the stage panel shows the guest's camera.
    await page.getByRole('button', { name: 'Raise hand' }).click();
    await page.getByText(/Your hand is up/).waitFor();
    await shot(page, 'engage-hand-up', viewport.name);
    const hands = await host.call<{ items: { user_id: string; display_name: string }[] }>(
      'GET',
      `/sessions/${sessionId}/hands`,
    );
    const mine = hands.items.find((hand) => hand.display_name === guestName);
    expect(mine).toBeDefined();
    await host.call('POST', `/sessions/${sessionId}/hands/${mine!.user_id}/approve`);
    await page.getByRole('heading', { name: 'You are on stage' }).waitFor();
    await page.waitForFunction(
      () => {
        const preview = document.querySelector<HTMLVideoElement>('[data-testid="stage-preview"]');
        return (preview?.videoWidth ?? 0) > 0 && (preview?.currentTime ?? 0) > 0;
      },
      undefined,
      { timeout: 15_000 },
    );
    await page.getByRole('button', { name: 'Mute microphone' }).click();
    await page.getByRole('button', { name: 'Unmute microphone' }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'engage-on-stage', viewport.name);
    expect(errors).toEqual([]);
  });

  it('moderation shows live: a deleted message, stage removal, slow mode, chat off, a ban', async () => {
    const said = `Hello from the ${viewport.name}`;
    const chat = await host.call<{ items: { id: string; text: string; user_id: string }[] }>(
      'GET',
      `/sessions/${sessionId}/chat`,
    );
    const message = chat.items.find((m) => m.text === said)!;
    const guestId = message.user_id;
    await host.call('DELETE', `/sessions/${sessionId}/chat/${message.id}`);
    await chatLog(page).getByText(said).waitFor({ state: 'detached' });

    // Taken off the stage: back to watching, the camera preview gone.
    await host.call('DELETE', `/sessions/${sessionId}/stage/${guestId}`);
    await page.getByText(/The host took you off the stage/).waitFor();
    expect(await page.getByTestId('stage-preview').count()).toBe(0);
    await page.waitForFunction(() => {
      const streams = (window as unknown as { openedStreams: MediaStream[] }).openedStreams;
      const tracks = streams.flatMap((stream) => stream.getTracks());
      return tracks.length > 0 && tracks.every((track) => track.readyState === 'ended');
    });
    await page.getByRole('button', { name: 'Raise hand' }).waitFor();

    // Slow mode counts down after a message; chat off closes the box until it is on again.
    await host.call('PATCH', `/sessions/${sessionId}/settings`, { slow_mode_seconds: 30 });
    // Sent, or refused as too soon after the first message: either way the box counts down.
    await sendChat(page, 'One message in slow mode');
    await page
      .getByRole('timer')
      .getByText(/Slow mode: you can send again in \d+ s/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await shot(page, 'engage-slow-mode', viewport.name);
    await host.call('PATCH', `/sessions/${sessionId}/settings`, {
      slow_mode_seconds: 0,
      chat_enabled: false,
    });
    await page.getByText('Chat is off').waitFor();
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    await host.call('PATCH', `/sessions/${sessionId}/settings`, { chat_enabled: true });
    await page.getByRole('textbox', { name: 'Message' }).waitFor();

    // The host closes the poll: its results stay, marked closed.
    const polls = await host.call<{ items: { id: string; question: string }[] }>(
      'GET',
      `/sessions/${sessionId}/polls`,
    );
    const question = `Best colour (${viewport.name})?`;
    const ours = polls.items.find((p) => p.question === question)!;
    await host.call('POST', `/polls/${ours.id}/close`);
    const poll = page.getByRole('region', { name: `Poll: ${question}` });
    await poll.getByText('Closed', { exact: true }).waitFor();
    await poll.getByText(/voting has closed/).waitFor();
    expect(await poll.getByRole('button', { name: 'Change my vote' }).count()).toBe(0);

    // Banned: the chat box closes with a clear message; the video plays on.
    await host.call('POST', `/sessions/${sessionId}/bans`, { user_id: guestId, reason: 'Testing' });
    await page.getByRole('alert').getByText('You can no longer chat here').waitFor();
    expect(await page.getByRole('textbox', { name: 'Message' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Raise hand' }).count()).toBe(0);
    await shot(page, 'engage-banned', viewport.name);
    expect(errors).toEqual([]);
  });
});

describe('chat in step with the picture', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(() => context.close());

  it('holds another person’s message until the playhead reaches it; at once with sync off', async () => {
    const { page, errors } = await openPage(context);
    await watch(page);
    const status = page.getByTestId('chat-sync-status');
    await status.waitFor();
    const behind = Number(/(\d+) s behind live/.exec((await status.textContent()) ?? '')?.[1]);
    expect(behind, 'the picture is 2+ s behind live').toBeGreaterThanOrEqual(2);

    const text = 'Synced hello from the host';
    const sentAt = Date.now();
    await host.call('POST', `/sessions/${sessionId}/chat`, { text });
    await status.getByText('1 new message waiting for the video').waitFor();
    expect(await chatLog(page).getByText(text).count()).toBe(0);
    await shot(page, 'engage-sync-held', 'desktop');
    await chatLog(page).getByText(text).waitFor({ timeout: 30_000 });
    const heldFor = Date.now() - sentAt;
    expect(heldFor).toBeGreaterThanOrEqual((behind - 1) * 1000);

    await page.getByRole('switch', { name: 'Sync chat with video' }).uncheck();
    const atOnce = 'Unsynced hello from the host';
    const unsyncedSentAt = Date.now();
    await host.call('POST', `/sessions/${sessionId}/chat`, { text: atOnce });
    await chatLog(page).getByText(atOnce).waitFor();
    expect(Date.now() - unsyncedSentAt).toBeLessThan((behind - 0.5) * 1000);
    await shot(page, 'engage-sync-off', 'desktop');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await shot(page, 'engage-dark', 'desktop');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('where the host takes join requests instead of raised hands', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ['camera', 'microphone'],
    });
    await host.call('PATCH', `/sessions/${sessionId}/settings`, { hand_raise_enabled: false });
  });
  afterAll(async () => {
    await host.call('PATCH', `/sessions/${sessionId}/settings`, { hand_raise_enabled: true });
    await context.close();
  });

  it('the viewer asks to join, is approved, goes on stage and leaves', async () => {
    const { page, errors } = await openPage(context);
    await watch(page);
    await page.getByRole('button', { name: 'Ask to join the stage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose your name' });
    await dialog.getByRole('textbox', { name: 'Display name' }).fill('Asking guest');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('You asked to join the stage. The host will answer.').waitFor();

    const requests = await host.call<{ items: { id: string; display_name: string }[] }>(
      'GET',
      `/sessions/${sessionId}/join_requests`,
    );
    const request = requests.items.find((r) => r.display_name === 'Asking guest')!;
    await host.call('POST', `/sessions/${sessionId}/join_requests/${request.id}/approve`);
    await page.getByRole('heading', { name: 'You are on stage' }).waitFor();
    await page.getByTestId('stage-preview').waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('html[data-mantine-color-scheme="dark"]').waitFor();
    await shot(page, 'engage-join-request-on-stage-dark', 'desktop');

    await page.getByRole('button', { name: 'Leave the stage' }).click();
    await page.getByRole('button', { name: 'Ask to join the stage' }).waitFor();
    expect(await page.getByTestId('stage-preview').count()).toBe(0);
    expect(await page.getByText(/The host took you off the stage/).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('chat history', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // 36 earlier messages from four viewers (nine each stays under the per-user rate limit).
    for (let author = 1; author <= 4; author++) {
      const viewer = restClient(server.baseUrl);
      const registered = await viewer.call<{ access_token: string }>(
        'POST',
        '/auth/viewer/register',
        { device_token: `history-author-device-${author}`, display_name: `Author ${author}` },
      );
      for (let n = 1; n <= 9; n++) {
        await fetch(`${server.baseUrl}/api/sessions/${sessionId}/chat`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${registered.access_token}`,
          },
          body: JSON.stringify({ text: `History ${author}.${n}` }),
        }).then((response) => expect(response.status).toBe(200));
      }
    }
  });
  afterAll(() => context.close());

  it('loads older messages when the reader scrolls to the top', async () => {
    const { page, errors } = await openPage(context);
    await watch(page);
    await sendChat(page, 'Reading the history');
    const dialog = page.getByRole('dialog', { name: 'Choose your name' });
    await dialog.getByRole('textbox', { name: 'Display name' }).fill('History reader');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await chatLog(page).getByText('History 4.9').waitFor();
    expect(await chatLog(page).getByText('History 1.1', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Load earlier messages' }).waitFor();
    await page.getByLabel('Chat messages').evaluate((box) => box.scrollTo({ top: 0 }));
    await chatLog(page).getByText('History 1.1', { exact: true }).waitFor();
    await shot(page, 'engage-chat-history', 'desktop');
    expect(errors).toEqual([]);
    await page.close();
  });
});
