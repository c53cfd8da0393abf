// The desktop studio's renderer (packages/studio's build) as the Electron app would run it, in
// Debian's Chromium with the fake webcam: served from an origin of its own with the app's CSP
// (apps/studio's own contentSecurityPolicy), a stubbed `window.vidinfraHost` in place of the
// preload. First run asks for the server; then it waits for a join link; the link's code is
// exchanged against the server (CORS for the renderer's origin), the studio goes live and a
// viewer's HLS of the session plays. A used or tampered code gets a clear page. No console
// errors: a CSP violation is one.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { StudioJoinLink } from '@vidinfra/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../studio/src/app-protocol.ts';
import { expectNamedButtons, launchBrowser, openPage, shot, VIEWPORTS } from './support/browser.ts';
import { restClient } from './support/rest.ts';
import { expectPlaying } from './support/video.ts';
import { ADMIN, repoRoot, startServer, type RunningServer } from './support/server.ts';

const RENDERER = join(repoRoot, 'packages/studio/dist');
const TITLE = 'Desktop studio test';
const [DESKTOP, PHONE] = VIEWPORTS;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

let server: RunningServer;
let renderer: Server;
let rendererUrl: string;
let browser: Browser;
let rest: ReturnType<typeof restClient>;
let roomId: string;

/** The renderer's files as app://studio serves them: every response with the app's CSP. */
function serveRenderer(serverOrigin: () => string): Promise<Server> {
  const files = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = join(RENDERER, extname(path) ? path : 'index.html');
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(serverOrigin()));
    readFile(file).then(
      (body) => {
        response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        response.end(body);
      },
      () => {
        response.statusCode = 404;
        response.end('Not found');
      },
    );
  });
  return new Promise((resolve) => files.listen(0, '127.0.0.1', () => resolve(files)));
}

/** The preload's bridge, stubbed: the server as `chosen` says, join links delivered by the test. */
async function openRenderer(context: BrowserContext, chosen: string | null) {
  await context.addInitScript((server) => {
    const w = window as unknown as Record<string, unknown>;
    let deliver: ((link: unknown) => void) | null = null;
    let chosenServer = server;
    w.deliverJoinLink = (link: unknown) => deliver?.(link);
    w.vidinfraHost = {
      version: '0.1.0-test',
      onJoinLink(callback: (link: unknown) => void) {
        deliver = callback;
        return () => (deliver = null);
      },
      listScreenSources: async () => [],
      chooseScreenSource: async () => undefined,
      getServer: async () => chosenServer,
      chooseServer: async (url: string) => {
        chosenServer = new URL(url).origin;
        return { ok: true, origin: chosenServer };
      },
    };
  }, chosen);
  const opened = await openPage(context);
  await opened.page.goto(rendererUrl);
  return opened;
}

const deliver = (page: Page, link: StudioJoinLink) =>
  page
    .waitForFunction(() => 'deliverJoinLink' in window)
    .then(() =>
      page.evaluate(
        (l) => (window as unknown as { deliverJoinLink(l: unknown): void }).deliverJoinLink(l),
        link,
      ),
    );

/** A fresh studio code for the session (the code of its studio URL). */
async function studioCode(sessionId: string) {
  return new URL(await rest.studioUrl(sessionId)).searchParams.get('code')!;
}

beforeAll(async () => {
  execFileSync('npm', ['run', 'build', '-w', '@vidinfra/studio'], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  renderer = await serveRenderer(() => server.baseUrl);
  rendererUrl = `http://127.0.0.1:${(renderer.address() as AddressInfo).port}`;
  server = await startServer({ ALLOWED_ORIGINS: rendererUrl });
  rest = restClient(server.baseUrl);
  await rest.login(ADMIN.email, ADMIN.password);
  roomId = (
    await rest.call<{ id: string }>('POST', '/rooms', {
      name: 'Desktop room',
      visibility: 'public',
    })
  ).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => renderer?.close(resolve));
});

describe('the desktop renderer', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: DESKTOP.width, height: DESKTOP.height },
    });
  });
  afterAll(async () => context?.close());

  it('asks for the server, waits for a link, opens it, goes live; a viewer watches', async () => {
    const host = await openRenderer(context, null);
    await host.page.getByRole('heading', { name: 'Which server do you stream to?' }).waitFor();
    await host.page.getByRole('textbox', { name: 'Server address' }).fill(server.baseUrl);
    await host.page.getByRole('button', { name: 'Use this server' }).click();
    await host.page
      .getByRole('heading', { name: 'Open a studio link from your dashboard' })
      .waitFor();
    await host.page.getByText(`The studio streams to ${server.baseUrl}`).waitFor();
    await host.page.getByText('Desktop studio 0.1.0-test').waitFor();
    await shot(host.page, 'desktop-renderer-waiting', DESKTOP.name);
    // The CSP is in force: a connection to another origin than the chosen server's is refused.
    const violated = await host.page.evaluate(async () => {
      const seen = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective)),
      );
      await fetch('http://127.0.0.1:9/').catch(() => undefined);
      return seen;
    });
    expect(violated).toBe('connect-src');
    // …and said on the console, as any violation would be (the errors below must stay empty).
    await expect.poll(() => host.errors.some((e) => /Refused to connect/.test(e))).toBe(true);
    expect(host.errors.splice(0).filter((e) => !/Content Security Policy/.test(e))).toEqual([]);

    const sessionId = await rest.session(roomId, TITLE, 60_000);
    const code = await studioCode(sessionId);
    await deliver(host.page, { server: server.baseUrl, session_id: sessionId, code });
    await host.page.getByRole('heading', { name: TITLE }).waitFor();
    await expectPlaying(host.page, '[data-testid="studio-preview"]');
    await expectNamedButtons(host.page);

    await host.page.getByRole('button', { name: 'Start', exact: true }).click();
    await host.page.getByText('Backstage', { exact: true }).waitFor();
    await host.page.getByRole('button', { name: 'Go live' }).click();
    await host.page.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
    await host.page
      .getByTestId('upload-bitrate')
      .filter({ hasText: /[1-9][\d,]* kbit\/s/ })
      .waitFor({ timeout: 10_000 });

    const playlist = `${server.baseUrl}/hls/${sessionId}/index.m3u8`;
    await vi.waitUntil(
      async () => {
        const response = await fetch(playlist);
        return response.ok && ((await response.text()).match(/#EXTINF/g)?.length ?? 0) >= 2;
      },
      { timeout: 30_000, interval: 250 },
    );
    const viewerContext = await browser.newContext();
    const viewer = await openPage(viewerContext);
    await viewer.page.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await expectPlaying(viewer.page, '[data-testid="live-player"]');
    await host.page.getByTestId('viewer-count').filter({ hasText: /^\d+$/ }).waitFor();
    await shot(host.page, 'desktop-renderer-live', DESKTOP.name);

    await host.page.getByRole('button', { name: 'End session' }).click();
    await host.page
      .getByRole('dialog', { name: 'End this session?' })
      .getByRole('button', { name: 'End now' })
      .click();
    await host.page.getByRole('heading', { name: 'The session has ended' }).waitFor();
    await host.page.getByRole('link', { name: 'Open the dashboard' }).waitFor();
    expect(host.errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
    await viewerContext.close();
    await host.page.close();
  });

  it.each(['used', 'tampered'])('a %s code gets a page that says so', async (what) => {
    const sessionId = await rest.session(roomId, 'Desktop code check', 60_000);
    let code = await studioCode(sessionId);
    if (what === 'used') await rest.call('POST', '/auth/code/exchange', { code });
    else code = crypto.randomUUID();
    const phone = await browser.newContext({
      viewport: { width: PHONE.width, height: PHONE.height },
    });
    const { page, errors } = await openRenderer(phone, server.baseUrl);
    await page.getByRole('heading', { name: 'Open a studio link from your dashboard' }).waitFor();
    await deliver(page, { server: server.baseUrl, session_id: sessionId, code });
    await page.getByRole('heading', { name: 'This studio link cannot be used' }).waitFor();
    await page.getByText(/expired or was already used/).waitFor();
    await page
      .getByText(`Open a new studio link from your dashboard on ${server.baseUrl}.`)
      .waitFor();
    await shot(page, `desktop-renderer-code-${what}`, PHONE.name);
    // The refused exchange (CODE_EXPIRED: tRPC's NOT_FOUND) is the one failed request.
    expect(errors.filter((e) => !/auth\.exchangeCode|status of 404/.test(e))).toEqual([]);
    await phone.close();
  });
});
