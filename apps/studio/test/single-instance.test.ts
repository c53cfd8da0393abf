import { describe, expect, it, vi } from 'vitest';
import {
  registerProtocolClient,
  setupSingleInstance,
  type SingleInstanceApp,
} from '../src/single-instance.ts';
import { asElectron, FakeApp, fakeEvent } from './fakes.ts';

const LINK = 'vidinfra-studio://join?server=https://a.example&session=s&code=c';

function setup(options: { lock?: boolean; argv?: string[] } = {}) {
  const app = new FakeApp();
  app.lock = options.lock ?? true;
  const onLink = vi.fn();
  const focus = vi.fn();
  const primary = setupSingleInstance({
    app: asElectron<SingleInstanceApp>(app),
    argv: options.argv ?? ['/opt/studio/studio'],
    onLink,
    focus,
  });
  return { app, onLink, focus, primary };
}

describe('setupSingleInstance', () => {
  it('quits a second studio and leaves the link to the first', () => {
    const { app, onLink, primary } = setup({ lock: false, argv: ['/opt/studio/studio', LINK] });
    expect(primary).toBe(false);
    expect(app.quitCalled).toBe(true);
    expect(onLink).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it("handles the first launch's link from argv", () => {
    const { onLink, primary } = setup({ argv: ['/opt/studio/studio', '--flag', LINK] });
    expect(primary).toBe(true);
    expect(onLink).toHaveBeenCalledExactlyOnceWith(LINK);
  });

  it("takes a second launch's link (Windows, Linux) and focuses the window", () => {
    const { app, onLink, focus } = setup();
    app.emit('second-instance', fakeEvent(), ['C:\\Studio\\studio.exe', LINK], 'C:\\');
    expect(onLink).toHaveBeenCalledExactlyOnceWith(LINK);
    expect(focus).toHaveBeenCalledOnce();
  });

  it('only focuses on a second launch without a link', () => {
    const { app, onLink, focus } = setup();
    app.emit('second-instance', fakeEvent(), ['/opt/studio/studio'], '/');
    expect(onLink).not.toHaveBeenCalled();
    expect(focus).toHaveBeenCalledOnce();
  });

  it('takes an open-url link (macOS) and keeps macOS from handling it further', () => {
    const { app, onLink, focus } = setup();
    const event = fakeEvent();
    app.emit('open-url', event, LINK);
    expect(event.defaultPrevented).toBe(true);
    expect(onLink).toHaveBeenCalledExactlyOnceWith(LINK);
    expect(focus).toHaveBeenCalledOnce();
  });
});

describe('registerProtocolClient', () => {
  it('registers vidinfra-studio:// for the packaged app', () => {
    const app = new FakeApp();
    registerProtocolClient(app, { execPath: '/opt/studio/studio', argv: ['/opt/studio/studio'] });
    expect(app.protocolClients).toEqual([['vidinfra-studio']]);
  });

  it('passes the app folder when run unpackaged (electron .)', () => {
    const app = new FakeApp();
    registerProtocolClient(app, {
      defaultApp: true,
      execPath: '/usr/lib/electron/electron',
      argv: ['/usr/lib/electron/electron', '/home/dev/vidinfra/apps/studio'],
    });
    expect(app.protocolClients).toEqual([
      ['vidinfra-studio', '/usr/lib/electron/electron', ['/home/dev/vidinfra/apps/studio']],
    ]);
  });
});
