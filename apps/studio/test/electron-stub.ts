// Stands in for the `electron` package in tests (vitest.config.ts aliases it here): the Electron
// binary is not installed on these machines, and importing the real package would try to fetch it.
// Just enough of each object for src/main.ts and src/preload.ts to run; tests read what they did.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeApp, FakeIpcMain, FakeIpcRenderer, FakeSession, FakeWebContents } from './fakes.ts';

class StubApp extends FakeApp {
  /** A temporary folder, made on first use (main.test.ts removes it). */
  userData = '';
  private resolveReady: () => void = () => undefined;
  private ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  getAppPath() {
    return '/opt/vidinfra-studio/resources/app';
  }
  getPath(_name: string) {
    this.userData ||= mkdtempSync(join(tmpdir(), 'studio-userdata-'));
    return this.userData;
  }
  getVersion() {
    return '1.2.3';
  }
  whenReady() {
    return this.ready;
  }
  /** Test side: Electron has finished starting. */
  becomeReady() {
    this.resolveReady();
  }
  exit(code: number) {
    throw new Error(`app.exit(${code})`);
  }
}

export const app = new StubApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const session = { defaultSession: new FakeSession() };
export const shell = { openExternal: async (_url: string) => undefined };
export const desktopCapturer = { getSources: async () => [] };

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

/** Answers the next message boxes with these button indexes (Cancel = 0). */
export const dialog = {
  shown: [] as { message: string; detail?: string; buttons?: string[] }[],
  answers: [] as number[],
  async showMessageBox(
    _window: unknown,
    options: { message: string; detail?: string; buttons?: string[] },
  ) {
    this.shown.push(options);
    return { response: this.answers.shift() ?? 0, checkboxChecked: false };
  },
};

class StubWebContents extends FakeWebContents {
  loading = false;
  isLoading() {
    return this.loading;
  }
}

export class BrowserWindow extends FakeApp {
  static all: BrowserWindow[] = [];
  webContents = new StubWebContents('');
  loaded: string[] = [];
  constructor(public options: unknown) {
    super();
    BrowserWindow.all.push(this);
  }
  async loadURL(url: string) {
    this.loaded.push(url);
    this.webContents.url = url;
    this.webContents.emit('did-finish-load');
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {}
  focus() {}
}

/** What the preload exposed, by key. */
export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    exposed.set(key, api);
  },
};
