// Attendance: the caller leaving (closing their interval), who is watching now, and per-user and
// session-wide figures folded from the join/leave intervals, also as a CSV or JSON export.
import type {
  ActiveViewersResponse,
  AttendanceExportFormat,
  AttendanceListResponse,
  AttendanceResponse,
  AttendanceStatsResponse,
  PaginationQuery,
} from '@vidinfra/domain';
import type { AttendanceInterval, Database } from '@vidinfra/db';
import type { LoadedSession } from './access.ts';
import type { Actor } from './actor.ts';
import { attendanceStats, viewerAttendance } from './attendance-math.ts';
import type { Deps } from './deps.ts';
import { closeAttendance, openAttendance } from './attendance-rules.ts';
import { iso, isoOrUndefined } from './mappers.ts';
import { csvRecord } from './engagement/csv.ts';
import { sessionRoleOf } from './session-facts.ts';

/** Attendees read per query while exporting. */
const EXPORT_BATCH = 500;

const CSV_COLUMNS = [
  'user_id',
  'display_name',
  'email',
  'first_join_at',
  'last_leave_at',
  'total_watch_seconds',
  'interval_count',
] as const;

type ExportRow = AttendanceResponse & { email?: string };

export interface AttendanceExport {
  format: AttendanceExportFormat;
  content_type: string;
  filename: string;
  /** The file a chunk per batch of attendees: CSV (RFC 4180, CRLF) or a JSON array of rows. */
  chunks: AsyncIterable<string>;
}

type Batches = AsyncIterable<{ first: boolean; rows: ExportRow[] }>;

async function* csvChunks(batches: Batches) {
  for await (const { first, rows } of batches) {
    const records = rows.map((row) => csvRecord(CSV_COLUMNS.map((column) => row[column])));
    yield (first ? csvRecord(CSV_COLUMNS) : '') + records.join('');
  }
}

async function* jsonChunks(batches: Batches) {
  let empty = true;
  for await (const { first, rows } of batches) {
    const items = rows.map((row) => JSON.stringify(row)).join(',');
    yield (first ? '[' : '') + (items && !empty ? ',' : '') + items;
    if (items) empty = false;
  }
  yield ']';
}

/** One page of attendees with their intervals folded, in two queries. */
async function attendeesPage(db: Database, sessionId: string, request: PaginationQuery, at: Date) {
  const page = await db.repos.attendance.attendeesPage(sessionId, request);
  const intervals = await db.repos.attendance.intervalsOf(
    sessionId,
    page.items.map((row) => row.userId),
  );
  const byUser = new Map<string, AttendanceInterval[]>();
  for (const interval of intervals) {
    const own = byUser.get(interval.userId);
    if (own) own.push(interval);
    else byUser.set(interval.userId, [interval]);
  }
  const items = page.items.map((row): ExportRow => {
    const folded = viewerAttendance(byUser.get(row.userId) ?? [], at);
    return {
      user_id: row.userId,
      display_name: row.displayName,
      email: row.email ?? undefined,
      first_join_at: iso(folded.firstJoinAt),
      last_leave_at: isoOrUndefined(folded.lastLeaveAt),
      total_watch_seconds: folded.totalWatchSeconds,
      interval_count: folded.intervalCount,
    };
  });
  return { ...page, items };
}

export const attendanceService = ({ db, now }: Deps) => ({
  /** Closes the caller's open interval, if any (`left` says whether there was one). */
  async leave({ session }: LoadedSession, actor: Actor) {
    const left = await db.transaction((r) =>
      closeAttendance(r, { sessionId: session.id, userId: actor.id, at: now() }),
    );
    return { session_id: session.id, left };
  },

  /**
   * A viewer of realtime node `nodeId` follows the session: opens their interval while the
   * session is on (the rule the media webhook follows too). False when nothing opened.
   */
  present(sessionId: string, userId: string, nodeId: string): Promise<boolean> {
    return db.transaction((r) => openAttendance(r, { sessionId, userId, at: now(), nodeId }));
  },

  /** The viewer stopped following the session at `at`: closes their open interval. */
  absent(sessionId: string, userId: string, at: Date = now()): Promise<boolean> {
    return db.transaction((r) => closeAttendance(r, { sessionId, userId, at }));
  },

  /** Viewers watching now (open intervals) per session, the sessions' `viewer_count`. */
  viewerCounts(sessionIds: string[]): Promise<Record<string, number>> {
    return db.repos.sessions.viewerCounts(sessionIds);
  },

  async viewers(
    { session, room }: LoadedSession,
    query: PaginationQuery,
  ): Promise<ActiveViewersResponse> {
    const page = await db.repos.attendance.activePage(session.id, query);
    return {
      ...page,
      items: page.items.map((row) => ({
        user_id: row.userId,
        display_name: row.displayName,
        role: sessionRoleOf(room, row.userId, row.participantRole, row.onStage),
        joined_at: iso(row.joinedAt),
      })),
    };
  },

  async list({ session }: LoadedSession, query: PaginationQuery): Promise<AttendanceListResponse> {
    const page = await attendeesPage(db, session.id, query, now());
    return { ...page, items: page.items.map(({ email: _email, ...row }) => row) };
  },

  async stats({ session }: LoadedSession): Promise<AttendanceStatsResponse> {
    const stats = attendanceStats(await db.repos.attendance.intervals(session.id), now());
    return {
      session_id: session.id,
      unique_viewers: stats.uniqueViewers,
      peak_concurrent: stats.peakConcurrent,
      peak_at: isoOrUndefined(stats.peakAt),
      current_viewers: stats.currentViewers,
      average_watch_seconds: stats.averageWatchSeconds,
      total_watch_seconds: stats.totalWatchSeconds,
    };
  },

  /** Every attendee (with email) as CSV or JSON, produced a batch of attendees at a time. */
  async export(
    { session }: LoadedSession,
    format: AttendanceExportFormat,
  ): Promise<AttendanceExport> {
    const at = now();
    async function* batches() {
      for (let page = 1; ; page++) {
        const batch = await attendeesPage(db, session.id, { page, limit: EXPORT_BATCH }, at);
        yield { first: page === 1, rows: batch.items };
        if (batch.items.length < EXPORT_BATCH) return;
      }
    }
    const filename = `attendance-${session.id}.${format}`;
    return format === 'json'
      ? { format, content_type: 'application/json', filename, chunks: jsonChunks(batches()) }
      : { format, content_type: 'text/csv; charset=utf-8', filename, chunks: csvChunks(batches()) };
  },
});
