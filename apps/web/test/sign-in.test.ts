// Signing in and out, and the pages that need an account: a wrong password is said on the form;
// a guarded page sends a signed-out person to sign in and back; a viewer account is refused
// the admin pages with a reason; signing out ends the login.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, expectNamedButtons, openPage, shot, VIEWPORTS } from './support/browser.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const VIEWER = { email: 'viewer@example.test', password: 'viewer-password-1' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  const rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  await rest.call('POST', '/admin/users', {
    ...VIEWER,
    display_name: 'Vera Viewer',
    role: 'viewer',
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(VIEWPORTS)('signing in at $width×$height', (viewport) => {
  it('a guarded page asks to sign in, a wrong password is refused, then it opens', async () => {
    const context = await browser.newContext({ viewport });
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByText('Sign in to continue').waitFor();
    await shot(page, 'admin-signed-out', viewport.name);
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/password/i)
      .waitFor();
    await expectNamedButtons(page);
    await shot(page, 'sign-in-refused', viewport.name);

    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.baseUrl}/admin`);
    await page.getByRole('heading', { name: 'Admin' }).waitFor();

    await page.getByRole('button', { name: /^Account menu of/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('vidinfra.login'))).toBeNull();
    // The refused login is the one expected failed request.
    expect(errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  it('a viewer account is refused the admin pages, with the reason', async () => {
    const context = await browser.newContext({ viewport });
    const { page, errors } = await openPage(context);
    await page.goto(`${server.baseUrl}/signin?redirect=/admin`);
    await page.getByRole('textbox', { name: 'Email' }).fill(VIEWER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(VIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Not available to your account').waitFor();
    await page.getByText(/for admins only/).waitFor();
    await shot(page, 'admin-refused', viewport.name);
    expect(errors).toEqual([]);
    await context.close();
  });
});
