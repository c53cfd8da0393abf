import { describe, expect, it } from 'vitest';
import {
  attendanceStats,
  peakConcurrency,
  viewerAttendance,
  watchSeconds,
  type ViewerInterval,
} from './attendance-math.ts';

const T0 = Date.parse('2030-01-01T10:00:00.000Z');
/** The instant `s` seconds after T0. */
const at = (s: number) => new Date(T0 + s * 1000);
const interval = (userId: string, from: number, to: number | null): ViewerInterval => ({
  userId,
  joinedAt: at(from),
  leftAt: to === null ? null : at(to),
});

describe('watchSeconds', () => {
  it('sums whole seconds, open intervals up to now', () => {
    const now = at(100);
    expect(watchSeconds([interval('a', 0, 10), interval('b', 5, null)], now)).toBe(10 + 95);
  });
});

describe('viewerAttendance', () => {
  it('folds reconnects: first join, last leave, covered time, interval count', () => {
    const folded = viewerAttendance(
      [interval('a', 0, 30), interval('a', 60, 90), interval('a', 100, 101.5)],
      at(500),
    );
    expect(folded).toEqual({
      firstJoinAt: at(0),
      lastLeaveAt: at(101.5),
      totalWatchSeconds: 61,
      intervalCount: 3,
    });
  });

  it('has no last leave while an interval is open, and counts it up to now', () => {
    const folded = viewerAttendance([interval('a', 0, 30), interval('a', 40, null)], at(100));
    expect(folded.lastLeaveAt).toBeNull();
    expect(folded.totalWatchSeconds).toBe(30 + 60);
  });

  it('counts overlapping intervals of one viewer once', () => {
    const folded = viewerAttendance([interval('a', 0, 50), interval('a', 20, 80)], at(100));
    expect(folded.totalWatchSeconds).toBe(80);
    expect(folded.intervalCount).toBe(2);
  });
});

describe('peakConcurrency', () => {
  it('is zero with no one, and has no time', () => {
    expect(peakConcurrency([], at(0))).toEqual({ peak: 0, at: null });
  });

  it('finds the most viewers at one instant among overlapping intervals', () => {
    // a: 0–60, b: 10–30, c: 20–50, d: 40–70 → at 20–30 three (a, b, c); at 40–50 three (a, c, d).
    const intervals = [
      interval('a', 0, 60),
      interval('b', 10, 30),
      interval('c', 20, 50),
      interval('d', 40, 70),
    ];
    expect(peakConcurrency(intervals, at(1000))).toEqual({ peak: 3, at: at(20) });
  });

  it('does not count a leave and a join at the same instant as two viewers', () => {
    const intervals = [interval('a', 0, 10), interval('b', 10, 20), interval('c', 20, 30)];
    expect(peakConcurrency(intervals, at(100)).peak).toBe(1);
  });

  it('counts still-open intervals as watching until now', () => {
    // a: 0–open, b: 50–open, c: 10–40 → 0–10 one; 10–40 two; 50–now two; at now=60 both open.
    const intervals = [interval('a', 0, null), interval('b', 50, null), interval('c', 10, 40)];
    expect(peakConcurrency(intervals, at(60))).toEqual({ peak: 2, at: at(10) });
    expect(peakConcurrency([...intervals, interval('d', 55, null)], at(60))).toEqual({
      peak: 3,
      at: at(55),
    });
  });

  it('counts one viewer once even when their own intervals overlap', () => {
    const intervals = [interval('a', 0, 50), interval('a', 10, 20), interval('b', 30, 40)];
    expect(peakConcurrency(intervals, at(100))).toEqual({ peak: 2, at: at(30) });
  });

  it('leaves out empty intervals', () => {
    expect(peakConcurrency([interval('a', 5, 5)], at(10))).toEqual({ peak: 0, at: null });
  });
});

describe('attendanceStats', () => {
  it('gives unique viewers, peak, current viewers, total and average watch time', () => {
    // a: 0–100 and 200–250 (150 s), b: 50–open at now=300 (250 s), c: 60–90 (30 s).
    // Peak: 60–90 a, b, c → 3 at 60. Current: b. Total 430, average 430 / 3 = 143.33 → 143.
    const intervals = [
      interval('a', 0, 100),
      interval('b', 50, null),
      interval('c', 60, 90),
      interval('a', 200, 250),
    ];
    expect(attendanceStats(intervals, at(300))).toEqual({
      uniqueViewers: 3,
      peakConcurrent: 3,
      peakAt: at(60),
      currentViewers: 1,
      totalWatchSeconds: 430,
      averageWatchSeconds: 143,
    });
  });

  it('is all zeros before anyone joined', () => {
    expect(attendanceStats([], at(0))).toEqual({
      uniqueViewers: 0,
      peakConcurrent: 0,
      peakAt: null,
      currentViewers: 0,
      totalWatchSeconds: 0,
      averageWatchSeconds: 0,
    });
  });
});
