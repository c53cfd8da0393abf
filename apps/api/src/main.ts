// An API node (`npm start -w @vidinfra/api-server`): the API on PORT, without a realtime
// gateway (run standalone realtime nodes beside it, the scaled topology). `npm start` at the root
// is the embedded default: this API and the gateway in one process on one port.
import { closeOnSignals, ConfigError, createRuntime, loadConfig } from '@vidinfra/services';
import { startApiServer } from './start.ts';

async function main() {
  const runtime = await createRuntime(loadConfig());
  const app = await startApiServer(runtime);
  closeOnSignals(runtime);
  const { config } = runtime;
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `VidInfra Live API node on ${config.publicUrl} (${runtime.db.dialect}); API reference at ${config.publicUrl}/api/docs`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
