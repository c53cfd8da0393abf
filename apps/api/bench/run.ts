// `npm run bench:api`: `GET /api/sessions/{id}` over REST against a bare fastify hello route
// (target >= 0.4x), and the same operation over tRPC (`sessions.get`) against tRPC's own fastify
// adapter answering an empty query (target >= 1.5x); p99 < 20 ms each. All measured in one
// invocation with autocannon, alternating, the peers in their own process. Each row also says
// how much of its server's CPU one answer took (µs per request).
// The app is the real server (`npm start`'s tooling/embedded/start.ts, logging as it does) on a
// fresh SQLite database in a temp dir, seeded through its own API with one room and one session.
// Knobs: BENCH_DURATION (seconds, 10), BENCH_CONNECTIONS (50), BENCH_ROUNDS (2), BENCH_LOG_LEVEL
// (the app's log level; unset, its default), BENCH_CPU_PROF=1 (a V8 CPU profile of the app).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load.ts';
import { processCpuSeconds } from './proc.ts';
import { EMBEDDED_START, pinningNote, startServer, type Server } from './processes.ts';
import { seed } from './seed.ts';

const TARGET_P99_MS = 20;
const WARM_UP_SECONDS = 3;

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
/** Unset: the app logs as `npm start` runs it (its config's default level). */
const logLevel = process.env.BENCH_LOG_LEVEL;
const profile = process.env.BENCH_CPU_PROF === '1';

interface Measured extends LoadResult {
  /** The server's CPU time per answered request, in µs (what each answer costs it). */
  cpuUsPerRequest: number;
}

interface Measurement extends Measured {
  label: string;
}

interface Subject {
  label: string;
  url: string;
  /** The process answering it. */
  pid: number;
  /** The target: at least `ratio` times the requests per second of the `against` subject. */
  target?: { against: string; ratio: number };
}

async function measureOnce(subject: Subject): Promise<Measured> {
  await runLoad(subject.url, { connections, durationSeconds: WARM_UP_SECONDS });
  const cpuBefore = processCpuSeconds(subject.pid);
  const result = await runLoad(subject.url, { connections, durationSeconds });
  const cpuSeconds = processCpuSeconds(subject.pid) - cpuBefore;
  if (result.non2xx || result.errors)
    console.warn(`  ! ${subject.label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { ...result, cpuUsPerRequest: (cpuSeconds * 1e6) / Math.max(1, result.requests) };
}

/** Every subject in turn, `rounds` times over (alternating, so drift hits all alike); means. */
async function measureAll(subjects: Subject[]): Promise<Map<string, Measurement>> {
  const runs = new Map<string, Measured[]>(subjects.map((s) => [s.label, []]));
  for (let round = 0; round < rounds; round++)
    for (const subject of subjects) runs.get(subject.label)?.push(await measureOnce(subject));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return new Map(
    [...runs].map(([label, results]) => [
      label,
      {
        label,
        requestsPerSecond: mean(results.map((r) => r.requestsPerSecond)),
        requests: results.reduce((sum, r) => sum + r.requests, 0),
        cpuUsPerRequest: mean(results.map((r) => r.cpuUsPerRequest)),
        p50Ms: mean(results.map((r) => r.p50Ms)),
        p99Ms: Math.max(...results.map((r) => r.p99Ms)),
        non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
        errors: results.reduce((sum, r) => sum + r.errors, 0),
      },
    ]),
  );
}

function report(subjects: Subject[], measured: Map<string, Measurement>) {
  const peer = measured.get(subjects[0]!.label)!;
  const row = (cells: string[]) =>
    console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(34) : cell.padStart(11))).join(''));
  row(['', 'req/s', 'p50 ms', 'p99 max', 'vs fastify', 'CPU µs/req']);
  for (const subject of subjects) {
    const m = measured.get(subject.label)!;
    row([
      m.label,
      m.requestsPerSecond.toFixed(0),
      m.p50Ms.toFixed(1),
      m.p99Ms.toFixed(1),
      `${(m.requestsPerSecond / peer.requestsPerSecond).toFixed(2)}x`,
      m.cpuUsPerRequest.toFixed(0),
    ]);
  }
  console.log(`\ntargets (p99 < ${TARGET_P99_MS} ms each):`);
  for (const { label, target } of subjects) {
    if (!target) continue;
    const m = measured.get(label)!;
    const ratio = m.requestsPerSecond / measured.get(target.against)!.requestsPerSecond;
    const met = ratio >= target.ratio && m.p99Ms < TARGET_P99_MS;
    console.log(
      `  ${met ? 'met    ' : 'MISSED '} ${label}: ${ratio.toFixed(2)}x ${target.against} ` +
        `(target >= ${target.ratio}x), p99 ${m.p99Ms.toFixed(1)} ms`,
    );
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-bench-'));
  const profileDir = join(dataDir, 'profiles');
  const servers: Server[] = [];
  try {
    const peer = await startServer('bench/hello-server.ts', {
      cwd: apiDir,
      env: {},
      readyPath: '/hello',
    });
    servers.push(peer);
    const app = await startServer(EMBEDDED_START, {
      cwd: apiDir,
      env: {
        DATA_DIR: dataDir,
        ...(logLevel && { LOG_LEVEL: logLevel }),
        ADMIN_EMAIL: 'bench@example.test',
        ADMIN_PASSWORD: 'bench-password',
      },
      nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      readyPath: '/api/health',
    });
    servers.push(app);
    const target = await seed(app.baseUrl, {
      email: 'bench@example.test',
      password: 'bench-password',
    });
    const input = encodeURIComponent(JSON.stringify({ id: target.id }));

    console.log(
      `${connections} connections, ${durationSeconds} s each after a ${WARM_UP_SECONDS} s warm-up, ` +
        `${rounds} alternating rounds; ${pinningNote}; app log level ${logLevel ?? 'its default'}`,
    );
    const hello = 'fastify GET /hello';
    const emptyTrpc = 'tRPC adapter, empty query (peer)';
    const subjects: Subject[] = [
      { label: hello, url: `${peer.baseUrl}/hello`, pid: peer.pid },
      { label: emptyTrpc, url: `${peer.baseUrl}/trpc/hello?input=${input}`, pid: peer.pid },
      {
        label: `REST GET /api/${target.kind}/{id}`,
        url: `${app.baseUrl}/api/${target.kind}/${target.id}`,
        pid: app.pid,
        target: { against: hello, ratio: 0.4 },
      },
      {
        label: `tRPC GET /trpc/${target.kind}.get`,
        url: `${app.baseUrl}/trpc/${target.kind}.get?input=${input}`,
        pid: app.pid,
        target: { against: emptyTrpc, ratio: 1.5 },
      },
    ];
    const measured = await measureAll(subjects);
    console.log('');
    report(subjects, measured);
  } finally {
    for (const server of servers) await server.stop();
    if (profile) console.log(`\nCPU profile of the app: ${profileDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
