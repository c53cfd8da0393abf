import { describe, expect, it } from 'vitest';
import { AT, LATER, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  ActiveViewersResponse,
  AttendanceExportQuery,
  AttendanceListResponse,
  AttendanceResponse,
  AttendanceStatsResponse,
} from './attendance.ts';

describe('attendance', () => {
  const row = {
    user_id: uuid(),
    display_name: 'Bob',
    first_join_at: AT,
    last_leave_at: LATER,
    total_watch_seconds: 1800,
    interval_count: 2,
  };

  it('folds intervals per user', () => {
    expect(parses(AttendanceResponse, row)).toEqual(row);
    expect(AttendanceResponse.safeParse({ ...row, last_leave_at: undefined }).success).toBe(true);
    rejectsAt(AttendanceResponse, { ...row, interval_count: 0 }, ['interval_count']);
    rejectsAt(AttendanceResponse, { ...row, total_watch_seconds: -5 }, ['total_watch_seconds']);
    const page = { items: [row], total: 1, page: 1, limit: 20 };
    expect(AttendanceListResponse.safeParse(page).success).toBe(true);
  });

  it('summarizes unique, peak and average', () => {
    const stats = {
      session_id: uuid(),
      unique_viewers: 10,
      peak_concurrent: 7,
      peak_at: AT,
      current_viewers: 0,
      average_watch_seconds: 900,
      total_watch_seconds: 9000,
    };
    expect(parses(AttendanceStatsResponse, stats)).toEqual(stats);
  });

  it('exports as CSV unless JSON is asked for', () => {
    expect(parses(AttendanceExportQuery, {})).toEqual({ format: 'csv' });
    expect(parses(AttendanceExportQuery, { format: 'json' })).toEqual({ format: 'json' });
    rejectsAt(AttendanceExportQuery, { format: 'xlsx' }, ['format']);
  });

  it('lists active viewers with their role', () => {
    const viewer = { user_id: uuid(), display_name: 'Bob', role: 'viewer', joined_at: AT };
    const page = { items: [viewer], total: 1, page: 1, limit: 20 };
    expect(parses(ActiveViewersResponse, page)).toEqual(page);
  });
});
