// The preload's side of the host bridge: `window.vidinfraHost`. Minimal and typed: every answer
// from the main process and every join link is validated before the page sees it, and arguments
// are validated before they are sent.
import type { IpcRenderer } from 'electron';
import {
  ScreenSourceId,
  ScreenSourceList,
  ServerChoiceInput,
  ServerChoiceResult,
  StudioServerOrigin,
  STUDIO_HOST_CHANNELS,
  StudioJoinLink,
  type VidinfraHost,
} from '@vidinfra/domain';

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on'>;

export function createHostBridge(ipc: BridgeIpc, version: string): VidinfraHost {
  const listeners = new Set<(link: StudioJoinLink) => void>();
  /** A link that arrived before the page subscribed (the first launch's link). */
  let pending: StudioJoinLink | null = null;

  ipc.on(STUDIO_HOST_CHANNELS.joinLink, (_event, payload: unknown) => {
    const link = StudioJoinLink.safeParse(payload);
    if (!link.success) {
      console.warn('vidinfraHost: ignored a malformed join link');
      return;
    }
    if (!listeners.size) pending = link.data;
    for (const listener of listeners) listener(link.data);
  });

  return Object.freeze({
    version,
    onJoinLink(callback: (link: StudioJoinLink) => void) {
      if (typeof callback !== 'function') throw new TypeError('onJoinLink takes a function');
      listeners.add(callback);
      if (pending) {
        const link = pending;
        pending = null;
        callback(link);
      }
      return () => {
        listeners.delete(callback);
      };
    },
    async listScreenSources() {
      return ScreenSourceList.parse(await ipc.invoke(STUDIO_HOST_CHANNELS.listScreenSources));
    },
    async chooseScreenSource(id: string) {
      await ipc.invoke(STUDIO_HOST_CHANNELS.chooseScreenSource, ScreenSourceId.parse(id));
    },
    async getServer() {
      return StudioServerOrigin.nullable().parse(await ipc.invoke(STUDIO_HOST_CHANNELS.getServer));
    },
    async chooseServer(url: string) {
      const input = ServerChoiceInput.parse(url);
      return ServerChoiceResult.parse(await ipc.invoke(STUDIO_HOST_CHANNELS.chooseServer, input));
    },
  });
}
