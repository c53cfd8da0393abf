// The operator's metrics of one node, in Prometheus' text format at `/metrics`: HTTP request
// durations, connected sockets, outbox relay lag, and what the local media ingest is doing. One
// registry per runtime (never prom-client's global one): several runtimes in one process (tests)
// keep their series apart.
import type { Database } from '@vidinfra/db';
import type { MediaBackend } from '@vidinfra/media';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { metricsAccess, type MetricsAnswer, type MetricsRequest } from './metrics-access.ts';

export type { MetricsAnswer, MetricsRequest } from './metrics-access.ts';

export interface RuntimeMetrics {
  readonly registry: Registry;
  /** One answered HTTP request: its route pattern (`/api/sessions/:id`), never the raw URL. */
  observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
  /** The gateway running here reports how many sockets it holds. */
  watchSockets(count: () => number): void;
  /** The body of `/metrics` for this caller, or the 403 envelope. */
  answer(request: MetricsRequest): Promise<MetricsAnswer>;
}

export function runtimeMetrics(options: {
  db: Database;
  media: MediaBackend;
  token: string | null;
}): RuntimeMetrics {
  const { db, media } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests answered by this node, by route pattern, method and status',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  let sockets: () => number = () => 0;
  new Gauge({
    name: 'vidinfra_realtime_connected_sockets',
    help: 'Socket.IO clients connected to the gateway of this node',
    registers: [registry],
    collect() {
      this.set(sockets());
    },
  });

  new Gauge({
    name: 'vidinfra_outbox_relay_lag_seconds',
    help: 'Age of the oldest committed event not yet relayed to the sockets (0 when none waits)',
    registers: [registry],
    async collect() {
      const [oldest] = await db.repos.outbox.undelivered(1);
      this.set(oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0);
    },
  });

  const ingest = media.ingest;
  if (ingest) {
    new Gauge({
      name: 'vidinfra_media_live_sessions',
      help: 'Sessions whose local HLS output was started and not stopped',
      registers: [registry],
      collect() {
        this.set(ingest.stats().liveSessions);
      },
    });
    new Gauge({
      name: 'vidinfra_media_ffmpeg_processes',
      help: 'ffmpeg processes making HLS outputs on this node',
      registers: [registry],
      collect() {
        this.set(ingest.stats().ffmpegProcesses);
      },
    });
    let counted = 0;
    new Counter({
      name: 'vidinfra_media_ingest_received_bytes_total',
      help: 'Media bytes received from publishers by the local ingest',
      registers: [registry],
      collect() {
        const total = ingest.stats().bytesReceived;
        this.inc(total - counted);
        counted = total;
      },
    });
  }

  const access = metricsAccess(options.token);
  return {
    registry,
    observeRequest: ({ method, route, status, seconds }) =>
      requests.observe({ method, route, status_code: String(status) }, seconds),
    watchSockets(count) {
      sockets = count;
    },
    async answer(request) {
      const refusal = access(request);
      if (refusal) return refusal;
      return { status: 200, contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
