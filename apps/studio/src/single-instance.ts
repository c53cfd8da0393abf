// One studio at a time: a second launch hands its link to the first and quits. Links arrive by
// `open-url` (macOS), by a second launch's argv (`second-instance`, Windows and Linux), or in the
// first launch's own argv; all three go through the same handler.
import type { App } from 'electron';
import { STUDIO_DEEP_LINK_PROTOCOL } from '@vidinfra/domain';
import { findLinkInArgv } from './deep-link.ts';

export type SingleInstanceApp = Pick<
  App,
  'requestSingleInstanceLock' | 'on' | 'quit' | 'setAsDefaultProtocolClient'
>;

export interface SingleInstanceOptions {
  app: SingleInstanceApp;
  /** The first launch's arguments (process.argv). */
  argv: readonly string[];
  /** Every raw link, whichever way it arrived. */
  onLink(raw: string): void;
  /** Brings the existing studio window to the front. */
  focus(): void;
}

/** Returns false when another studio already runs (this one then quits). */
export function setupSingleInstance(options: SingleInstanceOptions): boolean {
  const { app, onLink, focus } = options;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    focus();
    onLink(url);
  });
  app.on('second-instance', (_event, argv) => {
    focus();
    const link = findLinkInArgv(argv);
    if (link) onLink(link);
  });
  const first = findLinkInArgv(options.argv);
  if (first) onLink(first);
  return true;
}

/**
 * Registers the app for `vidinfra-studio://` links. When run unpackaged (`electron .`), the OS
 * must start Electron with the app's folder, so that path is passed along.
 */
export function registerProtocolClient(
  app: Pick<App, 'setAsDefaultProtocolClient'>,
  proc: { defaultApp?: boolean; execPath: string; argv: readonly string[] },
): boolean {
  const appPath = proc.argv[1];
  if (proc.defaultApp && appPath) {
    return app.setAsDefaultProtocolClient(STUDIO_DEEP_LINK_PROTOCOL, proc.execPath, [appPath]);
  }
  return app.setAsDefaultProtocolClient(STUDIO_DEEP_LINK_PROTOCOL);
}
