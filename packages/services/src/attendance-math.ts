// Watch-time arithmetic over attendance intervals; an open interval counts up to `now`.
interface Interval {
  joinedAt: Date;
  leftAt: Date | null;
}

const seconds = (interval: Interval, now: Date) =>
  Math.max(
    0,
    Math.floor(((interval.leftAt ?? now).getTime() - interval.joinedAt.getTime()) / 1000),
  );

/** Total watched seconds over the intervals. */
export const watchSeconds = (intervals: Interval[], now: Date): number =>
  intervals.reduce((total, interval) => total + seconds(interval, now), 0);
