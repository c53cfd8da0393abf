// Stands in for the `electron` package in tests (vitest.config.ts aliases it here): the Electron
// binary is not installed on these machines, and importing the real package would try to fetch it.
import { FakeApp, FakeIpcMain, FakeIpcRenderer, FakeSession } from './fakes.ts';

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const session = { defaultSession: new FakeSession() };

/** What the preload exposed, by key. */
export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    exposed.set(key, api);
  },
};
