// The main process's side of the host bridge. Every message is checked twice: it must come from
// the studio's own top-level frame (app://studio), and its payload must match its zod schema.
// Anything else is refused (the renderer's call rejects) and the main process does nothing.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import {
  ScreenSourceId,
  ServerChoiceInput,
  STUDIO_HOST_CHANNELS,
  StudioJoinLink,
  type ScreenSource,
  type ServerChoiceResult,
} from '@vidinfra/domain';
import { isAppUrl } from './app-origin.ts';
import type { ScreenSources } from './screen-sources.ts';
import type { ServerStore } from './server-choice.ts';

export class RefusedMessage extends Error {
  constructor(channel: string, reason: string) {
    super(`refused ${channel}: ${reason}`);
    this.name = 'RefusedMessage';
  }
}

/** Only the studio's own top-level page may talk to the main process. */
export function checkSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, channel: string) {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
    throw new RefusedMessage(channel, 'not sent by the studio page');
  }
}

export interface HostIpcDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  screenSources: ScreenSources;
  servers: ServerStore;
  /** After a server is remembered (the window reloads, so the new CSP applies). */
  onServerChosen(origin: string): void;
}

export function registerHostIpc(deps: HostIpcDeps): void {
  const { ipcMain, screenSources, servers } = deps;

  /** A handler for one channel, its single argument validated by `schema` (none when undefined). */
  function handle<S extends z.ZodType, R>(
    channel: string,
    schema: S | undefined,
    run: (payload: z.infer<S>) => Promise<R> | R,
  ) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      checkSender(event, channel);
      if (!schema) {
        if (args.length) throw new RefusedMessage(channel, 'takes no arguments');
        return run(undefined as z.infer<S>);
      }
      if (args.length !== 1) throw new RefusedMessage(channel, 'takes one argument');
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) throw new RefusedMessage(channel, parsed.error.issues[0]?.message ?? '');
      return run(parsed.data);
    });
  }

  handle(STUDIO_HOST_CHANNELS.listScreenSources, undefined, (): Promise<ScreenSource[]> => {
    return screenSources.list();
  });
  handle(STUDIO_HOST_CHANNELS.chooseScreenSource, ScreenSourceId, (id) => {
    if (!screenSources.choose(id)) {
      throw new RefusedMessage(STUDIO_HOST_CHANNELS.chooseScreenSource, 'not a listed source');
    }
  });
  handle(STUDIO_HOST_CHANNELS.getServer, undefined, () => servers.load());
  handle(
    STUDIO_HOST_CHANNELS.chooseServer,
    ServerChoiceInput,
    async (input): Promise<ServerChoiceResult> => {
      const result = await servers.choose(input);
      if (result.ok) deps.onServerChosen(result.origin);
      return result;
    },
  );
}

/** Hands a confirmed join link to the studio page. */
export function sendJoinLink(contents: Pick<WebContents, 'send'>, link: StudioJoinLink): void {
  contents.send(STUDIO_HOST_CHANNELS.joinLink, StudioJoinLink.parse(link));
}
