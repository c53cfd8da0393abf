// `npm start`: the embedded default — SQLite under DATA_DIR, migrations applied, API on PORT.
import { openDatabase } from '@vidinfra/db';
import { startGateway } from '@vidinfra/realtime';
import { ConfigError, loadConfig } from './config.ts';
import { ensureAdmin } from './first-start.ts';
import { buildServer, createServicesFor } from './server.ts';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  const services = createServicesFor(config, db);
  const app = await buildServer(config, services);
  await ensureAdmin(db, config.admin, (line) => app.log.warn(line));
  const interrupted = await services.recordings.failInterrupted();
  if (interrupted)
    app.log.warn(`${interrupted} recordings interrupted by the last stop: retryable`);
  // The realtime gateway shares the API's port (Socket.IO at its default path).
  const realtime = await startGateway(app.server, services, {
    redisUrl: config.redisUrl,
    log: app.log,
  });
  // The local media ingest (WebSocket upgrades under /ingest/); nothing for the LiveKit backend.
  // A verified publish token is not enough: only the host side of a live session broadcasts.
  const ingest = services.deps.media.ingest?.attach(app.server, {
    admit: (sessionId, userId) => services.sessions.admitPublisher(sessionId, userId),
  });
  const close = async () => {
    await ingest?.close();
    await services.deps.media.close();
    // What closing the media finished (recordings) is written before the database closes.
    await services.drainMedia();
    await realtime.close();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `VidInfra Live on ${config.publicUrl} (${db.dialect}); API reference at ${config.publicUrl}/api/docs`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
