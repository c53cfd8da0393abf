import { describe, expect, it } from 'vitest';
import { formatPercent, viewerHealthStats } from './viewer-health.ts';

describe('viewerHealthStats', () => {
  it('shows the reports: players, latency in seconds, rebuffering as a percentage', () => {
    const stats = viewerHealthStats({
      reporting_players: 3,
      viewer_latency_p50_ms: 4100,
      viewer_latency_p95_ms: 6950,
      rebuffer_ratio: 0.021,
    });
    expect(stats.map((s) => s.value)).toEqual(['3', '4.1 s', '7.0 s', '2.1 %']);
  });

  it('shows "—" where there are no reports', () => {
    const stats = viewerHealthStats({
      reporting_players: 0,
      viewer_latency_p50_ms: null,
      viewer_latency_p95_ms: null,
      rebuffer_ratio: null,
    });
    expect(stats.map((s) => s.value)).toEqual(['0', '—', '—', '—']);
  });

  it('rounds larger ratios to whole percentages', () => {
    expect(formatPercent(0.25)).toBe('25 %');
    expect(formatPercent(0)).toBe('0.0 %');
  });
});
