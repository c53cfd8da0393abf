// What the desktop app (Electron) offers the studio through its preload, typed in
// @vidinfra/domain (the preload implements it). Absent in a browser: the studio works without it
// and only uses what it finds.
import type { VidinfraHost } from '@vidinfra/domain';

declare global {
  interface Window {
    vidinfraHost?: VidinfraHost;
  }
}

export function hostBridge(): VidinfraHost | null {
  return typeof window === 'undefined' ? null : (window.vidinfraHost ?? null);
}
