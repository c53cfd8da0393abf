// Child processes of the benchmark: servers pinned to one CPU, the load generator to another.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

const hasTaskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;

/** The command, run on the given CPU when taskset exists. */
export const pinned = (cpu: number, command: string, args: string[]): [string, string[]] =>
  hasTaskset ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];

export const pinningNote = hasTaskset
  ? 'servers on CPU 0, autocannon on CPU 1 (taskset)'
  : 'taskset not found: processes not pinned';

/** Moves this process onto the given CPU when taskset exists; says where things run. */
export function pinSelf(cpu: number): string {
  if (!hasTaskset) return pinningNote;
  spawnSync('taskset', ['-a', '-cp', String(cpu), String(process.pid)], { stdio: 'ignore' });
  return `servers on CPU 0, this process on CPU ${cpu} (taskset)`;
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** What `npm start` runs (the API, the gateway and the ingest in one process), from apps/api. */
export const EMBEDDED_START = '../../tooling/embedded/start.ts';

export interface Server {
  baseUrl: string;
  /** The server's own process (taskset execs it, so this is node's pid). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts a TypeScript server entry on CPU 0 and waits until `readyPath` answers. */
export async function startServer(
  entry: string,
  options: { cwd: string; env: Record<string, string>; nodeArgs?: string[]; readyPath: string },
): Promise<Server> {
  const port = await freePort();
  const [command, args] = pinned(0, process.execPath, [
    ...(options.nodeArgs ?? []),
    '--import',
    'tsx',
    entry,
  ]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(command, args, {
    cwd: options.cwd,
    // PUBLIC_URL: the origin the bench's browser pages are served at (the ingest and the
    // realtime gateway refuse pages of any other origin).
    env: {
      ...process.env,
      PUBLIC_URL: baseUrl,
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`! ${entry} exited during the run (code ${code}, signal ${signal})`);
  });
  await waitForHttp(`${baseUrl}${options.readyPath}`, child);
  return {
    baseUrl,
    pid: child.pid!,
    stop: () => {
      stopping = true;
      return stop(child);
    },
  };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
