// The one runtime of a node: database, media backend, services and metrics built from the
// configuration, for every main (the embedded default, an API node, a standalone realtime node)
// and for the tests and benchmarks. It also owns the close order: the ingest stops taking media,
// the media backend closes, what that finished (recordings) is written, the servers built on
// the runtime close, and the database last.
import type { Server as HttpServer } from 'node:http';
import { openDatabase, type Database } from '@vidinfra/db';
import {
  hlsRoot,
  livekitMediaBackend,
  localMediaBackend,
  recordingsDir,
  type IngestOptions,
  type MediaBackend,
} from '@vidinfra/media';
import { createServices, type Services } from '../index.ts';
import type { Config } from './config.ts';
import { originCheck } from './origins.ts';
import { runtimeMetrics, type RuntimeMetrics } from './metrics.ts';

export interface Runtime {
  readonly config: Config;
  readonly db: Database;
  readonly media: MediaBackend;
  readonly services: Services;
  readonly metrics: RuntimeMetrics;
  /**
   * Serves the media backend's ingest on `server` when it has one (local), admitting only
   * publishers the sessions service admits, from an allowed origin (or none: not a browser);
   * nothing for a backend without one (LiveKit).
   */
  attachIngest(server: HttpServer): void;
  /**
   * Closes `part` (a server or gateway built on this runtime) when the runtime closes: after the
   * media has drained, before the database. The last added closes first: a gateway attached to
   * the API's HTTP server ends its sockets before that server waits for its connections.
   */
  onClose(part: () => Promise<void>): void;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  /** An open database instead of `config.databaseUrl`'s; the caller closes it. */
  db?: Database;
  /** A media backend instead of the configured one; the caller closes it. */
  media?: MediaBackend;
  /** The services' clock (default: the wall clock). */
  now?: () => Date;
}

/** LiveKit when LIVEKIT_URL is set (its egress writes into the data directory we serve from). */
function configuredMedia(config: Config): MediaBackend {
  if (config.livekit.url) {
    return livekitMediaBackend({
      url: config.livekit.url,
      apiKey: config.livekit.apiKey,
      apiSecret: config.livekit.apiSecret,
      publicUrl: config.publicUrl,
      hlsDir: hlsRoot(config.dataDir),
      recordingsDir: recordingsDir(config.dataDir),
    });
  }
  return localMediaBackend({
    publicUrl: config.publicUrl,
    dataDir: config.dataDir,
    quotaBytes: config.mediaSessionQuotaBytes,
    apiKey: config.livekit.apiKey,
    apiSecret: config.livekit.apiSecret,
  });
}

export async function createRuntime(
  config: Config,
  overrides: RuntimeOverrides = {},
): Promise<Runtime> {
  const db = overrides.db ?? (await openDatabase(config.databaseUrl));
  const media = overrides.media ?? configuredMedia(config);
  const services = createServices({
    db,
    config,
    media,
    now: overrides.now ?? (() => new Date()),
  });
  const metrics = runtimeMetrics({ db, media, token: config.metricsToken });
  const ingests: { close(): Promise<void> }[] = [];
  const parts: (() => Promise<void>)[] = [];
  let closing: Promise<void> | null = null;

  const admission: IngestOptions = {
    admit: (sessionId, userId) => services.sessions.admitPublisher(sessionId, userId),
    allowOrigin: originCheck(config.allowedOrigins),
  };

  const close = async () => {
    for (const ingest of ingests) await ingest.close();
    if (!overrides.media) await media.close();
    await services.drainMedia();
    services.stopFollowingMedia();
    for (const part of parts.reverse()) await part();
    if (!overrides.db) await db.close();
  };

  return {
    config,
    db,
    media,
    services,
    metrics,
    attachIngest(server) {
      if (media.ingest) ingests.push(media.ingest.attach(server, admission));
    },
    onClose(part) {
      parts.push(part);
    },
    close: () => (closing ??= close()),
  };
}

/** A main's shutdown: SIGINT or SIGTERM closes the runtime in its order, then ends the process. */
export function closeOnSignals(runtime: Runtime) {
  const close = async () => {
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}
