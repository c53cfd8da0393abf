// A realtime node's `/metrics` (what the standalone main serves beside Socket.IO): the connected
// sockets gauge follows the gateway's sockets, requests are counted by route, anything else is a
// 404 in the error envelope. Read over real HTTP from loopback, with a Prometheus text parser.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originCheck } from '@vidinfra/services';
import { metricsRoute } from '../src/metrics-route.ts';
import { startGateway } from '../src/start.ts';
import { dialect, useRealtime, waitFor } from './harness.ts';

const rt = useRealtime();
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const http = createServer(metricsRoute(rt.runtime.metrics, { trustProxy: true }));
  const node = await startGateway(http, rt.services, {
    redisUrl: null,
    allowOrigin: originCheck(rt.config.allowedOrigins),
    metrics: rt.runtime.metrics,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  close = node.close;
});
afterAll(async () => close?.());

async function scrape() {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  return parsePrometheusTextFormat(await response.text());
}

const gauge = async (name: string) =>
  Number((await scrape()).find((f) => f.name === name)?.metrics[0]?.value);

describe(`a realtime node's /metrics (${dialect})`, () => {
  it('counts the sockets connected to its gateway', async () => {
    expect(await gauge('vidinfra_realtime_connected_sockets')).toBe(0);
    const viewer = await rt.connected(url, (await rt.account('viewer')).token);
    const anonymous = await rt.connected(url);
    expect(await gauge('vidinfra_realtime_connected_sockets')).toBe(2);
    viewer.disconnect();
    anonymous.disconnect();
    await waitFor(async () => (await gauge('vidinfra_realtime_connected_sockets')) === 0);
  });

  it('refuses a remote client its trusted proxy names, even one claiming to be loopback', async () => {
    // The proxy appends the address it saw; what comes before is the client's own say.
    for (const forwarded of ['203.0.113.9', '127.0.0.1, 203.0.113.9']) {
      const refused = await fetch(`${url}/metrics`, {
        headers: { 'x-forwarded-for': forwarded },
      });
      expect(refused.status, forwarded).toBe(403);
      expect(await refused.json()).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('reports the relay lag and its own requests; other paths are 404 envelopes', async () => {
    const families = await scrape();
    const names = families.map((f) => f.name);
    expect(names).toContain('vidinfra_outbox_relay_lag_seconds');
    expect(names).toContain('http_request_duration_seconds');
    const missing = await fetch(`${url}/api/health`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      success: false,
      error: { code: 'NOT_FOUND' },
      timestamp: expect.any(Number),
    });
  });
});
