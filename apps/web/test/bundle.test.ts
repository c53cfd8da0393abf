// The watch page's first load, measured in the build output (Vite's manifest): the entry, the
// watch page's chunk and everything they import, and hls.js, which the player loads at once
// where the browser has no HLS of its own. The budget: 250 KB of gzipped JavaScript.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const DIST = new URL('../dist/', import.meta.url).pathname;
const BUDGET_BYTES = 250 * 1024;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

/** The chunk and what it imports statically (the browser fetches them together). */
function withImports(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) withImports(next, seen);
  return seen;
}

const gzipped = (key: string) => gzipSync(readFileSync(join(DIST, manifest[key]!.file))).byteLength;

it('the watch page loads at most 250 KB of gzipped JavaScript', () => {
  const watch = 'src/pages/WatchPage.tsx';
  // The player may sit in a chunk the watch page shares (with the embed page): look there too.
  const hls = [...withImports(watch)]
    .flatMap((key) => manifest[key]?.dynamicImports ?? [])
    .find((key) => key.includes('hls.js'));
  expect(hls, 'the player loads hls.js from the watch page').toBeDefined();
  const keys = new Set([...withImports('index.html'), ...withImports(watch), hls!]);
  const bytes = [...keys].reduce((sum, key) => sum + gzipped(key), 0);
  console.log(`watch page first load: ${(bytes / 1024).toFixed(1)} KB gzipped JS`);
  expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
});
