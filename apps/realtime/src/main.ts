// A standalone realtime node (scaled topology): `REDIS_URL=… DATABASE_URL=postgres://… npm start -w @vidinfra/realtime`.
// The embedded default does not need it: the API process runs the gateway on its own port.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@vidinfra/db';
import { createServices, localMediaBackend } from '@vidinfra/services';
import { startGateway } from './start.ts';

const env = process.env;
const missing = ['DATABASE_URL', 'JWT_SECRET'].filter((name) => !env[name]);
if (missing.length) {
  console.error(`realtime node: set ${missing.join(' and ')} (the same values as the API nodes)`);
  process.exit(1);
}
const publicUrl = env.PUBLIC_URL ?? 'http://localhost:3000';
const livekit = {
  url: env.LIVEKIT_URL ?? null,
  apiKey: env.LIVEKIT_API_KEY ?? 'devkey',
  // This node takes no ingest and answers no join, so it signs no media token; never a public
  // default, though, which would make any token it did sign one anyone could forge.
  apiSecret: env.LIVEKIT_API_SECRET ?? randomBytes(32).toString('base64url'),
};
const db = await openDatabase(env.DATABASE_URL!);
const services = createServices({
  db,
  config: {
    jwtSecret: env.JWT_SECRET!,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 30 * 86400,
    refreshReuseGraceSeconds: 5,
    publicUrl,
    livekit,
  },
  media: localMediaBackend({
    publicUrl,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    dataDir: env.DATA_DIR ?? './data',
  }),
  now: () => new Date(),
});
const http = createServer((_req, res) => res.writeHead(404).end());
const node = await startGateway(http, services, { redisUrl: env.REDIS_URL ?? null });
const port = Number(env.REALTIME_PORT ?? 3001);
http.listen(port, () => {
  const bound = (http.address() as AddressInfo).port;
  console.warn(`realtime node on :${bound}${env.REDIS_URL ? ' (Redis scale-out)' : ''}`);
});
const stop = async () => {
  await node.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
