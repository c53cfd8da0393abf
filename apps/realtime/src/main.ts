// A standalone realtime node (scaled topology):
// `REDIS_URL=… DATABASE_URL=postgres://… JWT_SECRET=… npm start -w @vidinfra/realtime`.
// It reads the same configuration as the API nodes (token lifetimes, LiveKit when LIVEKIT_URL is
// set, REDIS_URL) and listens on REALTIME_PORT, with `/metrics` beside Socket.IO. The embedded
// default (`npm start`) does not need it: the gateway runs in the API's process, on its port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  closeOnSignals,
  ConfigError,
  createRuntime,
  loadConfig,
  originCheck,
} from '@vidinfra/services';
import { metricsRoute } from './metrics-route.ts';
import { startGateway } from './start.ts';

async function main() {
  // Generated defaults would differ from the API nodes' and sign tokens nobody else accepts.
  const missing = ['DATABASE_URL', 'JWT_SECRET'].filter((name) => !process.env[name]);
  if (missing.length) {
    throw new ConfigError(
      missing.map((name) => `${name}: required on a realtime node (the API nodes' value)`),
    );
  }
  const runtime = await createRuntime(loadConfig());
  const { config } = runtime;
  const http = createServer(metricsRoute(runtime.metrics, { trustProxy: config.trustProxy }));
  const node = await startGateway(http, runtime.services, {
    redisUrl: config.redisUrl,
    allowOrigin: originCheck(config.allowedOrigins),
    metrics: runtime.metrics,
  });
  runtime.onClose(() => node.close());
  closeOnSignals(runtime);
  http.listen(config.realtimePort, config.host, () => {
    const bound = (http.address() as AddressInfo).port;
    console.warn(`realtime node on :${bound}${config.redisUrl ? ' (Redis scale-out)' : ''}`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
