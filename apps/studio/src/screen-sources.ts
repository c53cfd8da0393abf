// The app's own screen picker: the renderer lists sources, the host picks one, and the next
// getDisplayMedia() call captures exactly that source (once).
import type { DesktopCapturer, DesktopCapturerSource } from 'electron';
import type { ScreenSource } from '@vidinfra/domain';

export interface ScreenSources {
  list(): Promise<ScreenSource[]>;
  /** Picks one of the last listed sources; false when the id is not among them. */
  choose(id: string): boolean;
  /** The chosen source for one capture request, then forgotten. */
  take(): DesktopCapturerSource | null;
}

export function createScreenSources(capturer: Pick<DesktopCapturer, 'getSources'>): ScreenSources {
  let listed = new Map<string, DesktopCapturerSource>();
  let chosen: DesktopCapturerSource | null = null;
  return {
    async list() {
      const sources = await capturer.getSources({
        types: ['screen', 'window'],
        thumbnailSize: { width: 320, height: 180 },
      });
      listed = new Map(sources.map((source) => [source.id, source]));
      chosen = null;
      return sources.map((source) => ({
        id: source.id,
        name: source.name,
        kind: source.id.startsWith('screen:') ? 'screen' : 'window',
        thumbnail: source.thumbnail.toDataURL(),
      }));
    },
    choose(id) {
      chosen = listed.get(id) ?? null;
      return chosen !== null;
    },
    take() {
      const source = chosen;
      chosen = null;
      return source;
    },
  };
}
