// The whole journey (issue 14, "Done when" 1), in Debian's Chromium with fake cameras, against
// the server as `npm start` runs it, everything through the pages: a host signs in on the
// dashboard, creates a room and schedules a session, opens the studio from the dashboard ("Open
// studio"), sees the camera's preview, starts, goes live after the countdown and records; a
// viewer (a second browser, whose fake camera is a blue picture of its own, so it can be told
// apart from the host's test pattern) watches it play, chats and votes in the host's poll, and
// the host sees both live in the studio; the viewer raises a hand, the host approves it in the
// Stage tab, and the viewer's camera appears inside the published HLS (side by side: the right
// half of the viewer's player turns blue; solo: it does not, and the two frames differ) with no
// media server; the host ends the session (confirmed), and the recording plays on the viewer's
// page. Screenshots of the studio before live, live, with the guest on stage and ended.
// STUDIO_CPU_SECONDS=30 also measures the studio browser's CPU with the guest on stage.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  expectNamedButtons,
  launchBrowser,
  openPage,
  recordErrors,
  shot,
  shotBoth,
  signInAs,
  VIEWPORTS,
} from './support/browser.ts';
import { browserCpuPercent } from './support/cpu.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const HOST = { email: 'hanna@example.test', password: 'host-password-1', name: 'Hanna Host' };
const ROOM = 'Journey room';
const TITLE = 'The whole journey';
const GUEST = 'Vic Viewer';
const PLAYER = '[data-testid="live-player"]';
const [DESKTOP] = VIEWPORTS;

let server: RunningServer;
let hostBrowser: Browser;
let viewerBrowser: Browser;
let workDir: string;

/** A camera of the viewer's own: blue, a white square moving across (Chromium loops the file). */
function blueCamera(dir: string) {
  const file = join(dir, 'viewer-camera.y4m');
  const made = spawnSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i'],
    "color=c=0x1e50ff:s=320x180:r=15,drawbox=x='mod(t*80,280)':y=70:w=40:h=40:color=white:t=fill",
    ...['-t', '4', '-pix_fmt', 'yuv420p', file],
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg: ${made.stderr}`);
  return file;
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'vidinfra-journey-'));
  server = await startServer();
  const admin = restClient(server.baseUrl);
  await admin.login(ADMIN.email, ADMIN.password);
  await admin.call('POST', '/admin/users', {
    email: HOST.email,
    password: HOST.password,
    display_name: HOST.name,
    role: 'host',
  });
  hostBrowser = await launchBrowser();
  viewerBrowser = await launchBrowser([`--use-file-for-fake-video-capture=${blueCamera(workDir)}`]);
});

afterAll(async () => {
  await hostBrowser?.close();
  await viewerBrowser?.close();
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** `2030-01-31T18:00` for a `datetime-local` field, `minutes` from now. */
const localInput = (minutes: number) => {
  const time = new Date(Date.now() + minutes * 60_000);
  return new Date(time.getTime() - time.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

interface Picture {
  /** Not one flat colour: the brightest minus the darkest grey level. */
  spread: number;
  /** The share of each half's pixels that are clearly blue (the viewer's camera). */
  blueLeft: number;
  blueRight: number;
  /** 64×36 grey levels, to compare two pictures. */
  grey: number[];
}

/** The viewer's player's picture now. */
const picture = (page: Page): Promise<Picture> =>
  page.evaluate((selector) => {
    const video = document.querySelector(selector) as HTMLVideoElement;
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 36 });
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    const grey: number[] = [];
    const blue = [0, 0];
    for (let i = 0; i < data.length; i += 4) {
      const [r, gr, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      grey.push((r + gr + b) / 3);
      if (b > r + 80 && b > gr + 80) blue[(i / 4) % 64 < 32 ? 0 : 1]!++;
    }
    const half = (64 * 36) / 2;
    return {
      spread: Math.max(...grey) - Math.min(...grey),
      blueLeft: blue[0]! / half,
      blueRight: blue[1]! / half,
      grey,
    };
  }, PLAYER);

/** The mean difference of two pictures' grey levels. */
const difference = (a: number[], b: number[]) =>
  a.reduce((sum, value, index) => sum + Math.abs(value - b[index]!), 0) / a.length;

/**
 * Back at the top of the studio, its preview playing: scrolled out of sight, Chromium pauses a
 * muted autoplaying video (the preview; what is published goes on), and it resumes in sight.
 */
async function previewInSight(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(
    () =>
      !(document.querySelector('[data-testid="studio-preview"]') as HTMLVideoElement | null)
        ?.paused,
  );
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
/** Picks a layout as a person does: a click on its segment (the radio itself is hidden). */
const chooseLayout = (page: Page, name: string) =>
  page.getByRole('radiogroup').locator('label').filter({ hasText: name }).click();

describe('the whole journey', () => {
  let hostContext: BrowserContext;
  let viewerContext: BrowserContext;
  beforeAll(async () => {
    const viewport = { width: DESKTOP.width, height: DESKTOP.height };
    hostContext = await hostBrowser.newContext({ viewport });
    viewerContext = await viewerBrowser.newContext({
      viewport,
      permissions: ['camera', 'microphone'],
    });
  });
  afterAll(async () => {
    await hostContext?.close();
    await viewerContext?.close();
  });

  it('sign in, schedule, studio, live, watch, chat, vote, stage, the guest in the HLS, end, recording', async () => {
    const started = Date.now();
    // The host signs in on the dashboard, makes a room and schedules a session in it.
    const dashboard = await openPage(hostContext);
    await signInAs(dashboard.page, server.baseUrl, HOST.email, HOST.password);
    await dashboard.page.waitForURL(`${server.baseUrl}/dashboard`);
    await dashboard.page.getByRole('button', { name: 'Create your first room' }).click();
    const roomForm = dashboard.page.getByRole('dialog');
    await roomForm.getByRole('textbox', { name: 'Name' }).fill(ROOM);
    await roomForm.getByRole('button', { name: /Create room/ }).click();
    await dashboard.page.getByRole('heading', { name: ROOM }).waitFor();
    await dashboard.page.getByRole('button', { name: 'Schedule the first session' }).click();
    const sessionForm = dashboard.page.getByRole('dialog');
    await sessionForm.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await sessionForm.getByLabel('Starts at').fill(localInput(30));
    await sessionForm.getByRole('button', { name: 'Schedule session' }).click();
    await dashboard.page.getByRole('heading', { name: TITLE }).waitFor();
    const sessionId = new URL(dashboard.page.url()).pathname.split('/').pop()!;

    // "Open studio": a new tab at the studio URL; its code signs the studio in.
    const [opened] = await Promise.all([
      hostContext.waitForEvent('page'),
      dashboard.page.getByRole('button', { name: 'Open studio' }).click(),
    ]);
    const studio = recordErrors(opened);
    const host = studio.page;
    await host.getByRole('heading', { name: TITLE }).waitFor();
    expect(new URL(host.url()).pathname).toBe(`/sessions/${sessionId}/live`);
    await host.waitForFunction(
      () =>
        (document.querySelector('[data-testid="studio-preview"]') as HTMLVideoElement | null)
          ?.videoWidth ?? 0,
      undefined,
      { timeout: 30_000 },
    );
    await expectNamedButtons(host);
    await shotBoth(host, 'journey-studio-before');

    // Start → Go live (3-2-1) → live; recording on.
    await host.getByRole('button', { name: 'Start', exact: true }).click();
    await host.getByRole('button', { name: 'Go live' }).click();
    await host.getByRole('status', { name: 'Going live in 3' }).waitFor();
    await host.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await host.getByRole('button', { name: 'Start recording' }).click();
    await host.getByTestId('rec-indicator').waitFor();

    // The viewer opens the viewer URL at once and watches it play: frames advance, not blank.
    const watch = await openPage(viewerContext);
    const viewer = watch.page;
    await viewer.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await viewer.getByRole('heading', { name: TITLE }).waitFor();
    await viewer.waitForFunction(
      (s) => ((document.querySelector(s) as HTMLVideoElement | null)?.currentTime ?? 0) > 1,
      PLAYER,
      { timeout: 45_000 },
    );
    await expect.poll(async () => (await picture(viewer)).spread).toBeGreaterThan(40);
    await host
      .getByTestId('viewer-count')
      .filter({ hasText: /^[1-9]\d*$/ })
      .waitFor();
    await expectNamedButtons(host);
    await previewInSight(host);
    await shotBoth(host, 'journey-studio-live');

    // The viewer chats; the host sees it in the studio's chat.
    await viewer.getByRole('textbox', { name: 'Message' }).fill('Hello from the journey');
    await viewer.getByRole('button', { name: 'Send' }).click();
    const nameDialog = viewer.getByRole('dialog', { name: 'Choose your name' });
    await nameDialog.getByRole('textbox', { name: 'Display name' }).fill(GUEST);
    await nameDialog.getByRole('button', { name: 'Continue' }).click();
    await host.getByRole('log').getByText('Hello from the journey').waitFor();

    // The host opens a poll in the Polls tab; the viewer votes; the host sees the vote.
    await tab(host, 'Polls').click();
    const pollForm = host.getByRole('form', { name: 'New poll' });
    await pollForm.getByRole('textbox', { name: 'Question' }).fill('Which layout?');
    await pollForm.getByRole('textbox', { name: 'Option 1' }).fill('Solo');
    await pollForm.getByRole('textbox', { name: 'Option 2' }).fill('Side by side');
    await pollForm.getByRole('button', { name: 'Open poll' }).click();
    const hostPoll = host.getByRole('region', { name: 'Poll: Which layout?' });
    await hostPoll.getByText('0 votes').waitFor();
    const viewerPoll = viewer.getByRole('region', { name: 'Poll: Which layout?' });
    await viewerPoll.getByRole('radio', { name: 'Side by side' }).check({ timeout: 30_000 });
    await viewerPoll.getByRole('button', { name: 'Vote' }).click();
    await hostPoll.getByText('1 vote', { exact: true }).waitFor();

    // The viewer raises a hand; the host approves it; the guest's camera reaches the studio.
    await tab(host, 'Stage').click();
    await viewer.getByRole('button', { name: 'Raise hand' }).click();
    await host.getByRole('button', { name: `Approve ${GUEST}` }).click();
    await viewer.getByRole('heading', { name: 'You are on stage' }).waitFor();
    await viewer
      .getByRole('status')
      .getByText('You are live on stage')
      .waitFor({ timeout: 30_000 });
    await host
      .getByRole('list', { name: 'Guests on stage' })
      .getByLabel(`${GUEST}'s camera`)
      .waitFor();

    // Solo (the host decides): the published picture has no guest in it.
    await expect.poll(async () => (await picture(viewer)).blueRight).toBeLessThan(0.05);
    const solo = await picture(viewer);
    // Side by side: the guest's blue camera fills the right half of what viewers get.
    await chooseLayout(host, 'Side by side');
    await expect
      .poll(async () => (await picture(viewer)).blueRight, { timeout: 30_000 })
      .toBeGreaterThan(0.3);
    const sideBySide = await picture(viewer);
    expect(sideBySide.blueLeft).toBeLessThan(0.05);
    expect(difference(sideBySide.grey, solo.grey)).toBeGreaterThan(12);
    await expectNamedButtons(host);
    await previewInSight(host);
    await shotBoth(host, 'journey-studio-guest');

    // STUDIO_CPU_SECONDS=30: the host's Chromium (the studio live, one guest on stage, side by
    // side) over that many seconds; the viewer's browser (its own fake camera) not counted.
    const cpuSeconds = Number(process.env.STUDIO_CPU_SECONDS ?? 0);
    if (cpuSeconds > 0) {
      const percent = await browserCpuPercent(
        cpuSeconds,
        (command) => !command.includes('--use-file-for-fake-video-capture'),
      );
      console.log(
        `studio CPU while live with one guest (720p30, host browser process tree, ${cpuSeconds} s): ${percent.toFixed(0)} % of a core`,
      );
    }
    await viewer.getByRole('heading', { name: 'You are on stage' }).scrollIntoViewIfNeeded();
    await shotBoth(viewer, 'journey-viewer-on-stage');

    // The host ends the session (confirmed); the recording plays on the viewer's page.
    await host.getByRole('button', { name: 'End session' }).click();
    await host
      .getByRole('dialog', { name: 'End this session?' })
      .getByRole('button', { name: 'End now' })
      .click();
    await host.getByRole('heading', { name: 'The session has ended' }).waitFor();
    await shotBoth(host, 'journey-studio-ended');
    await viewer.getByText(/This session has ended/).waitFor({ timeout: 30_000 });
    await vi.waitUntil(
      async () => {
        const read = await fetch(`${server.baseUrl}/api/sessions/${sessionId}`);
        return Boolean(
          ((await read.json()) as { data: { recording_url?: string } }).data.recording_url,
        );
      },
      { timeout: 60_000, interval: 250 },
    );
    const recording = viewer.getByTestId('recording-player');
    await recording.waitFor({ timeout: 30_000 });
    await recording.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await viewer.waitForFunction(
      () =>
        (document.querySelector('[data-testid="recording-player"]') as HTMLVideoElement)
          .currentTime > 1,
      undefined,
      { timeout: 30_000 },
    );
    await shot(viewer, 'journey-viewer-recording', DESKTOP.name);
    console.log(`journey: ${((Date.now() - started) / 1000).toFixed(0)} s`);

    expect(dashboard.errors).toEqual([]);
    expect(studio.errors).toEqual([]);
    // Opened the moment the host went live, the player may ask for the playlist before its
    // first segment is there (404) and asks again: those are the only failed requests allowed.
    expect(
      watch.errors.filter(
        (e) => !/^404 .*\/hls\/[\w-]+\/index\.m3u8$/.test(e) && !/status of 404/.test(e),
      ),
    ).toEqual([]);
  });
});
