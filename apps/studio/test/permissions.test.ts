import { describe, expect, it, vi } from 'vitest';
import {
  installDisplayMediaHandler,
  installPermissionHandlers,
  type PermissionSession,
} from '../src/permissions.ts';
import { asElectron, FakeSession, FakeWebContents, fakeSource } from './fakes.ts';

const APP = 'app://studio/index.html';

function installed() {
  const session = new FakeSession();
  installPermissionHandlers(asElectron<PermissionSession>(session));
  /** Runs the request handler as Chromium would and returns what it answered. */
  const request = (permission: string, requestingUrl: string, extra: object = {}, page = APP) => {
    const callback = vi.fn();
    session.requestHandler?.(new FakeWebContents(page), permission, callback, {
      requestingUrl,
      isMainFrame: true,
      ...extra,
    });
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]?.[0] as boolean;
  };
  const check = (
    permission: string,
    origin: string,
    details: object = {},
    page: string | null = APP,
  ): boolean =>
    session.checkHandler?.(page === null ? null : new FakeWebContents(page), permission, origin, {
      requestingUrl: origin,
      isMainFrame: true,
      ...details,
    });
  return { request, check };
}

describe('permission requests', () => {
  it('allow camera and microphone for the studio', () => {
    const { request } = installed();
    expect(request('media', APP, { mediaTypes: ['video', 'audio'] })).toBe(true);
    expect(request('media', APP, { mediaTypes: ['audio'] })).toBe(true);
  });

  it('allow display capture for the studio', () => {
    expect(installed().request('display-capture', APP)).toBe(true);
  });

  it('deny media to any other origin, even inside the studio window', () => {
    const { request } = installed();
    expect(request('media', 'https://evil.example/', { mediaTypes: ['video'] })).toBe(false);
    expect(request('media', 'file:///tmp/x.html', { mediaTypes: ['video'] })).toBe(false);
    expect(request('media', 'app://other/index.html', { mediaTypes: ['video'] })).toBe(false);
    expect(request('media', APP, { mediaTypes: ['video'] }, 'https://evil.example/page')).toBe(
      false,
    );
  });

  it.each(['notifications', 'geolocation', 'clipboard-read', 'openExternal', 'midiSysex', 'hid'])(
    'deny %s, even to the studio',
    (permission) => {
      expect(installed().request(permission, APP)).toBe(false);
    },
  );
});

describe('permission checks', () => {
  it('answer the same rule as requests', () => {
    const { check } = installed();
    expect(check('media', 'app://studio', { mediaType: 'video' })).toBe(true);
    expect(check('media', 'app://studio/', { mediaType: 'audio' })).toBe(true);
    expect(check('media', 'app://studio', { mediaType: 'unknown' })).toBe(true);
    expect(check('display-capture', 'app://studio')).toBe(true);
    expect(check('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check('notifications', 'app://studio')).toBe(false);
    expect(check('media', 'app://studio', { mediaType: 'video' }, 'https://evil.example/')).toBe(
      false,
    );
  });

  it('decide on the origin alone when Chromium gives no page', () => {
    const { check } = installed();
    expect(check('media', 'app://studio', { mediaType: 'video' }, null)).toBe(true);
    expect(check('media', 'https://evil.example', { mediaType: 'video' }, null)).toBe(false);
  });
});

describe('display media requests', () => {
  function displayHandler(chosen: ReturnType<typeof fakeSource> | null) {
    const session = new FakeSession();
    const take = vi.fn(() => chosen as never);
    installDisplayMediaHandler(asElectron<PermissionSession>(session), { take });
    const ask = (origin: string, frameUrl: string | null) => {
      const callback = vi.fn();
      session.displayMediaHandler?.(
        {
          securityOrigin: origin,
          frame: frameUrl === null ? null : { url: frameUrl },
          videoRequested: true,
          audioRequested: false,
          userGesture: true,
        },
        callback,
      );
      expect(callback).toHaveBeenCalledOnce();
      return callback.mock.calls[0]?.[0];
    };
    return { ask, take };
  }

  it("answer with the source the studio's picker chose", () => {
    const source = fakeSource('screen:1:0', 'Entire screen');
    const { ask } = displayHandler(source);
    expect(ask('app://studio', APP)).toEqual({ video: source });
  });

  it('are denied (null, never an empty object) when nothing was chosen', () => {
    expect(displayHandler(null).ask('app://studio', APP)).toBeNull();
  });

  it('are denied to another origin, without using up the choice', () => {
    const { ask, take } = displayHandler(fakeSource('screen:1:0'));
    expect(ask('https://evil.example', 'https://evil.example/')).toBeNull();
    expect(ask('app://studio', null)).toBeNull();
    expect(ask('app://studio', 'https://evil.example/')).toBeNull();
    expect(take).not.toHaveBeenCalled();
  });
});
