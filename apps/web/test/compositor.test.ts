// The studio's compositor in Debian's Chromium with the fake webcam and fake screen capture,
// against the server as `npm start` runs it: the studio goes live through the compositor and a
// viewer's HLS plays its picture; sharing the screen and switching layouts changes the published
// picture; the browser's own "Stop sharing" returns to the layout from before; in a background tab
// it keeps drawing and publishing; the desktop app's own screen picker. STUDIO_CPU_SECONDS=30 also measures the browser's CPU while live.
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
import { launchTabbedChromium } from './support/background-tab.ts';
import { browserCpuPercent } from './support/cpu.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const TITLE = 'Compositor test: two layouts';
const [DESKTOP, PHONE] = VIEWPORTS;
const STUDIO = '[data-testid="studio-preview"]';
const PLAYER = '[data-testid="live-player"]';

let server: RunningServer;
let browser: Browser;
let rest: ReturnType<typeof restClient>;
let roomId: string;

beforeAll(async () => {
  server = await startServer();
  rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  roomId = (
    await rest.call<{ id: string }>('POST', '/rooms', {
      name: 'Compositor room',
      visibility: 'public',
    })
  ).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A video's picture now, as 64×36 grey levels (0–255), once it has one. */
async function picture(page: Page, selector: string): Promise<number[]> {
  await page.waitForFunction(
    (s) => ((document.querySelector(s) as HTMLVideoElement | null)?.videoWidth ?? 0) > 0,
    selector,
    { timeout: 30_000 },
  );
  return page.evaluate((s) => {
    const video = document.querySelector(s) as HTMLVideoElement;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 36;
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    const grey: number[] = [];
    for (let i = 0; i < data.length; i += 4)
      grey.push((data[i]! + data[i + 1]! + data[i + 2]!) / 3);
    return grey;
  }, selector);
}

/** How different two pictures are: the mean difference of their grey levels. */
const difference = (a: number[], b: number[]) =>
  a.reduce((sum, value, index) => sum + Math.abs(value - b[index]!), 0) / a.length;

/** Not one flat colour. */
const spread = (grey: number[]) => Math.max(...grey) - Math.min(...grey);

/** The share of the video's picture that is clearly blue. */
const blueShare = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const video = document.querySelector(s) as HTMLVideoElement;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 36;
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let blue = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 2]! > data[i]! + 80 && data[i + 2]! > data[i + 1]! + 80) blue++;
    return blue / (data.length / 4);
  }, selector);

/** The video's picture becomes unlike `before` (a layout change reaching it). */
async function expectChangedFrom(page: Page, selector: string, before: number[], noise: number) {
  await expect
    .poll(async () => difference(await picture(page, selector), before), { timeout: 30_000 })
    .toBeGreaterThan(Math.max(12, noise * 3));
}

async function playlist(sessionId: string) {
  const response = await fetch(`${server.baseUrl}/hls/${sessionId}/index.m3u8`);
  const text = response.ok ? await response.text() : '';
  const segments = text.match(/#EXTINF/g)?.length ?? 0;
  return Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? -1) + segments;
}

const drawnFrames = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as { studioCompositor?: { drawnFrames(): number } }
      ).studioCompositor?.drawnFrames() ?? 0,
  );

/** The loudest sample of the compositor's mixed audio over half a second. */
const mixLevel = (page: Page) =>
  page.evaluate(async () => {
    const { stream } = (window as { studioCompositor?: { stream: MediaStream } }).studioCompositor!;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      analyser.getFloatTimeDomainData(samples);
      for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
    }
    await context.close();
    return peak;
  });

const layout = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });
/** Picks a layout as a person does: a click on its segment (the radio itself is hidden). */
const chooseLayout = (page: Page, name: string) =>
  page.getByRole('radiogroup').locator('label').filter({ hasText: name }).click();

describe('the studio’s compositor', () => {
  let hostContext: BrowserContext;
  let viewerContext: BrowserContext;
  beforeAll(async () => {
    hostContext = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
    });
    // The shared screen: Chromium's fake screen capture (what getDisplayMedia gives here) shows
    // the same picture as its fake camera, so its video is swapped for a page of its own (white,
    // dark blocks) to tell them apart; kept where the test can end it as "Stop sharing" does.
    await hostContext.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const original = devices?.getDisplayMedia?.bind(devices);
      if (!original) return;
      devices.getDisplayMedia = async (options) => {
        const real = await original(options);
        real.getVideoTracks().forEach((track) => track.stop());
        const canvas = Object.assign(document.createElement('canvas'), {
          width: 1280,
          height: 720,
        });
        const g = canvas.getContext('2d')!;
        let tick = 0;
        const paint = () => {
          g.fillStyle = '#fff';
          g.fillRect(0, 0, 1280, 720);
          g.fillStyle = '#000';
          for (let x = 0; x < 1280; x += 320) g.fillRect(x, 0, 160, 360);
          g.fillRect((tick++ * 8) % 1280, 600, 80, 80);
        };
        paint();
        setInterval(paint, 100);
        const screen = new MediaStream([
          ...canvas.captureStream(30).getVideoTracks(),
          ...real.getAudioTracks(),
        ]);
        (window as { sharedScreen?: MediaStream }).sharedScreen = screen;
        return screen;
      };
    });
    viewerContext = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
    });
  });
  afterAll(async () => {
    await hostContext.close();
    await viewerContext.close();
  });

  it('publishes the composited picture: layouts and the screen change it, ending releases it', async () => {
    const sessionId = await rest.session(roomId, TITLE, 60_000);
    const host = await openPage(hostContext);
    await host.page.goto(await rest.studioUrl(sessionId));
    await host.page.getByRole('heading', { name: TITLE }).waitFor();

    // Before going live the preview is already the compositor's picture, solo: the camera.
    await host.page.getByLabel('Studio preview').waitFor();
    await expect.poll(async () => spread(await picture(host.page, STUDIO))).toBeGreaterThan(40);
    expect(await layout(host.page, 'Solo').isChecked()).toBe(true);
    await expect.poll(() => drawnFrames(host.page)).toBeGreaterThan(30);
    // The mix carries the fake microphone's beeps.
    await expect.poll(() => mixLevel(host.page), { timeout: 20_000 }).toBeGreaterThan(0.01);
    // "Screen + camera" waits for a shared screen.
    expect(await layout(host.page, 'Screen + camera').isDisabled()).toBe(true);
    await expectNamedButtons(host.page);
    await shotBoth(host.page, 'compositor-before');

    await host.page.getByRole('button', { name: 'Start', exact: true }).click();
    await host.page.getByRole('button', { name: 'Go live' }).click();
    await host.page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await vi.waitUntil(async () => (await playlist(sessionId)) >= 2, {
      timeout: 30_000,
      interval: 250,
    });

    const viewer = await openPage(viewerContext);
    await viewer.page.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await viewer.page.waitForFunction(
      (s) => ((document.querySelector(s) as HTMLVideoElement | null)?.currentTime ?? 0) > 1,
      PLAYER,
      { timeout: 30_000 },
    );
    const solo = await picture(viewer.page, PLAYER);
    expect(spread(solo)).toBeGreaterThan(40);
    // The fake camera's picture moves: what two moments of the same layout differ by.
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a second of the same layout
    const noise = difference(await picture(viewer.page, PLAYER), solo);
    await shotBoth(host.page, 'compositor-live-solo');

    // Sharing the screen switches to screen + camera: the published picture changes.
    await host.page.getByRole('button', { name: 'Share screen' }).click();
    await host.page.getByRole('button', { name: 'Stop sharing' }).waitFor();
    await expect.poll(() => layout(host.page, 'Screen + camera').isChecked()).toBe(true);
    await expectChangedFrom(viewer.page, PLAYER, solo, noise);
    await shotBoth(host.page, 'compositor-live-screen-pip');

    // Side by side: the screen and the camera next to each other, unlike solo and the PiP.
    const pip = await picture(viewer.page, PLAYER);
    await chooseLayout(host.page, 'Side by side');
    await expectChangedFrom(viewer.page, PLAYER, pip, noise);
    expect(difference(await picture(viewer.page, PLAYER), solo)).toBeGreaterThan(12);
    await shotBoth(host.page, 'compositor-live-side-by-side');
    // Grid is the people: the camera alone here, the screen left out.
    const sideBySide = await picture(viewer.page, PLAYER);
    await chooseLayout(host.page, 'Grid');
    await expectChangedFrom(viewer.page, PLAYER, sideBySide, noise);

    // A guest (a blue picture standing in for a stage guest's stream, which the stage's WebRTC
    // brings in production) given to the compositor: the grid puts it beside the camera, with
    // its name, and it reaches the viewers.
    expect(await blueShare(viewer.page, PLAYER)).toBeLessThan(0.05);
    await host.page.evaluate(async () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 360 });
      const g = canvas.getContext('2d')!;
      let tick = 0;
      const paint = () => {
        g.fillStyle = '#1e50ff';
        g.fillRect(0, 0, 640, 360);
        g.fillStyle = '#fff';
        g.fillRect((tick++ * 6) % 640, 150, 60, 60);
      };
      paint();
      setInterval(paint, 100);
      const camera = await navigator.mediaDevices.getUserMedia({ video: true });
      (
        window as { studioCompositor?: { update(inputs: unknown[], layout: string): void } }
      ).studioCompositor!.update(
        [
          { id: 'camera', kind: 'camera', stream: camera, label: 'Administrator' },
          { id: 'guest:1', kind: 'guest', stream: canvas.captureStream(30), label: 'Guest One' },
        ],
        'grid',
      );
    });
    await expect
      .poll(() => blueShare(viewer.page, PLAYER), { timeout: 30_000 })
      .toBeGreaterThan(0.3);
    await shotBoth(host.page, 'compositor-live-grid-guest');

    // The browser's "Stop sharing": the track ends, the studio returns to the layout from
    // before sharing (solo).
    await host.page.evaluate(() => {
      const track = (window as { sharedScreen?: MediaStream }).sharedScreen!.getVideoTracks()[0]!;
      track.stop();
      track.dispatchEvent(new Event('ended'));
    });
    await host.page.getByRole('button', { name: 'Share screen' }).waitFor();
    await expect.poll(() => layout(host.page, 'Solo').isChecked()).toBe(true);

    const cpuSeconds = Number(process.env.STUDIO_CPU_SECONDS ?? 0);
    if (cpuSeconds > 0) {
      await viewer.page.close();
      const percent = await browserCpuPercent(cpuSeconds);
      console.log(`studio CPU while live (720p30, browser process tree): ${percent.toFixed(0)} %`);
    }

    // Ended: the compositor lets everything go (its worker, the mix, the output tracks).
    await host.page.getByRole('button', { name: 'End session' }).click();
    await host.page
      .getByRole('dialog', { name: 'End this session?' })
      .getByRole('button', { name: 'End now' })
      .click();
    await host.page.getByRole('heading', { name: 'The session has ended' }).waitFor();
    expect(
      await host.page.evaluate(() =>
        (window as { studioCompositor?: { stream: MediaStream } })
          .studioCompositor!.stream.getTracks()
          .map((track) => track.readyState),
      ),
    ).toEqual(['ended', 'ended']);

    expect(host.errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
    await host.page.close();
    if (!viewer.page.isClosed()) await viewer.page.close();
  });

  it('in a background tab (another tab in front) the compositor keeps drawing and publishing', async () => {
    const sessionId = await rest.session(roomId, 'Compositor: background tab', 60_000);
    const chrome = await launchTabbedChromium();
    try {
      await chrome.goto(await rest.studioUrl(sessionId));
      await chrome.click('Start');
      await chrome.click('Go live');
      await vi.waitUntil(async () => (await playlist(sessionId)) >= 3, {
        timeout: 30_000,
        interval: 250,
      });

      await chrome.openTabInFront();
      await vi.waitUntil(
        async () => (await chrome.evaluate('document.visibilityState')) === 'hidden',
      );
      const drawn = () => chrome.evaluate<number>('window.studioCompositor.drawnFrames()');
      const drawnBefore = await drawn();
      const segmentsBefore = await playlist(sessionId);
      const hiddenAt = Date.now();
      // A segment a second goes on coming from the hidden tab.
      await vi.waitUntil(async () => (await playlist(sessionId)) >= segmentsBefore + 6, {
        timeout: 30_000,
        interval: 500,
      });
      const seconds = (Date.now() - hiddenAt) / 1000;
      // Still hidden, and most of the 30 frames a second drawn meanwhile.
      expect(await chrome.evaluate('document.visibilityState')).toBe('hidden');
      expect(((await drawn()) - drawnBefore) / seconds).toBeGreaterThan(20);
      expect(
        await chrome.evaluate('document.querySelector("[aria-live=polite]")?.textContent'),
      ).toBe('Live');
    } finally {
      await chrome.close();
    }
  });

  it('the preset sets the picture’s size; the desktop app’s own picker lists screens with thumbnails, the one picked is shared', async () => {
    // A session of a preset whose ladder tops at 640×360, 24 fps: the studio draws that.
    const preset = await rest.call<{ id: string }>('POST', '/presets', {
      name: 'Small',
      outputs: [{ name: '360p', width: 640, height: 360, video_bitrate_kbps: 800, fps: 24 }],
    });
    const sessionId = (
      await rest.call<{ id: string }>('POST', `/rooms/${roomId}/sessions`, {
        title: 'Compositor: desktop picker',
        scheduled_at: new Date(Date.now() + 60_000).toISOString(),
        preset_id: preset.id,
      })
    ).id;
    const context = await browser.newContext({
      viewport: { width: PHONE.width, height: PHONE.height },
    });
    await context.addInitScript(() => {
      // A 1×1 PNG as the thumbnails.
      const png =
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      const chosen: string[] = [];
      (window as { vidinfraHost?: unknown; chosenSources?: string[] }).chosenSources = chosen;
      (window as { vidinfraHost?: unknown }).vidinfraHost = {
        version: '1.2.3',
        listScreenSources: async () => [
          { id: 'screen:1:0', name: 'Entire screen', kind: 'screen', thumbnail: png },
          { id: 'window:42:0', name: 'Slides', kind: 'window', thumbnail: png },
        ],
        chooseScreenSource: async (id: string) => void chosen.push(id),
      };
      // Without MediaStreamTrackProcessor (as in Firefox and Safari): the fallback feed.
      delete (window as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor;
    });
    const { page, errors } = await openPage(context);
    await page.goto(await rest.studioUrl(sessionId));
    await page.getByRole('heading', { name: 'Compositor: desktop picker' }).waitFor();
    await expect.poll(async () => spread(await picture(page, STUDIO))).toBeGreaterThan(40);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const video = document.querySelector(
            '[data-testid="studio-preview"]',
          ) as HTMLVideoElement;
          return `${video.videoWidth}×${video.videoHeight}`;
        }),
      )
      .toBe('640×360');
    expect(
      await page.evaluate(
        () => (window as { studioCompositor?: { quality: unknown } }).studioCompositor!.quality,
      ),
    ).toEqual({ width: 640, height: 360, fps: 24, videoBitsPerSecond: 800_000 });

    await page.getByRole('button', { name: 'Share screen' }).click();
    const picker = page.getByRole('dialog', { name: 'Share a screen or window' });
    await picker.getByRole('button', { name: 'Share window “Slides”' }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'compositor-desktop-picker', PHONE.name);
    await picker.getByRole('button', { name: 'Share window “Slides”' }).click();
    await page.getByRole('button', { name: 'Stop sharing' }).waitFor();
    expect(
      await page.evaluate(() => (window as { chosenSources?: string[] }).chosenSources),
    ).toEqual(['window:42:0']);
    await expect.poll(() => layout(page, 'Screen + camera').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Stop sharing' }).click();
    await expect.poll(() => layout(page, 'Solo').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
