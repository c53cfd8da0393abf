import { describe, expect, it } from 'vitest';
import { STUDIO_START_URL, studioWindowOptions, versionFromArgv } from '../src/window.ts';

describe('studioWindowOptions', () => {
  const options = studioWindowOptions({ preloadPath: '/app/dist/preload.cjs', version: '1.2.3' });

  it('locks the renderer down', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keeps a hidden studio streaming', () => {
    expect(options.webPreferences?.backgroundThrottling).toBe(false);
  });

  it('hands the version to the preload, which reads it back', () => {
    const argv = ['/opt/studio/studio', ...(options.webPreferences?.additionalArguments ?? [])];
    expect(versionFromArgv(argv)).toBe('1.2.3');
    expect(versionFromArgv(['/opt/studio/studio'])).toBe('0.0.0');
  });

  it('starts on the app scheme, never file://', () => {
    expect(STUDIO_START_URL).toBe('app://studio/index.html');
  });
});
