// Watch-time arithmetic over attendance intervals; an open interval counts up to `now`.
interface Interval {
  joinedAt: Date;
  leftAt: Date | null;
}

/** An interval of a known viewer. */
export interface ViewerInterval extends Interval {
  userId: string;
}

const seconds = (interval: Interval, now: Date) =>
  Math.max(
    0,
    Math.floor(((interval.leftAt ?? now).getTime() - interval.joinedAt.getTime()) / 1000),
  );

/** Total watched seconds over the intervals. */
export const watchSeconds = (intervals: Interval[], now: Date): number =>
  intervals.reduce((total, interval) => total + seconds(interval, now), 0);

interface Span {
  start: number;
  end: number;
}

/** The intervals as [start, end) spans in ms, open ones ending at `now`, empty ones left out. */
const spansOf = (intervals: Interval[], now: Date): Span[] =>
  intervals
    .map((i) => ({ start: i.joinedAt.getTime(), end: (i.leftAt ?? now).getTime() }))
    .filter((span) => span.end > span.start);

/** Overlapping or touching spans joined into one: the time covered, counted once. */
function union(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const groupByUser = <T extends ViewerInterval>(intervals: T[]): Map<string, T[]> => {
  const byUser = new Map<string, T[]>();
  for (const interval of intervals) {
    const list = byUser.get(interval.userId);
    if (list) list.push(interval);
    else byUser.set(interval.userId, [interval]);
  }
  return byUser;
};

/** One viewer's attendance, folded from their intervals. */
export interface ViewerAttendance {
  firstJoinAt: Date;
  /** Null while one of their intervals is still open. */
  lastLeaveAt: Date | null;
  /** Seconds covered by at least one of their intervals (overlaps count once). */
  totalWatchSeconds: number;
  intervalCount: number;
}

/** Folds one viewer's intervals (at least one). */
export function viewerAttendance(intervals: Interval[], now: Date): ViewerAttendance {
  const first = intervals.reduce((a, b) => (b.joinedAt < a.joinedAt ? b : a));
  const open = intervals.some((i) => i.leftAt === null);
  const lastLeave = intervals.reduce<Date | null>(
    (latest, i) => (i.leftAt && (!latest || i.leftAt > latest) ? i.leftAt : latest),
    null,
  );
  const coveredMs = union(spansOf(intervals, now)).reduce((ms, s) => ms + s.end - s.start, 0);
  return {
    firstJoinAt: first.joinedAt,
    lastLeaveAt: open ? null : lastLeave,
    totalWatchSeconds: Math.floor(coveredMs / 1000),
    intervalCount: intervals.length,
  };
}

/**
 * Most viewers watching at one instant, and the first instant it happened (null: nobody came).
 * A sweep over join (+1) and leave (−1) points of each viewer's merged intervals; at equal times
 * leaves go first, so one viewer leaving as another joins is not two at once.
 */
export function peakConcurrency(
  intervals: ViewerInterval[],
  now: Date,
): { peak: number; at: Date | null } {
  const points: { at: number; delta: 1 | -1 }[] = [];
  for (const own of groupByUser(intervals).values()) {
    for (const span of union(spansOf(own, now))) {
      points.push({ at: span.start, delta: 1 }, { at: span.end, delta: -1 });
    }
  }
  points.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  let peakAt: number | null = null;
  for (const point of points) {
    current += point.delta;
    if (current > peak) {
      peak = current;
      peakAt = point.at;
    }
  }
  return { peak, at: peakAt === null ? null : new Date(peakAt) };
}

export interface AttendanceStats {
  uniqueViewers: number;
  peakConcurrent: number;
  peakAt: Date | null;
  /** Viewers with an open interval. */
  currentViewers: number;
  totalWatchSeconds: number;
  /** Total watch time per unique viewer, rounded to whole seconds. */
  averageWatchSeconds: number;
}

/** Session-wide statistics from every interval of the session. */
export function attendanceStats(intervals: ViewerInterval[], now: Date): AttendanceStats {
  const byUser = groupByUser(intervals);
  let totalWatchSeconds = 0;
  let currentViewers = 0;
  for (const own of byUser.values()) {
    const folded = viewerAttendance(own, now);
    totalWatchSeconds += folded.totalWatchSeconds;
    if (folded.lastLeaveAt === null) currentViewers++;
  }
  const { peak, at } = peakConcurrency(intervals, now);
  const uniqueViewers = byUser.size;
  return {
    uniqueViewers,
    peakConcurrent: peak,
    peakAt: at,
    currentViewers,
    totalWatchSeconds,
    averageWatchSeconds: uniqueViewers ? Math.round(totalWatchSeconds / uniqueViewers) : 0,
  };
}
