// The API server on a runtime, ready to listen: the first admin made if there is none,
// recordings a restart interrupted failed (retryable), the local ingest on the same port, and
// the server closed with the runtime (after the media drained, before the database).
import type { Runtime } from '@vidinfra/services';
import { ensureAdmin } from './first-start.ts';
import { buildServer } from './server.ts';

export async function startApiServer(runtime: Runtime) {
  const app = await buildServer(runtime);
  await ensureAdmin(runtime.db, runtime.config.admin, (line) => app.log.warn(line));
  const interrupted = await runtime.services.recordings.failInterrupted();
  if (interrupted)
    app.log.warn(`${interrupted} recordings interrupted by the last stop: retryable`);
  // The local media ingest (WebSocket upgrades under /ingest/); nothing for the LiveKit backend.
  runtime.attachIngest(app.server);
  runtime.onClose(() => app.close());
  return app;
}
