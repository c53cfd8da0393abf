import type { VidinfraHost } from '@vidinfra/domain';
import { describe, expect, it } from 'vitest';
import { exposed } from './electron-stub.ts';

describe('the preload', () => {
  it('exposes the bridge as window.vidinfraHost, and nothing else', async () => {
    process.argv.push('--vidinfra-version=9.8.7');
    try {
      await import('../src/preload.ts');
    } finally {
      process.argv.pop();
    }
    expect([...exposed.keys()]).toEqual(['vidinfraHost']);
    const host = exposed.get('vidinfraHost') as VidinfraHost;
    expect(host.version).toBe('9.8.7');
    expect(Object.keys(host).sort()).toEqual([
      'chooseScreenSource',
      'chooseServer',
      'getServer',
      'listScreenSources',
      'onJoinLink',
      'version',
    ]);
  });
});
