import { describe, expect, it } from 'vitest';
import { AT, parses, rejectsAt } from '../testing/fixtures.ts';
import { HealthResponse, overallHealth } from './health.ts';
import { StorageCleanupResponse, StorageStatusResponse } from './admin.ts';
import { ReminderStatusResponse } from './reminders.ts';
import { uuid } from '../testing/fixtures.ts';

describe('HealthResponse', () => {
  it('reports db, realtime and media', () => {
    const health = {
      status: 'degraded',
      checks: {
        db: { status: 'up', latency_ms: 1.5 },
        realtime: { status: 'up' },
        media: { status: 'down', message: 'ffmpeg not found' },
      },
      media_backend: 'local',
      uptime_seconds: 12,
      checked_at: AT,
    };
    expect(parses(HealthResponse, health)).toEqual(health);
    rejectsAt(HealthResponse, { ...health, media_backend: 'wowza' }, ['media_backend']);
  });

  it.each([
    [{ db: 'up', realtime: 'up', media: 'up' }, 'up'],
    [{ db: 'up', realtime: 'degraded', media: 'up' }, 'degraded'],
    [{ db: 'up', realtime: 'up', media: 'down' }, 'degraded'],
    [{ db: 'down', realtime: 'up', media: 'up' }, 'down'],
  ] as const)('overall of %j is %s', (checks, expected) => {
    expect(overallHealth(checks)).toBe(expected);
  });
});

describe('admin storage', () => {
  it('reports usage with per-status counts and free disk', () => {
    const status = {
      bytes_used: 3000,
      recordings_bytes: 2000,
      hls_bytes: 1000,
      recordings_by_status: { recording: 1, processing: 0, ready: 5, failed: 1 },
      free_bytes: 10_000,
      total_bytes: 20_000,
      checked_at: AT,
    };
    expect(parses(StorageStatusResponse, status)).toEqual(status);
    rejectsAt(StorageStatusResponse, { ...status, recordings_by_status: { ready: 5 } }, [
      'recordings_by_status',
      'recording',
    ]);
  });

  it('reports what a cleanup freed', () => {
    const report = {
      deleted_files: 4,
      freed_bytes: 1024,
      failed_files: 0,
      started_at: AT,
      finished_at: AT,
    };
    expect(parses(StorageCleanupResponse, report)).toEqual(report);
  });
});

describe('ReminderStatusResponse', () => {
  it('says whether the caller is subscribed to a room', () => {
    const room_id = uuid();
    expect(parses(ReminderStatusResponse, { room_id, subscribed: false })).toEqual({
      room_id,
      subscribed: false,
    });
  });
});
