// How the main process and the preload are bundled for Electron: one CommonJS file each. The
// preload runs sandboxed, where `require` knows only `electron` (and a few built-ins), so
// everything else it uses (zod, the domain schemas) is bundled into it.
import type { BuildOptions } from 'esbuild';

const appDir = new URL('..', import.meta.url).pathname;

export const mainBundle: BuildOptions = {
  absWorkingDir: appDir,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};

export const preloadBundle: BuildOptions = {
  absWorkingDir: appDir,
  entryPoints: ['src/preload.ts'],
  outfile: 'dist/preload.cjs',
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};
