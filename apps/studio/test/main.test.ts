// src/main.ts run against the Electron stub: the wiring of the tested modules, and the deep-link
// flow from a first launch's argv to the page (parse, ask, remember the server, reload, send).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STUDIO_HOST_CHANNELS } from '@vidinfra/domain';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from './electron-stub.ts';

const SESSION = '0b7e6f0e-5d1c-4c57-9a39-2f6f5f0c1a11';
const CODE = '6a1f3c2e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const link = (server: string) =>
  `vidinfra-studio://join?server=${server}&session=${SESSION}&code=${CODE}`;

describe('main', () => {
  afterAll(() => rmSync(app.userData, { recursive: true, force: true }));

  it('wires the studio and takes a link through confirmation to the page', async () => {
    process.argv.push(link('https://live.example.com'));
    try {
      await import('../src/main.ts');
    } finally {
      process.argv.pop();
    }
    // Before ready: the app scheme is privileged, one instance, the protocol registered.
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(app.protocolClients).toEqual([['vidinfra-studio']]);
    expect(app.listenerCount('web-contents-created')).toBe(1);

    dialog.answers.push(1); // "Switch server and join"
    app.becomeReady();
    await vi.waitUntil(() => BrowserWindow.all[0]?.webContents.sent.length === 1);

    const window = BrowserWindow.all[0]!;
    expect(window.options).toMatchObject({
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        backgroundThrottling: false,
        preload: '/opt/vidinfra-studio/resources/app/dist/preload.cjs',
      },
    });
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.requestHandler).toBeTypeOf('function');
    expect(session.defaultSession.checkHandler).toBeTypeOf('function');
    expect(session.defaultSession.displayMediaHandler).toBeTypeOf('function');
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      Object.values(STUDIO_HOST_CHANNELS)
        .filter((channel) => channel !== STUDIO_HOST_CHANNELS.joinLink)
        .sort(),
    );

    // No server was chosen yet: the host was asked before the studio used the link's server.
    expect(dialog.shown[0]?.message).toBe('Switch the studio to https://live.example.com?');
    expect(JSON.parse(readFileSync(join(app.getPath('userData'), 'server.json'), 'utf8'))).toEqual({
      server: 'https://live.example.com',
    });
    expect(window.loaded).toEqual(['app://studio/index.html', 'app://studio/index.html']);
    expect(window.webContents.sent).toEqual([
      {
        channel: STUDIO_HOST_CHANNELS.joinLink,
        payload: { server: 'https://live.example.com', session_id: SESSION, code: CODE },
      },
    ]);
    const page = await protocol.handlers.get('app')!(new Request('app://studio/index.html'));
    expect(page.headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://live.example.com wss://live.example.com",
    );

    // A second launch with a link to the same server: asked to join, declined, nothing sent.
    dialog.answers.push(0);
    app.emit('second-instance', {}, ['/opt/studio', link('https://live.example.com')], '/');
    await vi.waitUntil(() => dialog.shown.length === 2);
    expect(dialog.shown[1]?.message).toBe('Open this session in the studio?');

    // A malformed link: the reason is shown, nothing is asked or sent.
    app.emit(
      'open-url',
      { preventDefault() {} },
      'vidinfra-studio://join?server=http://evil.example',
    );
    await vi.waitUntil(() => dialog.shown.length === 3);
    expect(dialog.shown[2]).toMatchObject({ message: 'This link cannot open the studio' });
    expect(dialog.shown[2]?.buttons).toBeUndefined();

    // A link to another server, confirmed: switches and sends; the CSP follows.
    dialog.answers.push(1);
    app.emit('open-url', { preventDefault() {} }, link('https://other.example.org'));
    await vi.waitUntil(() => window.webContents.sent.length === 2);
    expect(dialog.shown[3]?.detail).toContain('https://live.example.com');
    const after = await protocol.handlers.get('app')!(new Request('app://studio/index.html'));
    expect(after.headers.get('content-security-policy')).toContain('https://other.example.org');
    expect(after.headers.get('content-security-policy')).not.toContain('live.example.com');
  });
});
