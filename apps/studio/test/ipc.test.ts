import { STUDIO_HOST_CHANNELS as CH } from '@vidinfra/domain';
import { describe, expect, it, vi } from 'vitest';
import { registerHostIpc, RefusedMessage, sendJoinLink, type HostIpcDeps } from '../src/ipc.ts';
import { createScreenSources } from '../src/screen-sources.ts';
import { createServerStore } from '../src/server-choice.ts';
import { asElectron, FakeIpcMain, FakeWebContents, fakeSource, senderAt } from './fakes.ts';

const STUDIO = senderAt('app://studio/index.html');
const SESSION = '0b7e6f0e-5d1c-4c57-9a39-2f6f5f0c1a11';
const CODE = '6a1f3c2e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';

function registered() {
  const ipcMain = new FakeIpcMain();
  const files: Record<string, string> = {};
  const servers = createServerStore({
    userDataDir: '/data',
    fs: {
      readFile: async (path) => {
        if (!(path in files)) throw new Error('ENOENT');
        return files[path] as string;
      },
      writeFile: async (path, data) => {
        files[path] = data;
      },
      mkdir: async () => undefined,
    },
  });
  const getSources = vi.fn(async () => [fakeSource('screen:1:0', 'Screen 1')]);
  const screenSources = createScreenSources(asElectron({ getSources }));
  const onServerChosen = vi.fn();
  registerHostIpc({
    ipcMain: asElectron<HostIpcDeps['ipcMain']>(ipcMain),
    screenSources,
    servers,
    onServerChosen,
  });
  return { ipcMain, screenSources, getSources, onServerChosen, files };
}

describe('the main side of the bridge', () => {
  it('lists and chooses screen sources for the studio page', async () => {
    const { ipcMain, screenSources } = registered();
    expect(await ipcMain.invoke(CH.listScreenSources, STUDIO)).toEqual([
      {
        id: 'screen:1:0',
        name: 'Screen 1',
        kind: 'screen',
        thumbnail: 'data:image/png;base64,AAAA',
      },
    ]);
    await ipcMain.invoke(CH.chooseScreenSource, STUDIO, 'screen:1:0');
    expect(screenSources.take()?.id).toBe('screen:1:0');
  });

  it('remembers a chosen server and reloads the studio for it', async () => {
    const { ipcMain, onServerChosen } = registered();
    expect(await ipcMain.invoke(CH.getServer, STUDIO)).toBeNull();
    expect(await ipcMain.invoke(CH.chooseServer, STUDIO, ' https://Live.Example.com ')).toEqual({
      ok: true,
      origin: 'https://live.example.com',
    });
    expect(onServerChosen).toHaveBeenCalledExactlyOnceWith('https://live.example.com');
    expect(await ipcMain.invoke(CH.getServer, STUDIO)).toBe('https://live.example.com');
  });

  it('answers a refused server address with its reason and remembers nothing', async () => {
    const { ipcMain, onServerChosen, files } = registered();
    const result = await ipcMain.invoke(CH.chooseServer, STUDIO, 'http://evil.example');
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/https/) });
    expect(onServerChosen).not.toHaveBeenCalled();
    expect(files).toEqual({});
  });

  it.each([
    ['another origin', senderAt('https://evil.example/')],
    ['a file page', senderAt('file:///tmp/x.html')],
    ['a frame inside the studio', senderAt('app://studio/index.html', { url: 'app://studio/' })],
    ['a gone frame', { senderFrame: null }],
  ])('refuses every message from %s', async (_name, event) => {
    const { ipcMain, getSources, onServerChosen } = registered();
    for (const [channel, args] of [
      [CH.listScreenSources, []],
      [CH.chooseScreenSource, ['screen:1:0']],
      [CH.getServer, []],
      [CH.chooseServer, ['https://live.example.com']],
    ] as const) {
      await expect(ipcMain.invoke(channel, event, ...args)).rejects.toThrow(RefusedMessage);
    }
    expect(getSources).not.toHaveBeenCalled();
    expect(onServerChosen).not.toHaveBeenCalled();
  });

  it.each([
    ['a path', '../../etc/passwd'],
    ['a number', 42],
    ['an object', { id: 'screen:1:0' }],
    ['an overlong id', `screen:1:${'9'.repeat(300)}`],
  ])('refuses %s as a screen source id', async (_name, payload) => {
    const { ipcMain, screenSources } = registered();
    await ipcMain.invoke(CH.listScreenSources, STUDIO);
    await expect(ipcMain.invoke(CH.chooseScreenSource, STUDIO, payload)).rejects.toThrow(
      RefusedMessage,
    );
    expect(screenSources.take()).toBeNull();
  });

  it('refuses a well-formed id that was not listed', async () => {
    const { ipcMain } = registered();
    await ipcMain.invoke(CH.listScreenSources, STUDIO);
    await expect(ipcMain.invoke(CH.chooseScreenSource, STUDIO, 'window:9:0')).rejects.toThrow(
      /not a listed source/,
    );
  });

  it('refuses extra or missing arguments and payloads of the wrong type', async () => {
    const { ipcMain, onServerChosen } = registered();
    await expect(ipcMain.invoke(CH.listScreenSources, STUDIO, 'x')).rejects.toThrow(/no arguments/);
    await expect(ipcMain.invoke(CH.chooseScreenSource, STUDIO)).rejects.toThrow(/one argument/);
    await expect(ipcMain.invoke(CH.chooseServer, STUDIO, { url: 'x' })).rejects.toThrow(
      RefusedMessage,
    );
    await expect(ipcMain.invoke(CH.chooseServer, STUDIO, 'x'.repeat(5000))).rejects.toThrow(
      RefusedMessage,
    );
    expect(onServerChosen).not.toHaveBeenCalled();
  });
});

describe('sendJoinLink', () => {
  it('sends a valid link to the studio page', () => {
    const contents = new FakeWebContents();
    const link = { server: 'https://live.example.com', session_id: SESSION, code: CODE };
    sendJoinLink(contents, link);
    expect(contents.sent).toEqual([{ channel: CH.joinLink, payload: link }]);
  });

  it('never sends a malformed one', () => {
    const contents = new FakeWebContents();
    expect(() =>
      sendJoinLink(contents, { server: 'http://evil.example', session_id: SESSION, code: CODE }),
    ).toThrow();
    expect(contents.sent).toEqual([]);
  });
});
