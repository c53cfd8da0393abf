// `/metrics` for operators: Prometheus text (read with a Prometheus text parser), the series an
// operator needs present, the request histogram counting requests by route pattern, and who may
// read it — loopback clients always, others only with the METRICS_TOKEN bearer.
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { recordEvent } from '@vidinfra/services';
import { describe, expect, it, vi } from 'vitest';
import { dialect, useTestApp, type TestApp } from './harness.ts';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const REMOTE = '203.0.113.7';

const api = useTestApp();
const withToken = useTestApp({ METRICS_TOKEN });
const behindProxy = useTestApp({ TRUST_PROXY: 'true' });

async function scrapeText(app: TestApp): Promise<string> {
  const response = await app.app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

const scrape = async (app: TestApp) => parsePrometheusTextFormat(await scrapeText(app));

/**
 * A histogram's series one by one. The parser folds a labelled histogram into one series without
 * its labels (it keeps the labels of counters and gauges): declared untyped, its `_bucket`,
 * `_sum` and `_count` samples come back as plain samples with their labels.
 */
const histogramSeries = async (app: TestApp, name: string) =>
  parsePrometheusTextFormat(
    (await scrapeText(app)).replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped'),
  )
    .filter((f) => f.name === `${name}_count`)
    .flatMap((f) => f.metrics);

/** Polls `check` until it holds (a deadline fails the test). */
const family = (families: PrometheusFamily[], name: string) => {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name} in the metrics`);
  return found;
};

/** Requests counted for one route pattern, method and status. */
const requestCount = (series: PrometheusFamily['metrics'], route: string, status: number) =>
  Number(
    series.find(
      (m) =>
        m.labels?.route === route &&
        m.labels?.method === 'GET' &&
        m.labels?.status_code === String(status),
    )?.value ?? 0,
  );

describe(`/metrics (${dialect})`, () => {
  it('serves the operator series in the Prometheus text format', async () => {
    const families = await scrape(api);
    expect(family(families, 'http_request_duration_seconds').type).toBe('HISTOGRAM');
    for (const gauge of [
      'vidinfra_realtime_connected_sockets',
      'vidinfra_outbox_relay_lag_seconds',
      'vidinfra_media_live_sessions',
      'vidinfra_media_ffmpeg_processes',
    ]) {
      expect(family(families, gauge).type, gauge).toBe('GAUGE');
      expect(Number(family(families, gauge).metrics[0]?.value), gauge).toBe(0);
    }
    expect(family(families, 'vidinfra_media_ingest_received_bytes_total').type).toBe('COUNTER');
  });

  it('counts each request under its route pattern and status, never its raw URL', async () => {
    const requests = () => histogramSeries(api, 'http_request_duration_seconds');
    const before = await requests();
    const roomId = '00000000-0000-7000-8000-000000000000';
    expect((await api.call('GET', '/api/health')).status).toBe(200);
    expect((await api.call('GET', `/api/rooms/${roomId}`)).status).toBe(404);
    expect((await api.call('GET', '/no/such/page')).status).toBe(404);
    const after = await requests();
    for (const [route, status] of [
      ['/api/health', 200],
      ['/api/rooms/:id', 404],
      ['unmatched', 404],
    ] as const) {
      expect(requestCount(after, route, status), route).toBe(
        requestCount(before, route, status) + 1,
      );
    }
    const routes = after.map((m) => m.labels?.route);
    expect(routes).not.toContain(`/api/rooms/${roomId}`);
    expect(routes).not.toContain('/no/such/page');
  });

  it('shows the relay lag of a committed event no relay has taken, growing while it waits', async () => {
    // No gateway runs beside this API: the event waits in the outbox, and its age is the lag.
    const host = await api.account('host');
    const room = await api.db.repos.rooms.create({
      ownerId: host.id,
      name: 'R',
      visibility: 'public',
    });
    const session = await api.db.repos.sessions.create({
      roomId: room.id,
      title: 'Lagging',
      scheduledAt: new Date(),
      settings: {},
    });
    await api.db.transaction((r) =>
      recordEvent(r, 'host.video', session.id, { session_id: session.id, enabled: true }),
    );
    const lag = async () =>
      Number(family(await scrape(api), 'vidinfra_outbox_relay_lag_seconds').metrics[0]?.value);
    const first = await lag();
    expect(first).toBeGreaterThanOrEqual(0);
    await vi.waitUntil(async () => (await lag()) > first, { timeout: 5000, interval: 10 });
  });
});

describe(`who may read /metrics (${dialect})`, () => {
  const fromRemote = (app: TestApp, authorization?: string) =>
    app.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: REMOTE,
      headers: authorization ? { authorization } : {},
    });

  it('refuses a remote client when no METRICS_TOKEN is set (403 in the error envelope)', async () => {
    const refused = await fromRemote(api, `Bearer ${METRICS_TOKEN}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      success: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('loopback') },
      timestamp: expect.any(Number),
    });
  });

  it('answers a remote client bearing METRICS_TOKEN, and only that client', async () => {
    const answered = await fromRemote(withToken, `Bearer ${METRICS_TOKEN}`);
    expect(answered.statusCode).toBe(200);
    expect(parsePrometheusTextFormat(answered.body).length).toBeGreaterThan(0);
    for (const wrong of [undefined, 'Bearer not-the-token', METRICS_TOKEN]) {
      const refused = await fromRemote(withToken, wrong);
      expect(refused.statusCode, String(wrong)).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('behind its proxy, takes the address the proxy appended, not one the client claims', async () => {
    // The local proxy (127.0.0.1) appends what it saw; what comes before is the client's own say.
    for (const forwarded of [REMOTE, `127.0.0.1, ${REMOTE}`]) {
      const refused = await behindProxy.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': forwarded },
      });
      expect(refused.statusCode, forwarded).toBe(403);
    }
    const local = await behindProxy.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(local.statusCode).toBe(200);
  });

  it('answers loopback clients (IPv4 and IPv6) without a token', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const answered = await withToken.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
      });
      expect(answered.statusCode, remoteAddress).toBe(200);
    }
  });
});
