// The studio window's preload (sandboxed, context-isolated): exposes the typed host bridge as
// `window.vidinfraHost`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createHostBridge } from './bridge.ts';
import { versionFromArgv } from './window.ts';

contextBridge.exposeInMainWorld(
  'vidinfraHost',
  createHostBridge(ipcRenderer, versionFromArgv(process.argv)),
);
