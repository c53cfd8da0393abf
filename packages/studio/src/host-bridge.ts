// What the desktop app (Electron) offers the studio through its preload. Absent in a browser:
// the studio works without it and only uses what it finds.

export interface VidinfraHost {
  /** The desktop app's version, shown in the studio. */
  appVersion(): Promise<string>;
  /** One-time studio codes arriving by `vidinfra-studio://` deep links; returns an unsubscribe. */
  onStudioCode?(listener: (code: string) => void): () => void;
  /** Screens and windows the host may share. */
  screenSources?(): Promise<{ id: string; name: string; thumbnail_data_url?: string }[]>;
}

declare global {
  interface Window {
    vidinfraHost?: VidinfraHost;
  }
}

export function hostBridge(): VidinfraHost | null {
  return typeof window === 'undefined' ? null : (window.vidinfraHost ?? null);
}
