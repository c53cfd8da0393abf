// A watching player's playback quality, reported over the socket (`playback:report`) about every
// 10 s: what the host side sees of its viewers in the session's stream health.
import { z } from 'zod';
import { Count, Id, Timestamp } from '../schemas/fields.ts';

/** The longest period one report may cover. */
export const MAX_REPORT_PERIOD_MS = 60_000;

const Ms = z.number().int().nonnegative();

export const PlaybackReport = z
  .strictObject({
    session_id: Id,
    /** How far behind live the player is (from the playlist's program date time). */
    latency_ms: Ms.max(10 * 60_000),
    /** Stalls (rebuffering) in the period, and their total duration. */
    stalls: Count.max(10_000),
    stall_ms: Ms,
    /** The bitrate the player is playing at. */
    bitrate_bps: Count.max(1_000_000_000),
    /** The time the report covers, since the player's previous report. */
    period_ms: Ms.min(1000).max(MAX_REPORT_PERIOD_MS),
  })
  .refine((report) => report.stall_ms <= report.period_ms, {
    path: ['stall_ms'],
    message: 'stall_ms cannot exceed period_ms',
  })
  .meta({ id: 'PlaybackReport' });
export type PlaybackReport = z.infer<typeof PlaybackReport>;

/** The report was taken into the session's stream health. */
export const PlaybackReportResult = z
  .object({ session_id: Id, received_at: Timestamp })
  .meta({ id: 'PlaybackReportResult' });
export type PlaybackReportResult = z.infer<typeof PlaybackReportResult>;
