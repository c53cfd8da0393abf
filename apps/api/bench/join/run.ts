// `npm run bench:join`: a join storm against the server as `npm start` runs it. BENCH_VIEWERS
// viewers (1,000) arrive evenly over BENCH_SPREAD_SECONDS (10); each registers with a device
// token, joins the session (its media token), connects a realtime socket and subscribes to the
// session's channel (see ./viewer.ts). The session is backstage, so every join opens attendance.
// Printed per database: errors, p50/p99 per step, the server's CPU and memory. Targets: 0 errors,
// p99 < 200 ms per step. The server runs on CPU 0 (taskset), this process on CPU 1.
// Knobs: BENCH_DIALECTS (sqlite,postgres; Postgres gets a fresh database at DATABASE_URL's
// server, dropped afterwards), BENCH_VIEWERS, BENCH_SPREAD_SECONDS, BENCH_LOG_LEVEL,
// BENCH_CPU_PROF=1 (a V8 CPU profile of the server, kept in a printed directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestDatabase, type TestDialect } from '@vidinfra/db/testing';
import { percentile } from '../percentile.ts';
import { processCpuSeconds, processMemoryMb } from '../proc.ts';
import { EMBEDDED_START, pinSelf, startServer, type Server } from '../processes.ts';
import { adminClient } from '../seed.ts';
import { runViewer, STEPS, type Journey } from './viewer.ts';

const TARGET_P99_MS = 200;
const ADMIN = { email: 'bench@example.test', password: 'bench-password' };
const apiDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as TestDialect[];
const viewers = Number(process.env.BENCH_VIEWERS ?? 1000);
const spreadMs = Number(process.env.BENCH_SPREAD_SECONDS ?? 10) * 1000;
const logLevel = process.env.BENCH_LOG_LEVEL;
const profile = process.env.BENCH_CPU_PROF === '1';

/** A fresh database for the server: SQLite in its data directory, or a new Postgres database. */
async function freshDatabase(dialect: TestDialect, dataDir: string) {
  if (dialect === 'sqlite')
    return { url: `file:${join(dataDir, 'vidinfra.sqlite')}`, dispose: async () => {} };
  const { url, dispose } = await openTestDatabase('postgres');
  return { url, dispose };
}

/** A session backstage in a public room, as its host leaves it before going live. */
async function backstageSession(baseUrl: string): Promise<string> {
  const api = adminClient(baseUrl, ADMIN);
  await api.login();
  const room = await api.call('POST', '/rooms', { name: 'Join storm', visibility: 'public' });
  const session = await api.call('POST', `/rooms/${room.id as string}/sessions`, {
    title: 'Join storm',
    scheduled_at: new Date(Date.now() + 3600_000).toISOString(),
  });
  await api.call('POST', `/sessions/${session.id as string}/start`, {});
  return session.id as string;
}

/** Every viewer, the n-th starting at n × spread / viewers. */
async function storm(baseUrl: string, sessionId: string): Promise<Journey[]> {
  return Promise.all(
    Array.from(
      { length: viewers },
      (_, n) =>
        new Promise<Journey>((resolve) =>
          setTimeout(() => resolve(runViewer(baseUrl, sessionId, n)), (n * spreadMs) / viewers),
        ),
    ),
  );
}

function report(dialect: TestDialect, journeys: Journey[], server: ServerUse, seconds: number) {
  const row = (cells: string[]) =>
    console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(12) : cell.padStart(10))).join(''));
  console.log(`\n${dialect}: ${viewers} viewers in ${seconds.toFixed(1)} s`);
  row(['step', 'done', 'p50 ms', 'p99 ms', 'max ms']);
  let slowest = 0;
  for (const step of STEPS) {
    const times = journeys.flatMap((j) => (j.ms[step] === undefined ? [] : [j.ms[step]]));
    const p99 = percentile(times, 99);
    if (times.length) slowest = Math.max(slowest, p99);
    const ms = (value: number) => value.toFixed(1);
    row([step, String(times.length), ms(percentile(times, 50)), ms(p99), ms(Math.max(...times))]);
  }
  console.log(
    `the slowest 1% of each step, by the second its viewer arrived: ${tailArrivals(journeys)}`,
  );
  const failures = new Map<string, number>();
  for (const { failed, dropped } of journeys) {
    const key = failed ? `${failed.step}: ${failed.reason}` : dropped && `dropped: ${dropped}`;
    if (key) failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  const errors = [...failures.values()].reduce((a, b) => a + b, 0);
  for (const [reason, count] of failures) console.log(`  ! ${count} × ${reason}`);
  const share = (cpuSeconds: number) => `${(cpuSeconds / seconds).toFixed(2)} of a core`;
  console.log(
    `server: ${share(server.cpuSeconds)} over the storm, ` +
      `${((server.cpuSeconds * 1000) / viewers).toFixed(1)} ms of CPU per viewer; RSS ` +
      `${server.rssBefore.toFixed(0)} → ${server.rssAfter.toFixed(0)} MB ` +
      `(peak ${server.rssPeak.toFixed(0)} MB); this load generator: ${share(server.clientCpuSeconds)}`,
  );
  const met = errors === 0 && slowest < TARGET_P99_MS;
  console.log(
    `${met ? 'met   ' : 'MISSED'} ${errors} errors (target 0), slowest step p99 ` +
      `${slowest.toFixed(1)} ms (target < ${TARGET_P99_MS} ms)`,
  );
}

/**
 * Where in the storm the slow ones were (a cold start shows as the first second, a saturated
 * server as the last): of each step's times at or above its p99, how many per arrival second.
 */
function tailArrivals(journeys: Journey[]): string {
  const perSecond = new Map<number, number>();
  for (const step of STEPS) {
    const p99 = percentile(
      journeys.flatMap((j) => (j.ms[step] === undefined ? [] : [j.ms[step]])),
      99,
    );
    journeys.forEach((journey, n) => {
      if ((journey.ms[step] ?? -1) < p99) return;
      const second = Math.floor((n * spreadMs) / viewers / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    });
  }
  return [...perSecond]
    .sort(([a], [b]) => a - b)
    .map(([second, count]) => `s${second}: ${count}`)
    .join(', ');
}

interface ServerUse {
  /** CPU seconds the server used over the storm, and this process. */
  cpuSeconds: number;
  clientCpuSeconds: number;
  rssBefore: number;
  rssAfter: number;
  rssPeak: number;
}

async function benchDialect(dialect: TestDialect) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-join-bench-'));
  const database = await freshDatabase(dialect, dataDir);
  let server: Server | undefined;
  const journeys: Journey[] = [];
  try {
    server = await startServer(EMBEDDED_START, {
      cwd: apiDir,
      env: {
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        ...(logLevel && { LOG_LEVEL: logLevel }),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${join(dataDir, 'profiles')}`] : [],
      readyPath: '/api/health',
    });
    const sessionId = await backstageSession(server.baseUrl);
    const rssBefore = processMemoryMb(server.pid).rss;
    const cpuBefore = processCpuSeconds(server.pid);
    const clientBefore = process.cpuUsage();
    const started = performance.now();
    journeys.push(...(await storm(server.baseUrl, sessionId)));
    const seconds = (performance.now() - started) / 1000;
    const client = process.cpuUsage(clientBefore);
    const memory = processMemoryMb(server.pid);
    report(
      dialect,
      journeys,
      {
        cpuSeconds: processCpuSeconds(server.pid) - cpuBefore,
        clientCpuSeconds: (client.user + client.system) / 1e6,
        rssBefore,
        rssAfter: memory.rss,
        rssPeak: memory.peak,
      },
      seconds,
    );
  } finally {
    for (const { socket } of journeys) socket?.close();
    await server?.stop();
    await database.dispose();
    if (profile) console.log(`CPU profile of the server: ${join(dataDir, 'profiles')}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(
    `join storm: ${viewers} viewers over ${spreadMs / 1000} s; ${pinSelf(1)}; ` +
      `app log level ${logLevel ?? 'its default'}`,
  );
  for (const dialect of dialects) await benchDialect(dialect);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
