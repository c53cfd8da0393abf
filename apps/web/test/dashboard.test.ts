// The host dashboard in Debian's Chromium against the server as `npm start` runs it: a host
// signs in, creates a room and a session through the forms (a time in the past is refused on
// its field), copies the viewer URL, sees an attendee and exports the attendance as a CSV; the
// recordings and presets pages work; a viewer account is refused with the reason. At a desktop
// and a 360 px phone size, with screenshots of every page.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNamedButtons,
  launchBrowser,
  openPage,
  shot,
  signInAs,
  VIEWPORTS,
} from './support/browser.ts';
import { restClient } from './support/rest.ts';
import { ADMIN, startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'host-password-1';
const hostOf = (viewport: string) => ({
  email: `host-${viewport}@example.test`,
  password: PASSWORD,
});
const VIEWER = { email: 'viewer@example.test', password: 'viewer-password-1' };
const CSV_HEADER =
  'user_id,display_name,email,first_join_at,last_leave_at,total_watch_seconds,interval_count';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  const rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  for (const viewport of VIEWPORTS)
    await rest.call('POST', '/admin/users', {
      ...hostOf(viewport.name),
      display_name: `Hanna Host (${viewport.name})`,
      role: 'host',
    });
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

/** `2030-01-31T18:00` for a `datetime-local` field, `days` from now. */
const localInput = (days: number) => {
  const time = new Date(Date.now() + days * 86_400_000);
  return new Date(time.getTime() - time.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

const dialog = (page: Page) => page.getByRole('dialog');

describe.each(VIEWPORTS)('the host dashboard at $width×$height', (viewport) => {
  it('creates a room and a session, copies the viewer URL, exports the attendance', async () => {
    const host = hostOf(viewport.name);
    const context = await browser.newContext({
      viewport,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page, errors } = await openPage(context);
    await signInAs(page, server.baseUrl, host.email, host.password);
    await page.waitForURL(`${server.baseUrl}/dashboard`);
    await page.getByText('You have no rooms yet').waitFor();
    await expectNamedButtons(page);
    await shot(page, 'dashboard-empty', viewport.name);

    // The room, through the form, from the keyboard: the name field takes the focus, Enter sends.
    await page.getByRole('button', { name: 'Create your first room' }).focus();
    await page.keyboard.press('Enter');
    await dialog(page).getByRole('textbox', { name: 'Name' }).waitFor();
    await page.keyboard.type('Weekly town hall');
    await dialog(page).getByRole('textbox', { name: 'Description' }).fill('Questions welcome.');
    await shot(page, 'dashboard-room-form', viewport.name);
    await dialog(page).getByRole('textbox', { name: 'Name' }).press('Enter');
    await page.getByRole('heading', { name: 'Weekly town hall' }).waitFor();
    await page.getByText('No sessions yet').waitFor();
    await shot(page, 'dashboard-room-empty', viewport.name);

    // The session: a time in the past is refused by the server, on the field.
    await page.getByRole('button', { name: 'Schedule the first session' }).click();
    await dialog(page).getByRole('textbox', { name: 'Title' }).fill('December town hall');
    await dialog(page).getByLabel('Starts at').fill(localInput(-1));
    await dialog(page).getByRole('button', { name: 'Schedule session' }).click();
    await dialog(page).getByText('must not be in the past').waitFor();
    await shot(page, 'dashboard-session-form-refused', viewport.name);
    await dialog(page).getByLabel('Starts at').fill(localInput(2));
    await dialog(page).getByRole('button', { name: 'Schedule session' }).click();
    await page.getByRole('heading', { name: 'December town hall' }).waitFor();
    const sessionId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(page.url()).toBe(`${server.baseUrl}/dashboard/sessions/${sessionId}`);

    // Share: the viewer URL lands on the clipboard, and the button says so.
    await page.getByRole('button', { name: 'Copy viewer URL' }).click();
    await page.getByRole('status').getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${server.baseUrl}/sessions/${sessionId}`,
    );
    await page.getByRole('textbox', { name: 'Embed code' }).waitFor();

    // Open studio: a new tab at the studio URL with its one-time code.
    const [studio] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open studio' }).click(),
    ]);
    await studio.waitForURL(new RegExp(`^${server.baseUrl}/sessions/${sessionId}/live\\?code=.+`));
    await studio.close();
    await expectNamedButtons(page);
    await shot(page, 'dashboard-session', viewport.name);

    // An attendee: the host opens the backstage and the viewer joins.
    const hostRest = restClient(server.baseUrl);
    await hostRest.login(host.email, host.password);
    await hostRest.call('POST', `/sessions/${sessionId}/start`);
    const viewerRest = restClient(server.baseUrl);
    await viewerRest.login(VIEWER.email, VIEWER.password);
    await viewerRest.call('POST', `/sessions/${sessionId}/join`);

    await page.getByRole('tab', { name: 'Attendance' }).click();
    await page.getByRole('cell', { name: 'Vera Viewer', exact: true }).waitFor();
    await shot(page, 'dashboard-attendance', viewport.name);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
    expect(csv[0]).toBe(CSV_HEADER);
    expect(csv[1]).toContain('Vera Viewer');

    // Staff: the attendee made a moderator from the list, then removed from the staff.
    await page.getByRole('button', { name: 'Make Vera Viewer a moderator' }).click();
    await page.getByRole('status').getByText('Now a moderator').waitFor();
    await page.getByRole('tab', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'Co-hosts and moderators' }).waitFor();
    const vera = page.getByRole('listitem').filter({ hasText: 'Vera Viewer' });
    await vera.getByText('Moderator', { exact: true }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'dashboard-staff', viewport.name);
    await page.getByRole('button', { name: 'Remove Vera Viewer from the staff' }).click();
    await dialog(page).getByRole('button', { name: 'Remove' }).click();
    await vera.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Recordings' }).click();
    await page.getByText('No recordings of this session').waitFor();
    await shot(page, 'dashboard-session-recordings', viewport.name);

    // Live: the stream's health shows on the session's page.
    await hostRest.call('POST', `/sessions/${sessionId}/go_live`);
    // A recording made while live (stopped at once: it goes on to processing).
    await hostRest.call('POST', `/sessions/${sessionId}/recordings/start`);
    await hostRest.call('POST', `/sessions/${sessionId}/recordings/stop`);
    await page.reload();
    await page.getByRole('heading', { name: 'Stream health' }).waitFor();
    await page.getByText('Encoder speed').waitFor();
    await shot(page, 'dashboard-session-live', viewport.name);

    // The room lists its session; the home page lists the room.
    await page.getByRole('link', { name: /room’s sessions/ }).click();
    await page.getByRole('link', { name: 'December town hall' }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'dashboard-room', viewport.name);
    // Settings: the domain's schema refuses a slow mode over an hour, on its field.
    await page.getByRole('button', { name: 'Settings of December town hall' }).click();
    await dialog(page).getByRole('switch', { name: 'Chat' }).waitFor();
    await dialog(page)
      .getByRole('textbox', { name: /Slow mode/ })
      .fill('5000');
    await dialog(page).getByRole('button', { name: 'Save settings' }).click();
    await dialog(page)
      .getByText(/too big/i)
      .waitFor();
    await shot(page, 'dashboard-settings-refused', viewport.name);
    await dialog(page)
      .getByRole('textbox', { name: /Slow mode/ })
      .fill('10');
    await dialog(page).getByRole('button', { name: 'Save settings' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(
      (
        await hostRest.call<{ settings: { slow_mode_seconds: number } }>(
          'GET',
          `/sessions/${sessionId}`,
        )
      ).settings.slow_mode_seconds,
    ).toBe(10);
    await page
      .getByRole('navigation', { name: 'Dashboard' })
      .getByRole('link', { name: 'Rooms' })
      .click();
    await page.getByRole('link', { name: 'Weekly town hall' }).waitFor();
    // The live session is listed in its room's card.
    await page.getByRole('listitem').getByRole('link', { name: 'December town hall' }).waitFor();

    // Another session: rescheduled, then deleted, from its page.
    await page.getByRole('link', { name: 'Weekly town hall' }).click();
    await page.getByRole('button', { name: 'Schedule session' }).click();
    await dialog(page).getByRole('textbox', { name: 'Title' }).fill('Spare slot');
    await dialog(page).getByRole('button', { name: 'Schedule session' }).click();
    await page.getByRole('heading', { name: 'Spare slot' }).waitFor();
    await page.getByRole('button', { name: 'Reschedule Spare slot' }).click();
    await dialog(page).getByLabel('Starts at').fill('2031-05-04T10:30');
    await dialog(page).getByRole('button', { name: 'Reschedule' }).click();
    await page.getByText(/Starts May 4, 2031/).waitFor();
    await page.getByRole('button', { name: 'Delete session Spare slot' }).click();
    // The screenshot once the dialog has faded in.
    await expect.poll(() => dialog(page).evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await shot(page, 'dashboard-session-delete', viewport.name);
    await dialog(page).getByRole('button', { name: 'Delete session' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    await page.getByRole('link', { name: 'December town hall' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Spare slot' }).count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Dashboard' })
      .getByRole('link', { name: 'Rooms' })
      .click();
    await page.getByRole('link', { name: 'Weekly town hall' }).waitFor();
    await shot(page, 'dashboard-home', viewport.name);

    // Recordings (the one made while live) and presets (one created here, made the default).
    await page.getByRole('link', { name: 'Recordings' }).click();
    await page.getByText('December town hall', { exact: true }).waitFor();
    await page.getByRole('button', { name: /^Make December town hall/ }).waitFor();
    await expectNamedButtons(page);
    await shot(page, 'dashboard-recordings', viewport.name);
    await page.getByRole('link', { name: 'Presets' }).click();
    await page.getByRole('button', { name: 'Create preset' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Panel with guests');
    await page.getByRole('button', { name: 'Create preset' }).click();
    await page.getByText('Panel with guests', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Make Panel with guests the default' }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Panel with guests' })
      .getByText('Default', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Make Panel with guests the default' }).waitFor({
      state: 'detached',
    });
    await expectNamedButtons(page);
    await shot(page, 'dashboard-presets', viewport.name);

    // Libraries: one created here, its creator its owner.
    await page.getByRole('link', { name: 'Libraries' }).click();
    await page.getByText('You belong to no library').waitFor();
    await shot(page, 'dashboard-libraries-empty', viewport.name);
    await page.getByRole('textbox', { name: 'Library name' }).fill('Studio team');
    await page.getByRole('button', { name: 'Create library' }).click();
    await page.getByRole('link', { name: 'Studio team' }).click();
    await page.getByRole('heading', { name: 'Studio team' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: `Hanna Host (${viewport.name})` })
      .waitFor();
    await expectNamedButtons(page);
    await shot(page, 'dashboard-library', viewport.name);

    // A session that does not exist: the server's message, not a blank page.
    await page.goto(`${server.baseUrl}/dashboard/sessions/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').getByText('Could not load this session').waitFor();
    await shot(page, 'dashboard-session-missing', viewport.name);

    // The failed requests expected: the session scheduled in the past (400) and the missing
    // session (404), each with the browser's log line.
    const expected =
      /^400 .*\/trpc\/sessions\.create|^404 .*\/trpc\/sessions\.get|status of 40[04]/;
    expect(errors.filter((e) => !expected.test(e))).toEqual([]);
    await context.close();
  });

  it('refuses a viewer account, with the reason', async () => {
    const context = await browser.newContext({ viewport });
    const { page, errors } = await openPage(context);
    await signInAs(page, server.baseUrl, VIEWER.email, VIEWER.password);
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByText('Not available to your account').waitFor();
    await page.getByText(/for hosts only/).waitFor();
    await shot(page, 'dashboard-refused', viewport.name);
    expect(errors).toEqual([]);
    await context.close();
  });
});
