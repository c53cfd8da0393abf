import { describe, expect, it } from 'vitest';
import {
  memoryReportStore,
  REPORT_WINDOW_MS,
  summarize,
  viewerReportsService,
  type StoredReport,
} from './viewer-reports.ts';

const report = (latency_ms: number, stall_ms = 0, at = 0): StoredReport => ({
  latency_ms,
  stalls: stall_ms ? 1 : 0,
  stall_ms,
  bitrate_bps: 2_000_000,
  period_ms: 10_000,
  at,
});

describe('summarize', () => {
  it('is null for every figure without reports', () => {
    expect(summarize([])).toEqual({
      reporting_players: 0,
      viewer_latency_p50_ms: null,
      viewer_latency_p95_ms: null,
      rebuffer_ratio: null,
    });
  });

  it('takes the nearest-rank percentiles of latency and stalled over watched time', () => {
    const reports = Array.from({ length: 20 }, (_, i) => report((i + 1) * 100, i === 0 ? 2000 : 0));
    expect(summarize(reports)).toEqual({
      reporting_players: 20,
      viewer_latency_p50_ms: 1000,
      viewer_latency_p95_ms: 1900,
      rebuffer_ratio: 0.01,
    });
  });
});

describe('viewer reports', () => {
  it("counts each player's latest report of the window only", async () => {
    let now = 1_000_000;
    const service = viewerReportsService({ now: () => new Date(now) });
    const figures = { latency_ms: 3000, stalls: 0, stall_ms: 0, bitrate_bps: 1e6, period_ms: 1e4 };
    await service.report('a', { session_id: 's1', ...figures });
    await service.report('a', { session_id: 's1', ...figures, latency_ms: 5000 });
    await service.report('b', { session_id: 's1', ...figures, latency_ms: 7000 });
    await service.report('c', { session_id: 's2', ...figures });
    expect(await service.quality('s1')).toMatchObject({
      reporting_players: 2,
      viewer_latency_p50_ms: 5000,
      viewer_latency_p95_ms: 7000,
    });
    now += REPORT_WINDOW_MS - 1;
    await service.report('b', { session_id: 's1', ...figures, latency_ms: 9000 });
    now += 2;
    expect(await service.quality('s1')).toMatchObject({
      reporting_players: 1,
      viewer_latency_p50_ms: 9000,
    });
  });

  it('forgets a session whose players all went quiet', async () => {
    const store = memoryReportStore();
    await store.put('s1', 'a', report(1000, 0, 0));
    expect(await store.since('s1', 1)).toEqual([]);
    await store.put('s1', 'b', report(2000, 0, 5));
    expect(await store.since('s1', 0)).toEqual([report(2000, 0, 5)]);
  });
});
