// The server as `npm start` runs it (tooling/embedded/start.ts), on a free port with its own data
// directory and an admin account, serving the freshly built web app.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = new URL('../../../../', import.meta.url).pathname;
const webDir = join(repoRoot, 'apps/web');

export const ADMIN = { email: 'admin@example.test', password: 'admin-password-1' };

/** `npm run build` of apps/web: the test plays what is shipped. */
export function buildWebApp() {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: webDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  return build.stdout;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

const withoutKeys = (env: NodeJS.ProcessEnv, keys: string[]) =>
  Object.fromEntries(Object.entries(env).filter(([key]) => !keys.includes(key)));

/** `env`: settings of the test's own (e.g. a short PLAYBACK_TOKEN_TTL_SECONDS). */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-web-test-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    join(repoRoot, 'node_modules/.bin/tsx'),
    ['tooling/embedded/start.ts'],
    {
      cwd: repoRoot,
      env: {
        // The embedded default, as `npm start` runs it on a new machine: SQLite in DATA_DIR, never
        // a DATABASE_URL or REDIS_URL the test run itself was given (CI sets one for its suites).
        ...withoutKeys(process.env, ['DATABASE_URL', 'REDIS_URL', 'LIVEKIT_URL']),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        DATA_DIR: dataDir,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('VidInfra Live on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  let stopping = false;
  child.once('exit', (code) => {
    if (!stopping)
      console.error(`the server exited (${code}) during the test:\n${output.slice(-4000)}`);
  });
  return {
    baseUrl,
    async stop() {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
