// `npm run bench:api`: `GET /api/sessions/{id}` over REST and the same procedure over tRPC
// (`sessions.get`) against a bare fastify hello route, all measured in one run with autocannon;
// tRPC's own fastify adapter serving an empty query is measured too, as the ceiling of any tRPC
// HTTP path.
// The app is the real server (`npm start`'s tooling/embedded/start.ts) on a fresh SQLite
// database in a temp dir, seeded through its own API with one room and one session.
// Knobs: BENCH_DURATION (seconds, 10), BENCH_CONNECTIONS (50), BENCH_LOG_LEVEL (the app's log
// level, `silent` like the peer's), BENCH_CPU_PROF=1 (a V8 CPU profile of the app on exit).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLoad, type LoadResult } from './load.ts';
import { EMBEDDED_START, pinningNote, startServer, type Server } from './processes.ts';
import { seed } from './seed.ts';

const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 20;
const WARM_UP_SECONDS = 3;

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'silent';
const profile = process.env.BENCH_CPU_PROF === '1';

interface Measurement extends LoadResult {
  label: string;
}

async function measure(label: string, url: string): Promise<Measurement> {
  await runLoad(url, { connections, durationSeconds: WARM_UP_SECONDS });
  const result = await runLoad(url, { connections, durationSeconds });
  if (result.non2xx || result.errors)
    console.warn(`  ! ${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { label, ...result };
}

function report(peer: Measurement, measured: Measurement[], emptyTrpc: Measurement) {
  const row = (cells: string[]) =>
    console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(34) : cell.padStart(11))).join(''));
  row(['', 'req/s', 'p50 ms', 'p99 ms', 'vs fastify']);
  for (const m of [peer, emptyTrpc, ...measured]) {
    const ratio = m.requestsPerSecond / peer.requestsPerSecond;
    row([
      m.label,
      m.requestsPerSecond.toFixed(0),
      m.p50Ms.toFixed(1),
      m.p99Ms.toFixed(1),
      `${ratio.toFixed(2)}x`,
    ]);
  }
  console.log(`\ntarget: >= ${TARGET_RATIO}x fastify with p99 < ${TARGET_P99_MS} ms`);
  for (const m of measured) {
    const ratio = m.requestsPerSecond / peer.requestsPerSecond;
    const met = ratio >= TARGET_RATIO && m.p99Ms < TARGET_P99_MS;
    console.log(`  ${met ? 'met    ' : 'MISSED '} ${m.label}`);
  }
  const trpc = measured.find((m) => m.label.startsWith('tRPC'));
  if (trpc)
    console.log(
      `tRPC's own adapter with an empty query reaches ${(emptyTrpc.requestsPerSecond / peer.requestsPerSecond).toFixed(2)}x fastify; ` +
        `${trpc.label} is ${(trpc.requestsPerSecond / emptyTrpc.requestsPerSecond).toFixed(2)}x of that`,
    );
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
        LOG_LEVEL: logLevel,
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
      `${connections} connections, ${durationSeconds} s each after a ${WARM_UP_SECONDS} s warm-up; ` +
        `${pinningNote}; app log level ${logLevel}`,
    );
    if (target.kind === 'rooms')
      console.log('sessions are not served yet: measuring GET /api/rooms/{id} instead');
    const peerResult = await measure('fastify GET /hello', `${peer.baseUrl}/hello`);
    const emptyTrpc = await measure(
      'tRPC adapter, empty query (peer)',
      `${peer.baseUrl}/trpc/hello?input=${input}`,
    );
    const measured = [
      await measure(
        `REST GET /api/${target.kind}/{id}`,
        `${app.baseUrl}/api/${target.kind}/${target.id}`,
      ),
      await measure(
        `tRPC GET /trpc/${target.kind}.get`,
        `${app.baseUrl}/trpc/${target.kind}.get?input=${input}`,
      ),
    ];
    console.log('');
    report(peerResult, measured, emptyTrpc);
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
