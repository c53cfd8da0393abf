// The desktop studio's main process: wires the small modules beside it to Electron. Everything
// with a rule in it lives in those modules (and their tests); this file only connects them.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  desktopCapturer,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
} from 'electron';
import { STUDIO_APP_SCHEME, type StudioJoinLink } from '@vidinfra/domain';
import { createAppFileHandler, registerAppScheme } from './app-protocol.ts';
import { confirmationText, decideJoin, parseJoinLink } from './deep-link.ts';
import { registerHostIpc, sendJoinLink } from './ipc.ts';
import { serverConnectOrigins } from './media-origins.ts';
import { guardAllContents } from './navigation.ts';
import { installDisplayMediaHandler, installPermissionHandlers } from './permissions.ts';
import { createScreenSources } from './screen-sources.ts';
import { createServerStore } from './server-choice.ts';
import { registerProtocolClient, setupSingleInstance } from './single-instance.ts';
import { STUDIO_START_URL, studioWindowOptions } from './window.ts';

registerAppScheme(protocol); // before ready, as Electron requires

const bundleDir = join(app.getAppPath(), 'dist');
const servers = createServerStore({
  fs: { readFile, writeFile, mkdir },
  userDataDir: app.getPath('userData'),
});
const screenSources = createScreenSources(desktopCapturer);
let server: string | null = null;
/** Where the chosen server's pages may connect besides it (its LiveKit server). */
let mediaOrigins: string[] = [];

/** Switches to a server: its media origins are read before any page of it is served. */
async function useServer(origin: string | null): Promise<void> {
  server = origin;
  mediaOrigins = origin ? await serverConnectOrigins(origin) : [];
}
let studio: BrowserWindow | null = null;
/** Links are handled one at a time, after the window exists (the first launch's link waits). */
let linkQueue = Promise.resolve();
let started: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (started = resolve));

function focus(): void {
  if (!studio) return;
  if (studio.isMinimized()) studio.restore();
  studio.show();
  studio.focus();
}

function onLink(raw: string): void {
  linkQueue = linkQueue
    .then(() => ready)
    .then(() => handleLink(raw))
    .catch((error: unknown) => console.error('studio link', error));
}

async function handleLink(raw: string): Promise<void> {
  const window = studio;
  if (!window) return;
  const parsed = parseJoinLink(raw);
  if (!parsed.ok) {
    await dialog.showMessageBox(window, {
      type: 'warning',
      message: 'This link cannot open the studio',
      detail: parsed.reason,
    });
    return;
  }
  const decision = decideJoin(parsed.link, server);
  const text = confirmationText(decision);
  const switching = decision.action === 'confirm-switch';
  const { response } = await dialog.showMessageBox(window, {
    type: switching ? 'warning' : 'question',
    buttons: ['Cancel', switching ? 'Switch server and join' : 'Join'],
    defaultId: 0,
    cancelId: 0,
    message: text.message,
    detail: text.detail,
  });
  if (response !== 1) return;
  if (switching) {
    const chosen = await servers.choose(parsed.link.server);
    if (!chosen.ok) return;
    await useServer(chosen.origin);
    await window.loadURL(STUDIO_START_URL); // the new server's CSP applies from here
  }
  await deliver(window, parsed.link);
}

async function deliver(window: BrowserWindow, link: StudioJoinLink): Promise<void> {
  if (window.webContents.isLoading()) {
    await new Promise<void>((resolve) => window.webContents.once('did-finish-load', resolve));
  }
  sendJoinLink(window.webContents, link);
}

async function start(): Promise<void> {
  await useServer(await servers.load());
  protocol.handle(
    STUDIO_APP_SCHEME,
    createAppFileHandler({
      rootDir: join(bundleDir, 'renderer'),
      readFile: (path) => readFile(path),
      server: () => server,
      mediaOrigins: () => mediaOrigins,
    }),
  );
  installPermissionHandlers(session.defaultSession);
  installDisplayMediaHandler(session.defaultSession, screenSources);
  registerHostIpc({
    ipcMain,
    screenSources,
    servers,
    onServerChosen(origin) {
      void useServer(origin).then(() => studio?.loadURL(STUDIO_START_URL));
    },
  });
  studio = new BrowserWindow(
    studioWindowOptions({
      preloadPath: join(bundleDir, 'preload.cjs'),
      version: app.getVersion(),
    }),
  );
  studio.once('ready-to-show', () => studio?.show());
  studio.on('closed', () => (studio = null));
  await studio.loadURL(STUDIO_START_URL);
  started();
}

if (setupSingleInstance({ app, argv: process.argv, onLink, focus })) {
  registerProtocolClient(app, process);
  guardAllContents(app, (url) => shell.openExternal(url));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('the studio could not start', error);
      app.exit(1);
    });
}
