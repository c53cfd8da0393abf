// The admin dashboard in Chromium against the server as `npm start` runs it: an admin creates a
// user, finds them, sets their password, signs them out everywhere and disables them (each
// checked over REST: which logins still work), sees a live session's stream health, sees the
// storage, retries a failed recording, and runs the cleanup, which frees the HLS output of a
// deleted session; a host is refused the admin pages. At a desktop and a 360 px phone size.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  expectNamedButtons,
  launchBrowser,
  openPage,
  shot,
  signInAs,
  VIEWPORTS,
} from './support/browser.ts';
import { startLiveSession } from './support/live-session.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const HOST = { email: 'hal.host@example.test', password: 'host-password-1' };
const NEW_PASSWORD = 'a-new-password-2';
const targetOf = (viewport: string) => ({
  email: `dana.${viewport}@example.test`,
  password: 'dana-password-1',
  display_name: `Dana ${viewport}`,
});

let server: RunningServer;
let browser: Browser;
let rest: ReturnType<typeof restClient>;
let roomId = '';
const BROKEN_TITLE = 'Nobody on camera';

/** POST /auth/login as the given account: the envelope, whatever it says. */
async function login(email: string, password: string) {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      success: boolean;
      data?: { access_token: string; refresh_token: string; user: { role: string } };
      error?: { code: string };
    },
  };
}

beforeAll(async () => {
  server = await startServer();
  rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  await rest.call('POST', '/admin/users', { ...HOST, display_name: 'Hal Host', role: 'host' });
  roomId = (
    await rest.call<{ id: string }>('POST', '/rooms', {
      name: 'Admin test room',
      visibility: 'public',
    })
  ).id;
  // A recording of a live session that never received a picture: its processing fails.
  const broken = await rest.session(roomId, BROKEN_TITLE, 60_000);
  await rest.call('POST', `/sessions/${broken}/go_live`);
  const recording = await rest.call<{ id: string }>('POST', `/sessions/${broken}/recordings/start`);
  await rest.call('POST', `/sessions/${broken}/recordings/stop`);
  await rest.call('POST', `/sessions/${broken}/end`);
  await vi.waitUntil(
    async () =>
      (await rest.call<{ status: string }>('GET', `/recordings/${recording.id}`)).status ===
      'failed',
    { timeout: 20_000, interval: 200 },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(VIEWPORTS)('the admin dashboard at $width×$height', (viewport) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport });
  });
  afterAll(() => context.close());

  it('an admin creates a user, finds them, resets their password, signs them out, disables them', async () => {
    const target = targetOf(viewport.name);
    const { page, errors } = await openPage(context);
    await signInAs(page, server.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('heading', { name: 'Admin' }).waitFor();

    await page.getByRole('button', { name: 'Create user' }).click();
    const create = page.getByRole('dialog', { name: 'Create a user' });
    await create.getByRole('textbox', { name: 'Email' }).fill(target.email);
    await create.getByRole('textbox', { name: 'Display name' }).fill(target.display_name);
    await create.getByRole('textbox', { name: 'Password' }).fill(target.password);
    await shot(page, 'admin-create-user', viewport.name);
    await create.getByRole('button', { name: 'Create user' }).click();
    await create.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .getByText(`${target.display_name} (host) can now sign in.`)
      .waitFor();
    const first = await login(target.email, target.password);
    expect(first.body.success).toBe(true);

    await page.getByRole('searchbox', { name: 'Find users' }).fill(target.display_name);
    const users = page.getByRole('list', { name: 'Users' });
    await expect.poll(() => users.getByRole('listitem').count()).toBe(1);
    const card = users.getByRole('listitem', { name: target.display_name });
    await card.getByText(target.email).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'admin-users', viewport.name);

    // A new password: the old one and the old login stop working, the new one signs in.
    await card
      .getByRole('button', { name: `Reset the password of ${target.display_name}` })
      .click();
    const reset = page.getByRole('dialog', { name: 'Reset password' });
    await reset.getByRole('textbox', { name: 'New password' }).fill(NEW_PASSWORD);
    await reset.getByRole('button', { name: 'Set password' }).click();
    await page
      .getByRole('status')
      .getByText(`${target.display_name} has a new password; 1 login ended.`)
      .waitFor();
    expect((await login(target.email, target.password)).body.error?.code).toBe(
      'INVALID_CREDENTIALS',
    );
    const second = await login(target.email, NEW_PASSWORD);
    expect(second.body.success).toBe(true);

    // Signed out everywhere: the login's refresh token is refused.
    await card.getByRole('button', { name: `Sign ${target.display_name} out everywhere` }).click();
    await page
      .getByRole('status')
      .getByText(`${target.display_name} is signed out everywhere (1 login ended).`)
      .waitFor();
    const refresh = await fetch(`${server.baseUrl}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: second.body.data!.refresh_token }),
    });
    expect(refresh.status).toBe(401);

    await card
      .getByRole('combobox', { name: `Role of ${target.display_name}` })
      .selectOption('viewer');
    await page.getByRole('status').getByText(`${target.display_name} is now viewer.`).waitFor();
    const third = await login(target.email, NEW_PASSWORD);
    expect(third.body.data).toMatchObject({ user: { role: 'viewer' } });
    await card.getByRole('button', { name: `Disable ${target.display_name}` }).click();
    await page.getByRole('status').getByText(`${target.display_name} is disabled`).waitFor();
    await card.getByText('Disabled', { exact: true }).waitFor();
    await card.getByRole('button', { name: `Enable ${target.display_name}` }).waitFor();
    await shot(page, 'admin-user-disabled', viewport.name);

    const after = await login(target.email, NEW_PASSWORD);
    expect(after.status).toBe(403);
    expect(after.body.error?.code).toBe('ACCOUNT_DISABLED');
    const me = await fetch(`${server.baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${third.body.data!.access_token}` },
    });
    expect(me.ok).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a live session with its stream health, the storage, and what cleanup freed', async () => {
    const title = `Admin live check (${viewport.name})`;
    const live = await startLiveSession(rest, server.baseUrl, roomId, title);
    const { page, errors } = await openPage(context);
    try {
      await page.goto(`${server.baseUrl}/admin`);
      await page.getByRole('heading', { name: 'Admin' }).waitFor();
      // The tabs work from the keyboard: Users → Storage → Live now.
      await page.getByRole('tab', { name: 'Users' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByRole('tab', { name: 'Live now' }).getAttribute('aria-selected'))
        .toBe('true');
      const item = page
        .getByRole('list', { name: 'Live sessions' })
        .getByRole('listitem', { name: title });
      await item.getByText('Output running').waitFor({ timeout: 20_000 });
      await item.getByText(/^\d+ kbps$/).waitFor({ timeout: 20_000 });
      await shot(page, 'admin-live', viewport.name);
    } finally {
      await live.publisher.stop();
    }
    // Ended and deleted, the session's HLS output belongs to nothing: cleanup's to free.
    await rest.call('POST', `/sessions/${live.id}/end`);
    await rest.call('DELETE', `/sessions/${live.id}`);

    await page.getByRole('tab', { name: 'Storage' }).click();
    const usage = page.getByRole('region', { name: 'Usage' });
    await usage.getByText('Live HLS output').waitFor();
    await usage.getByText(/free of .* on the data volume/).waitFor();
    await page.getByRole('region', { name: 'Recordings by state' }).getByText('Failed').waitFor();
    await expectNamedButtons(page);
    await shot(page, 'admin-storage', viewport.name);

    const failed = page.getByRole('list', { name: 'Failed recordings' });
    const broken = failed.getByRole('listitem').filter({ hasText: BROKEN_TITLE });
    await broken.getByRole('button', { name: /^Retry the recording/ }).click();
    await broken.getByRole('status').getByText('Sent for processing again.').waitFor();
    // Nothing to remux still: it fails again, and may be retried again.
    await broken.getByRole('button', { name: /^Retry the recording/ }).waitFor();
    // The storage counts follow: the recording is counted failed again, not processing.
    const failedCount = page
      .getByRole('region', { name: 'Recordings by state' })
      .locator('dl', { hasText: 'Failed' })
      .locator('dd')
      .first();
    await expect.poll(() => failedCount.textContent(), { timeout: 10_000 }).toBe('1');
    await shot(page, 'admin-retried', viewport.name);

    await page.getByRole('button', { name: 'Run cleanup' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Cleanup finished' });
    await result.waitFor();
    expect(await result.textContent()).toMatch(/Freed \d+(\.\d)? (KB|MB): [1-9]\d* files? deleted/);
    // The storage is read again: the deleted session's output is gone.
    await expect
      .poll(() => usage.locator('dl', { hasText: 'Live HLS output' }).locator('dd').textContent())
      .toBe('0 B');
    await shot(page, 'admin-cleanup', viewport.name);

    await page.getByRole('tab', { name: 'Rooms' }).click();
    await page
      .getByRole('list', { name: 'Public rooms' })
      .getByRole('link', { name: 'Admin test room' })
      .waitFor();
    await page.getByText('You do not belong to any library yet.').waitFor();
    await shot(page, 'admin-rooms', viewport.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a host is refused the admin pages, with the reason', async () => {
    const hostContext = await browser.newContext({ viewport });
    const { page, errors } = await openPage(hostContext);
    await signInAs(page, server.baseUrl, HOST.email, HOST.password);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('alert').getByText('Not available to your account').waitFor();
    await page.getByText(/This page is for admins only/).waitFor();
    await page.getByRole('link', { name: 'Back to the home page' }).waitFor();
    await shot(page, 'admin-host-refused', viewport.name);
    expect(errors).toEqual([]);
    await hostContext.close();
  });
});
