// Health check: db, realtime and media backend status (the API answers 503 when the db is down).
import { z } from 'zod';
import { Seconds, Timestamp } from './fields.ts';

export const ComponentStatus = z.enum(['up', 'degraded', 'down']).meta({ id: 'ComponentStatus' });
export type ComponentStatus = z.infer<typeof ComponentStatus>;

export const ComponentHealth = z
  .object({
    status: ComponentStatus,
    latency_ms: z.number().nonnegative().optional(),
    message: z.string().optional(),
  })
  .meta({ id: 'ComponentHealth' });
export type ComponentHealth = z.infer<typeof ComponentHealth>;

export const MediaBackend = z.enum(['local', 'livekit']).meta({ id: 'MediaBackend' });
export type MediaBackend = z.infer<typeof MediaBackend>;

export const HealthResponse = z
  .object({
    /** `down` when the db is down, `degraded` when anything else is not `up`. */
    status: ComponentStatus,
    checks: z.object({ db: ComponentHealth, realtime: ComponentHealth, media: ComponentHealth }),
    media_backend: MediaBackend,
    version: z.string().optional(),
    uptime_seconds: Seconds,
    checked_at: Timestamp,
  })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof HealthResponse>;

/** The overall status from the component statuses: the db decides `down`. */
export function overallHealth(checks: {
  db: ComponentStatus;
  realtime: ComponentStatus;
  media: ComponentStatus;
}): ComponentStatus {
  if (checks.db === 'down') return 'down';
  return Object.values(checks).every((status) => status === 'up') ? 'up' : 'degraded';
}
