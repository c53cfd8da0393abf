// `npm start`: the embedded default, one process on one port — the runtime (SQLite under
// DATA_DIR, local media unless LIVEKIT_URL is set), the API server, the realtime gateway on the
// API's HTTP server (Socket.IO at its default path) and the local media ingest. The two apps
// never import each other: this composition is the only place that knows both.
import { startApiServer } from '@vidinfra/api-server';
import { startGateway } from '@vidinfra/realtime';
import {
  closeOnSignals,
  ConfigError,
  createRuntime,
  loadConfig,
  originCheck,
} from '@vidinfra/services';

async function main() {
  const runtime = await createRuntime(loadConfig());
  const app = await startApiServer(runtime);
  const gateway = await startGateway(app.server, runtime.services, {
    redisUrl: runtime.config.redisUrl,
    allowOrigin: originCheck(runtime.config.allowedOrigins),
    log: app.log,
    metrics: runtime.metrics,
  });
  runtime.onClose(() => gateway.close());
  closeOnSignals(runtime);
  const { config } = runtime;
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `VidInfra Live on ${config.publicUrl} (${runtime.db.dialect}); API reference at ${config.publicUrl}/api/docs`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
