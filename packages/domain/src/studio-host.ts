// The desktop studio's host bridge: what the Electron app offers the studio renderer as
// `window.vidinfraHost` (absent in a browser), and the schemas of the IPC messages behind it. The
// browser studio imports these types without importing Electron.
import { z } from 'zod';
import { Id } from './schemas/fields.ts';

/** The origin the desktop studio's renderer is served from (a privileged custom scheme). */
export const STUDIO_APP_SCHEME = 'app';
export const STUDIO_APP_ORIGIN = 'app://studio';
/** The protocol of the links that open a session in the desktop studio. */
export const STUDIO_DEEP_LINK_PROTOCOL = 'vidinfra-studio';

/** A server the studio talks to: its origin, https (or http on localhost for development). */
export const StudioServerOrigin = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        url.origin === value &&
        (url.protocol === 'https:' ||
          (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname)))
      );
    } catch {
      return false;
    }
  }, 'an https origin (http only for localhost)');

/** A deep link's content, once the main process has checked its shape and the host confirmed. */
export const StudioJoinLink = z.strictObject({
  server: StudioServerOrigin,
  session_id: Id,
  code: Id,
});
export type StudioJoinLink = z.infer<typeof StudioJoinLink>;

/** A desktopCapturer source id: `screen:<n>:<n>` or `window:<n>:<n>`. */
export const ScreenSourceId = z
  .string()
  .max(200)
  .regex(/^(screen|window):[0-9]+:[0-9]+$/, 'a screen or window source id');

export const ScreenSource = z.strictObject({
  id: ScreenSourceId,
  name: z.string().max(1000),
  kind: z.enum(['screen', 'window']),
  /** A small PNG preview for the picker, as a data: URL. */
  thumbnail: z
    .string()
    .max(2_000_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]*$/, 'a PNG data URL'),
});
export type ScreenSource = z.infer<typeof ScreenSource>;
export const ScreenSourceList = z.array(ScreenSource).max(200);

/** The answer to choosing a server: its origin once remembered, or why it was refused. */
export const ServerChoiceResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), origin: StudioServerOrigin }),
  z.strictObject({ ok: z.literal(false), reason: z.string() }),
]);
export type ServerChoiceResult = z.infer<typeof ServerChoiceResult>;

/** What the server-choice form sends: a URL as the host typed it. */
export const ServerChoiceInput = z.string().trim().min(1).max(2048);

/** The IPC channels behind the bridge (main ↔ preload). */
export const STUDIO_HOST_CHANNELS = {
  joinLink: 'vidinfra:join-link',
  listScreenSources: 'vidinfra:list-screen-sources',
  chooseScreenSource: 'vidinfra:choose-screen-source',
  getServer: 'vidinfra:get-server',
  chooseServer: 'vidinfra:choose-server',
} as const;

/** `window.vidinfraHost`: what the desktop app adds to the studio; absent in a browser. */
export interface VidinfraHost {
  /** The desktop app's version. */
  readonly version: string;
  /** Calls back with each confirmed join link (one that arrived before subscribing included). Returns an unsubscribe. */
  onJoinLink(callback: (link: StudioJoinLink) => void): () => void;
  /** The screens and windows the host may share, for the studio's own picker. */
  listScreenSources(): Promise<ScreenSource[]>;
  /** The source the next getDisplayMedia() call captures (one of the last listed). */
  chooseScreenSource(id: string): Promise<void>;
  /** The server chosen on first run (null until then). */
  getServer(): Promise<string | null>;
  /** Validates and remembers the server; the window reloads to use it. */
  chooseServer(url: string): Promise<ServerChoiceResult>;
}

/** The `vidinfra-studio://join?…` link that opens a session in the desktop studio. */
export function studioDeepLink(link: StudioJoinLink): string {
  const query = new URLSearchParams({
    server: link.server,
    session: link.session_id,
    code: link.code,
  });
  return `${STUDIO_DEEP_LINK_PROTOCOL}://join?${query}`;
}
