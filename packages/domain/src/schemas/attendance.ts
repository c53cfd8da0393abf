// Attendance: join/leave intervals folded per user, live viewers, and session-wide statistics.
import { z } from 'zod';
import { SessionRole } from '../roles.ts';
import { Count, Id, Seconds, Timestamp, userRef } from './fields.ts';
import { paginated } from './common.ts';

export const AttendanceResponse = z
  .object({
    ...userRef,
    first_join_at: Timestamp,
    /** Absent while the user is still watching. */
    last_leave_at: Timestamp.optional(),
    total_watch_seconds: Seconds,
    /** Number of join → leave intervals (reconnects count). */
    interval_count: z.number().int().min(1),
  })
  .meta({ id: 'AttendanceResponse' });
export type AttendanceResponse = z.infer<typeof AttendanceResponse>;

export const AttendanceListResponse = paginated(AttendanceResponse).meta({
  id: 'AttendanceListResponse',
});
export type AttendanceListResponse = z.infer<typeof AttendanceListResponse>;

export const AttendanceStatsResponse = z
  .object({
    session_id: Id,
    unique_viewers: Count,
    peak_concurrent: Count,
    /** When the peak was reached; absent before anyone joined. */
    peak_at: Timestamp.optional(),
    current_viewers: Count,
    average_watch_seconds: Seconds,
    total_watch_seconds: Seconds,
  })
  .meta({ id: 'AttendanceStatsResponse' });
export type AttendanceStatsResponse = z.infer<typeof AttendanceStatsResponse>;

export const AttendanceExportFormat = z
  .enum(['csv', 'json'])
  .meta({ id: 'AttendanceExportFormat' });
export type AttendanceExportFormat = z.infer<typeof AttendanceExportFormat>;

/** `?format=csv|json` (CSV by default). */
export const AttendanceExportQuery = z
  .strictObject({ format: AttendanceExportFormat.default('csv') })
  .meta({ id: 'AttendanceExportQuery' });
export type AttendanceExportQuery = z.infer<typeof AttendanceExportQuery>;

export const ActiveViewerResponse = z
  .object({ ...userRef, role: SessionRole, joined_at: Timestamp })
  .meta({ id: 'ActiveViewerResponse' });
export type ActiveViewerResponse = z.infer<typeof ActiveViewerResponse>;

export const ActiveViewersResponse = paginated(ActiveViewerResponse).meta({
  id: 'ActiveViewersResponse',
});
export type ActiveViewersResponse = z.infer<typeof ActiveViewersResponse>;

/** `left` is false when the caller had no open attendance interval. */
export const LeaveSessionResponse = z
  .object({ session_id: Id, left: z.boolean() })
  .meta({ id: 'LeaveSessionResponse' });

/**
 * The export over tRPC: the file as `content` (CSV per RFC 4180, or a JSON array). Over REST the
 * same operation streams the file itself (see the `file` flag of operations).
 */
export const AttendanceExportResponse = z
  .object({
    format: AttendanceExportFormat,
    content_type: z.string(),
    filename: z.string(),
    content: z.string(),
  })
  .meta({ id: 'AttendanceExportResponse' });
