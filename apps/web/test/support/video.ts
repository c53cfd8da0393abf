// What a test checks of a <video>: that it plays a real picture.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The video plays: its time advances and a frame drawn to a canvas is not one flat colour. */
export async function expectPlaying(page: Page, selector: string) {
  await page.waitForFunction(
    (s) => ((document.querySelector(s) as HTMLVideoElement | null)?.currentTime ?? 0) > 1,
    selector,
    { timeout: 30_000 },
  );
  const spread = await page.evaluate((s) => {
    const video = document.querySelector(s) as HTMLVideoElement;
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const g = canvas.getContext('2d')!;
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let min = 255;
    let max = 0;
    for (let i = 0; i < data.length; i += 4) {
      const luma = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      min = Math.min(min, luma);
      max = Math.max(max, luma);
    }
    return max - min;
  }, selector);
  expect(spread).toBeGreaterThan(40);
}
