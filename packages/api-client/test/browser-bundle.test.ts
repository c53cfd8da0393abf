// The client is bundled for a browser as an app would bundle it: it must build without Node's
// built-ins and carry none of the server's packages (the router is a type-only import).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the browser bundle', () => {
  it('builds for the browser with no server code in it', async () => {
    const result = await build({
      entryPoints: ['packages/api-client/src/index.ts'],
      // The repository's root: input paths read `packages/…` and `node_modules/…`.
      absWorkingDir: new URL('../../..', import.meta.url).pathname,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const ours = inputs.filter((path) => !path.startsWith('node_modules/'));
    expect(ours.filter((path) => !/^packages\/(api-client|domain)\/src\//.test(path))).toEqual([]);
    const server = inputs.filter((path) =>
      /\/(fastify|drizzle-orm|@node-rs|better-sqlite3|postgres|livekit-server-sdk|socket\.io)\//.test(
        path,
      ),
    );
    expect(server).toEqual([]);
    expect(inputs.some((path) => path.includes('@trpc/client'))).toBe(true);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from ["']node:|require\(["']node:/);
  });
});
