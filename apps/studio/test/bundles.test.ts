// The bundles Electron loads: built here with esbuild (no Electron needed) and inspected.
import { build, type BuildOptions } from 'esbuild';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mainBundle, preloadBundle } from '../scripts/bundles.ts';

async function bundled(options: BuildOptions): Promise<string> {
  const result = await build({ ...options, write: false, sourcemap: false, logLevel: 'silent' });
  const file = result.outputFiles?.find((output) => output.path.endsWith('.cjs'));
  if (!file) throw new Error('no bundle');
  return file.text;
}

function required(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!))];
}

describe('bundles', () => {
  it('the sandboxed preload is one CommonJS file that requires only electron', async () => {
    const code = await bundled(preloadBundle);
    expect(required(code)).toEqual(['electron']);
    expect(code).toContain('exposeInMainWorld');
  });

  it('the main process requires only electron and Node built-ins', async () => {
    const code = await bundled(mainBundle);
    const allowed = new Set([
      'electron',
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ]);
    expect(required(code).filter((name) => !allowed.has(name))).toEqual([]);
    expect(required(code)).toContain('electron');
  });
});
