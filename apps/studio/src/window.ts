// The studio window: locked down (sandboxed renderer, isolated preload, no Node), and never
// throttled in the background, so a hidden studio keeps streaming.
import type { BrowserWindowConstructorOptions } from 'electron';
import { STUDIO_APP_ORIGIN } from '@vidinfra/domain';

export const STUDIO_START_URL = `${STUDIO_APP_ORIGIN}/index.html`;

/** The argument that carries the app version to the sandboxed preload. */
export const VERSION_ARGUMENT = '--vidinfra-version=';

export function studioWindowOptions(options: {
  preloadPath: string;
  version: string;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 360,
    minHeight: 480,
    title: 'VidInfra Studio',
    show: false,
    backgroundColor: '#111318',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      backgroundThrottling: false,
      additionalArguments: [`${VERSION_ARGUMENT}${options.version}`],
    },
  };
}

/** The version the main process passed to the preload (in its process.argv). */
export function versionFromArgv(argv: readonly string[]): string {
  const arg = argv.find((value) => value.startsWith(VERSION_ARGUMENT));
  return arg ? arg.slice(VERSION_ARGUMENT.length) : '0.0.0';
}
