// `npm run bench:realtime`: N sockets in one session channel receiving 10 chat messages a second,
// our gateway against a plain `ws` broadcast server measured in the same run; server and load on
// separate cores (taskset) where possible. Prints deliveries/s, p50/p99 latency, ratios, RSS.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SIZES = (process.env.BENCH_SIZES ?? '1000,2000,5000').split(',').map(Number);
const TARGET = { sockets: 5000, p99Ms: 100, throughputRatio: 0.5 };
const PER_SECOND = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const pinned = spawnSync('taskset', ['--version']).status === 0;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function start(core: number, script: string, args: string[]): ChildProcess {
  const node = [process.execPath, '--expose-gc', '--import', 'tsx', here(script), ...args];
  const [cmd, ...rest] = pinned ? ['taskset', '-c', String(core), ...node] : node;
  return spawn(cmd!, rest, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const next = <T>(child: ChildProcess, key: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (key in message) {
        child.off('message', onMessage);
        resolve(message as T);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${key}: child exited ${code}`)));
  });

async function measure(kind: 'gateway' | 'ws', sockets: number) {
  const server = start(0, 'servers.ts', [kind]);
  const { channel } = await next<{ channel: string }>(server, 'channel');
  const { port, rss: idleRss } = await next<{ port: number; rss: number }>(server, 'port');
  const load = start(1, 'load.ts', [kind, String(port), String(sockets), channel]);
  await next(load, 'connected');
  server.send({ cmd: 'rss' });
  const { rss } = await next<{ rss: number }>(server, 'rss');
  server.send({ cmd: 'publish', perSecond: PER_SECOND, seconds: SECONDS });
  await next(server, 'published');
  await new Promise((r) => setTimeout(r, 1000));
  load.send({ cmd: 'report' });
  const report = await next<{ deliveries: number; p50: number; p99: number }>(load, 'deliveries');
  server.kill();
  load.kill();
  return {
    ...report,
    perSecond: report.deliveries / SECONDS,
    expected: sockets * PER_SECOND * SECONDS,
    rssPerSocket: (rss - idleRss) / sockets,
  };
}

console.log(
  `bench:realtime — ${PER_SECOND} msg/s for ${SECONDS} s; server and load ${pinned ? 'on cores 0 and 1' : 'not pinned'}`,
);
for (const sockets of SIZES) {
  const gateway = await measure('gateway', sockets);
  const ws = await measure('ws', sockets);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`\n${sockets} sockets`);
  for (const [name, r] of [
    ['gateway (socket.io)', gateway],
    ['plain ws', ws],
  ] as const) {
    console.log(
      `  ${name.padEnd(20)} ${r.perSecond.toFixed(0).padStart(7)} deliveries/s (${r.deliveries}/${r.expected})  p50 ${r.p50} ms  p99 ${r.p99} ms  RSS/idle socket ${kb(r.rssPerSocket)}`,
    );
  }
  const ratio = gateway.perSecond / ws.perSecond;
  console.log(
    `  ratio gateway/ws: throughput ${ratio.toFixed(2)}×, p99 ${(gateway.p99 / Math.max(1, ws.p99)).toFixed(2)}×`,
  );
  if (sockets === TARGET.sockets) {
    const met = gateway.p99 < TARGET.p99Ms && ratio >= TARGET.throughputRatio;
    console.log(
      `  target (p99 < ${TARGET.p99Ms} ms, >= ${TARGET.throughputRatio}× ws throughput): ${met ? 'met' : 'MISSED'}`,
    );
  }
}
