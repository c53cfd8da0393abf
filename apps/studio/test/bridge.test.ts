import { STUDIO_HOST_CHANNELS as CH } from '@vidinfra/domain';
import { describe, expect, it, vi } from 'vitest';
import { createHostBridge } from '../src/bridge.ts';
import { asElectron, FakeIpcRenderer } from './fakes.ts';

const LINK = {
  server: 'https://live.example.com',
  session_id: '0b7e6f0e-5d1c-4c57-9a39-2f6f5f0c1a11',
  code: '6a1f3c2e-8b4d-4e5f-9a6b-7c8d9e0f1a2b',
};
const SOURCE = {
  id: 'window:42:0',
  name: 'Slides',
  kind: 'window',
  thumbnail: 'data:image/png;base64,AAAA',
};

function bridge() {
  const ipc = new FakeIpcRenderer();
  const host = createHostBridge(asElectron(ipc), '1.2.3');
  return { ipc, host };
}

describe('window.vidinfraHost', () => {
  it('carries the app version and cannot be changed by the page', () => {
    const { host } = bridge();
    expect(host.version).toBe('1.2.3');
    expect(Object.isFrozen(host)).toBe(true);
  });

  it('keeps a link that arrived before the page subscribed, and delivers it once', () => {
    const { ipc, host } = bridge();
    ipc.deliver(CH.joinLink, LINK);
    const first = vi.fn();
    host.onJoinLink(first);
    expect(first).toHaveBeenCalledExactlyOnceWith(LINK);
    const second = vi.fn();
    host.onJoinLink(second);
    expect(second).not.toHaveBeenCalled();
  });

  it('delivers later links to every subscriber until it unsubscribes', () => {
    const { ipc, host } = bridge();
    const callback = vi.fn();
    const unsubscribe = host.onJoinLink(callback);
    ipc.deliver(CH.joinLink, LINK);
    expect(callback).toHaveBeenCalledExactlyOnceWith(LINK);
    unsubscribe();
    ipc.deliver(CH.joinLink, LINK);
    expect(callback).toHaveBeenCalledOnce();
  });

  it('drops a malformed join link', () => {
    const { ipc, host } = bridge();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const callback = vi.fn();
    host.onJoinLink(callback);
    ipc.deliver(CH.joinLink, { ...LINK, server: 'javascript:alert(1)' });
    ipc.deliver(CH.joinLink, { ...LINK, extra: true });
    expect(callback).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('lists screen sources, validating what comes back', async () => {
    const { ipc, host } = bridge();
    ipc.answers.set(CH.listScreenSources, [SOURCE]);
    expect(await host.listScreenSources()).toEqual([SOURCE]);
    ipc.answers.set(CH.listScreenSources, [{ ...SOURCE, thumbnail: 'https://evil.example/x.png' }]);
    await expect(host.listScreenSources()).rejects.toThrow();
  });

  it('sends a screen choice only when the id has the right shape', async () => {
    const { ipc, host } = bridge();
    await host.chooseScreenSource('window:42:0');
    await expect(host.chooseScreenSource('../../x')).rejects.toThrow();
    expect(ipc.invoked).toEqual([{ channel: CH.chooseScreenSource, args: ['window:42:0'] }]);
  });

  it('reads and chooses the server', async () => {
    const { ipc, host } = bridge();
    ipc.answers.set(CH.getServer, null);
    expect(await host.getServer()).toBeNull();
    ipc.answers.set(CH.chooseServer, { ok: true, origin: 'https://live.example.com' });
    expect(await host.chooseServer(' https://live.example.com ')).toEqual({
      ok: true,
      origin: 'https://live.example.com',
    });
    expect(ipc.invoked.at(-1)).toEqual({
      channel: CH.chooseServer,
      args: ['https://live.example.com'],
    });
    await expect(host.chooseServer('')).rejects.toThrow();
  });
});
