// Debian's Chromium through playwright-core, as the browser tests and benchmarks drive it: headless,
// a fake webcam and microphone, no network beyond the machine, and pages served at the app's
// origin by request interception.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const hlsJs = readFileSync(createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js'));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      // Intercepted pages do not count as the loopback origin they claim: Chromium's
      // local-network checks would block their socket to the ingest.
      '--disable-features=LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets',
    ],
  });
}

/** `html` at `{baseUrl}/bench/{path}`, with hls.js at `/bench/hls.js`. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  path: string,
  html: string,
): Promise<Page> {
  const page = await browser.newPage();
  await page.route(`${baseUrl}/bench/**`, (route) =>
    route.request().url().endsWith('/hls.js')
      ? route.fulfill({ body: hlsJs, contentType: 'text/javascript' })
      : route.fulfill({ body: html, contentType: 'text/html' }),
  );
  page.on('pageerror', (error) => console.warn(`  ! ${path}: ${error.message}`));
  await page.goto(`${baseUrl}/bench/${path}`);
  return page;
}

/** A URL the app made from PUBLIC_URL, moved to where the test reaches the app. */
export function reachable(url: string, baseUrl: string): string {
  const moved = new URL(url);
  moved.host = new URL(baseUrl).host;
  return moved.toString();
}
