import { PlaybackReport } from '@vidinfra/domain';
import { describe, expect, it } from 'vitest';
import { createPlaybackReportAccumulator } from './report-accumulator.ts';

const T0 = 1_700_000_000_000;

describe('createPlaybackReportAccumulator', () => {
  it('reports a quiet period with no stalls', () => {
    const acc = createPlaybackReportAccumulator(T0);
    expect(acc.take(T0 + 10_000, 4200.4, 2_500_000)).toEqual({
      latency_ms: 4200,
      stalls: 0,
      stall_ms: 0,
      bitrate_bps: 2_500_000,
      period_ms: 10_000,
    });
  });

  it('counts the stalls of the period and their total duration', () => {
    const acc = createPlaybackReportAccumulator(T0);
    acc.stallStarted(T0 + 1000);
    acc.stallEnded(T0 + 1500);
    acc.stallStarted(T0 + 4000);
    acc.stallStarted(T0 + 4100); // a second `waiting` during the same stall
    acc.stallEnded(T0 + 5000);
    acc.stallEnded(T0 + 6000); // a `playing` with no stall going on
    expect(acc.take(T0 + 10_000, 3000, 1_000_000)).toMatchObject({ stalls: 2, stall_ms: 1500 });
  });

  it('starts a new period after each report', () => {
    const acc = createPlaybackReportAccumulator(T0);
    acc.stallStarted(T0 + 1000);
    acc.stallEnded(T0 + 2000);
    acc.take(T0 + 10_000, 3000, 0);
    expect(acc.take(T0 + 20_000, 3000, 0)).toMatchObject({
      stalls: 0,
      stall_ms: 0,
      period_ms: 10_000,
    });
  });

  it('splits a stall across the reports it spans', () => {
    const acc = createPlaybackReportAccumulator(T0);
    acc.stallStarted(T0 + 8000);
    expect(acc.take(T0 + 10_000, 3000, 0)).toMatchObject({ stalls: 1, stall_ms: 2000 });
    acc.stallEnded(T0 + 13_000);
    // The same stall is not counted again; its remaining 3 s land in the second period.
    expect(acc.take(T0 + 20_000, 3000, 0)).toMatchObject({ stalls: 0, stall_ms: 3000 });
  });

  it('answers null for a period under a second', () => {
    const acc = createPlaybackReportAccumulator(T0);
    expect(acc.take(T0 + 999, 3000, 0)).toBeNull();
    expect(acc.take(T0 + 1000, 3000, 0)).toMatchObject({ period_ms: 1000 });
  });

  it('keeps every report inside the contract, even after a sleeping tab', () => {
    const acc = createPlaybackReportAccumulator(T0);
    acc.stallStarted(T0 + 1000);
    const sample = acc.take(T0 + 5 * 60_000, 20 * 60_000, -1);
    expect(sample).toMatchObject({ period_ms: 60_000, stall_ms: 60_000, latency_ms: 600_000 });
    expect(sample && sample.bitrate_bps).toBe(0);
    const report = { session_id: '0190a0c4-1d2e-7f00-8000-000000000001', ...sample };
    expect(PlaybackReport.safeParse(report).success).toBe(true);
  });
});
