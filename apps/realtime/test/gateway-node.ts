// A gateway node in a process of its own, for tests that kill one: src/main.ts's node, with the
// node timings from the environment (NODE_TIMEOUT_MS, SWEEP_INTERVAL_MS, PRESENCE_GRACE_MS) and
// the services' settings as JSON (SERVICE_CONFIG). Prints `gateway node <id> on :<port>`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@vidinfra/db';
import {
  createServices,
  localMediaBackend,
  originCheck,
  type ServiceConfig,
} from '@vidinfra/services';
import { startGateway } from '../src/start.ts';

const env = process.env;
const config = JSON.parse(env.SERVICE_CONFIG!) as ServiceConfig;
const db = await openDatabase(env.DATABASE_URL!);
const services = createServices({
  db,
  config,
  media: localMediaBackend({
    publicUrl: config.publicUrl,
    apiKey: config.livekit.apiKey,
    apiSecret: config.livekit.apiSecret,
    dataDir: join(tmpdir(), 'vidinfra-media-unused'),
  }),
  now: () => new Date(),
});
const http = createServer((_req, res) => res.writeHead(404).end());
const node = await startGateway(http, services, {
  redisUrl: env.REDIS_URL ?? null,
  // The tests' clients are Node's, which send no Origin.
  allowOrigin: originCheck([]),
  nodeTimeoutMs: Number(env.NODE_TIMEOUT_MS),
  sweepIntervalMs: Number(env.SWEEP_INTERVAL_MS),
  presenceGraceMs: Number(env.PRESENCE_GRACE_MS),
});
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  console.warn(`gateway node ${node.gateway.nodeId} on :${port}`);
});
