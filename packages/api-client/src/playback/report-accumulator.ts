// What a watching player reports about its playback (`playback:report`), gathered between two
// reports: the stalls (a `waiting` until the next `playing`) and their total duration. A stall
// still going on when the report is taken counts in this period up to then, and the rest of it
// in the next one. Times are wall-clock milliseconds, given by the caller (so tests set them).
import type { PlaybackReport } from '@vidinfra/domain';

/** The shortest period a report may cover (the contract's minimum). */
const MIN_PERIOD_MS = 1000;
/** The longest period a report may cover (the contract's maximum). */
const MAX_PERIOD_MS = 60_000;

export type PlaybackSample = Omit<PlaybackReport, 'session_id'>;

export interface PlaybackReportAccumulator {
  stallStarted(at: number): void;
  stallEnded(at: number): void;
  /** The report since the previous one, then a new period starts; null if under a second. */
  take(at: number, latencyMs: number, bitrateBps: number): PlaybackSample | null;
}

export function createPlaybackReportAccumulator(startedAt: number): PlaybackReportAccumulator {
  let periodStart = startedAt;
  let stalls = 0;
  let stallMs = 0;
  /** When the stall going on began (or this period began, if it began before), else null. */
  let stalledSince: number | null = null;

  return {
    stallStarted(at) {
      if (stalledSince !== null) return;
      stalledSince = Math.max(at, periodStart);
      stalls += 1;
    },
    stallEnded(at) {
      if (stalledSince === null) return;
      stallMs += Math.max(0, at - stalledSince);
      stalledSince = null;
    },
    take(at, latencyMs, bitrateBps) {
      const elapsed = at - periodStart;
      if (elapsed < MIN_PERIOD_MS) return null;
      // A period longer than the contract allows (a sleeping tab): report its last minute.
      const periodMs = Math.min(Math.round(elapsed), MAX_PERIOD_MS);
      const ongoing = stalledSince === null ? 0 : at - stalledSince;
      const sample: PlaybackSample = {
        latency_ms: Math.min(Math.max(0, Math.round(latencyMs)), 10 * 60_000),
        stalls,
        stall_ms: Math.min(Math.round(stallMs + ongoing), periodMs),
        bitrate_bps: Math.max(0, Math.round(bitrateBps)),
        period_ms: periodMs,
      };
      periodStart = at;
      stalls = 0;
      stallMs = 0;
      if (stalledSince !== null) stalledSince = at;
      return sample;
    },
  };
}
