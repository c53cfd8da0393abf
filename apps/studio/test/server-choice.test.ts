import { describe, expect, it } from 'vitest';
import { checkServerUrl, createServerStore, type StoreFs } from '../src/server-choice.ts';

function memoryFs(files: Record<string, string> = {}) {
  const fs: StoreFs & { files: Record<string, string> } = {
    files,
    async readFile(path) {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    async writeFile(path, data) {
      files[path] = data;
    },
    async mkdir() {
      return undefined;
    },
  };
  return fs;
}

describe('checkServerUrl', () => {
  it.each([
    ['https://Live.Example.com/', 'https://live.example.com'],
    ['  https://live.example.com:8443 ', 'https://live.example.com:8443'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
  ])('accepts %s as %s', (input, origin) => {
    expect(checkServerUrl(input)).toEqual({ ok: true, origin });
  });

  it.each([
    '',
    'live.example.com',
    'http://live.example.com',
    'ftp://live.example.com',
    'https://live.example.com/api',
    'https://live.example.com/?x=1',
    'https://user:pw@live.example.com',
    'javascript:alert(1)',
  ])('refuses %j with a reason', (input) => {
    const check = checkServerUrl(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(/\w/);
  });
});

describe('createServerStore', () => {
  const userDataDir = '/home/host/.config/VidInfra Studio';
  const file = `${userDataDir}/server.json`;

  it('knows no server on first run, then remembers the chosen origin', async () => {
    const fs = memoryFs();
    const store = createServerStore({ fs, userDataDir });
    expect(await store.load()).toBeNull();
    expect(await store.choose('https://Live.Example.com/')).toEqual({
      ok: true,
      origin: 'https://live.example.com',
    });
    expect(JSON.parse(fs.files[file] ?? '')).toEqual({ server: 'https://live.example.com' });
    expect(await createServerStore({ fs, userDataDir }).load()).toBe('https://live.example.com');
  });

  it('writes nothing for a refused address', async () => {
    const fs = memoryFs();
    const result = await createServerStore({ fs, userDataDir }).choose('http://evil.example');
    expect(result.ok).toBe(false);
    expect(fs.files).toEqual({});
  });

  it.each([
    ['a damaged file', '{"server": "https://a.exa'],
    ['another shape', '["https://live.example.com"]'],
    ['a server that is not allowed', '{"server": "http://evil.example"}'],
  ])('asks again after %s', async (_name, text) => {
    const store = createServerStore({ fs: memoryFs({ [file]: text }), userDataDir });
    expect(await store.load()).toBeNull();
  });
});
