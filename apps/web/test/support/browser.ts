// Debian's Chromium driven by playwright-core, with the fake camera and microphone, and what every
// browser test checks on a page: no console errors, named buttons, a screenshot to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const SCREENSHOTS = new URL('../screenshots/', import.meta.url).pathname;

export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const;

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  // Camera, microphone and screen capture allowed without asking, from fake devices (the fake
  // screen shows the fake camera's picture).
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** `args`: more switches, e.g. `--use-file-for-fake-video-capture=<y4m>` for a camera of its own. */
export function launchBrowser(args: string[] = []): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...args] });
}

/** A page that records its console errors, uncaught exceptions and failed requests. */
export async function openPage(context: BrowserContext) {
  return recordErrors(await context.newPage());
}

/** A page already open (e.g. one a click opened in a new tab), its errors recorded from now. */
export function recordErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return { page, errors };
}

/** Every button on the page has a name a screen reader can say. */
export async function expectNamedButtons(page: Page) {
  const names = await page
    .getByRole('button')
    .evaluateAll((buttons) =>
      buttons.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()),
    );
  expect(names.filter((name) => name === '')).toEqual([]);
}

/** Saves `screenshots/<name>-<viewport>.png` (the whole page) for a person to look at. */
export const shot = (page: Page, name: string, viewport: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}-${viewport}.png`), fullPage: true });

/** Signs in through the sign-in page, as a person would. */
export async function signInAs(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/signin');
}

/** Screenshots at the desktop size and at 360 px wide, then back to the desktop size. */
export async function shotBoth(page: Page, name: string) {
  const [desktop, phone] = VIEWPORTS;
  await shot(page, name, desktop.name);
  await page.setViewportSize({ width: phone.width, height: phone.height });
  await shot(page, name, phone.name);
  await page.setViewportSize({ width: desktop.width, height: desktop.height });
}
