import { describe, expect, it, vi } from 'vitest';
import { guardAllContents, guardNavigation, type GuardedContents } from '../src/navigation.ts';
import { asElectron, FakeApp, fakeEvent, FakeWebContents } from './fakes.ts';

function guarded() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  guardNavigation(asElectron<GuardedContents>(contents), openExternal);
  const navigate = (name: string, url: string) => {
    const event = fakeEvent();
    contents.emit(name, event, url);
    return event.defaultPrevented;
  };
  return { contents, openExternal, navigate };
}

describe('new windows', () => {
  it('are denied; an https link opens in the browser instead', () => {
    const { contents, openExternal } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://docs.example.com/help' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.example.com/help');
  });

  it.each([
    'http://docs.example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'app://studio/index.html',
    'not a url',
  ])('are denied and %s is not opened anywhere', (url) => {
    const { contents, openExternal } = guarded();
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('navigation', () => {
  it('within the studio is allowed', () => {
    const { navigate } = guarded();
    expect(navigate('will-navigate', 'app://studio/index.html#/live')).toBe(false);
    expect(navigate('will-redirect', 'app://studio/other.html')).toBe(false);
  });

  it('away from the studio is prevented; an https link opens in the browser', () => {
    const { navigate, openExternal } = guarded();
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://evil.example/');
  });

  it.each(['http://evil.example/', 'file:///etc/passwd', 'app://other/', 'data:text/html,x'])(
    'to %s is prevented and opens nothing',
    (url) => {
      const { navigate, openExternal } = guarded();
      expect(navigate('will-navigate', url)).toBe(true);
      expect(navigate('will-redirect', url)).toBe(true);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('a redirect away is prevented without opening anything', () => {
    const { navigate, openExternal } = guarded();
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('webviews are never attached', () => {
    const { navigate } = guarded();
    expect(navigate('will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});

describe('guardAllContents', () => {
  it('guards every web contents the app creates', () => {
    const app = new FakeApp();
    guardAllContents(asElectron(app), async () => undefined);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler?.({ url: 'https://a.example/' })).toEqual({
      action: 'deny',
    });
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
  });
});
