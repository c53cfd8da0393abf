// The bench's publisher as the real studio: the browser studio page (apps/web, served by the
// app) opened by its one-time URL, its camera replaced by the canvas clock (an init script
// answers getUserMedia's video with the clock; the microphone stays the fake one), taken live
// through its own buttons (Start, Go live), so the clock goes through the compositor, its
// MediaRecorder and the ingest as a host's camera does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { canvasClockScript } from '../../test/browser/pages.ts';

/** The studio needs the built web app that the server serves (`npm start` builds it first). */
export function webAppBuilt(apiDir: string) {
  return existsSync(join(apiDir, '../web/dist/index.html'));
}

const cameraIsTheClock = `(() => {
${canvasClockScript}
  const devices = navigator.mediaDevices;
  const open = devices.getUserMedia.bind(devices);
  let clock = null;
  devices.getUserMedia = async (constraints = {}) => {
    if (!constraints.video) return open(constraints);
    clock ??= await canvasClock();
    const audio = constraints.audio ? (await open({ audio: constraints.audio })).getAudioTracks() : [];
    return new MediaStream([clock.getVideoTracks()[0].clone(), ...audio]);
  };
})();`;

/** The studio at `studioUrl`, live: resolves once its badge says Live (publishing). */
export async function studioPublisher(browser: Browser, studioUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(cameraIsTheClock);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.warn(`  ! studio: ${error.message}`));
  await page.goto(studioUrl);
  await page.getByRole('button', { name: 'Start', exact: true }).click({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Go live' }).click({ timeout: 30_000 });
  await page.getByText('Live', { exact: true }).waitFor({ timeout: 30_000 });
  return page;
}
