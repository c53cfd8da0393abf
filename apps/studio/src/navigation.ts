// The studio window stays on the studio: no new windows, no navigation away from app://studio,
// no <webview>. An https link the host clicks opens in their browser; nothing else is opened.
import type { App, WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';

export type OpenExternal = (url: string) => Promise<void>;

/** Only https links leave the app, to the system browser. */
export function openIfHttps(url: string, openExternal: OpenExternal): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  openExternal(parsed.href).catch((error: unknown) => {
    console.error('could not open the link in the browser', error);
  });
  return true;
}

export type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

export function guardNavigation(contents: GuardedContents, openExternal: OpenExternal): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfHttps(url, openExternal);
    return { action: 'deny' };
  });
  const stayOnApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openIfHttps(url, openExternal);
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Guards every web contents the app ever creates, the studio window's and any other. */
export function guardAllContents(app: Pick<App, 'on'>, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, openExternal));
}
