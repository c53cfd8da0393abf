// `npm run build -w @vidinfra/studio-desktop`: bundles main and preload into dist/, and copies the
// studio renderer (packages/studio's build, or STUDIO_RENDERER_DIR) into dist/renderer, which the
// app serves on app://studio. When packages/studio has no build yet, it is built first
// (`npm run build -w @vidinfra/studio`); rebuild it there after changing the studio.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { mainBundle, preloadBundle } from './bundles.ts';

const appDir = new URL('..', import.meta.url).pathname;
const rendererOut = resolve(appDir, 'dist/renderer');
const rendererIn = resolve(appDir, process.env.STUDIO_RENDERER_DIR ?? '../../packages/studio/dist');

await Promise.all([build(mainBundle), build(preloadBundle)]);

if (!process.env.STUDIO_RENDERER_DIR && !existsSync(resolve(rendererIn, 'index.html'))) {
  console.log('packages/studio has no build: building the renderer first');
  execFileSync('npm', ['run', 'build', '-w', '@vidinfra/studio'], {
    cwd: resolve(appDir, '../..'),
    stdio: 'inherit',
  });
}

rmSync(rendererOut, { recursive: true, force: true });
if (existsSync(resolve(rendererIn, 'index.html'))) {
  cpSync(rendererIn, rendererOut, { recursive: true });
  console.log(`renderer copied from ${rendererIn}`);
} else {
  // The window still opens (and shows why it is empty) rather than failing to load.
  mkdirSync(rendererOut, { recursive: true });
  writeFileSync(
    resolve(rendererOut, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>VidInfra Studio</title>' +
      '<p>The studio renderer is not built. Build packages/studio (or set STUDIO_RENDERER_DIR) ' +
      'and run the build again.</p>\n',
  );
  console.warn(`no renderer at ${rendererIn}: dist/renderer has a placeholder page`);
}
console.log('built dist/main.cjs and dist/preload.cjs');
