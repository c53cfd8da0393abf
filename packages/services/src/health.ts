import { DomainError, type ComponentHealth, type HealthResponse } from '@vidinfra/domain';
import type { Deps } from './deps.ts';

const startedAt = Date.now();

async function timed(check: () => Promise<boolean>): Promise<ComponentHealth> {
  const start = performance.now();
  try {
    const ok = await check();
    return {
      status: ok ? 'up' : 'down',
      latency_ms: Math.round((performance.now() - start) * 100) / 100,
    };
  } catch {
    return { status: 'down', message: 'not answering' };
  }
}

const NO_GATEWAY: ComponentHealth = {
  status: 'down',
  message: 'no realtime gateway runs in this process',
};

export const healthService = ({ db, media, now }: Deps) => {
  let realtime: (() => Promise<boolean>) | null = null;
  return {
    /** The realtime gateway started beside this API reports itself here (and how to probe it). */
    watchRealtime(check: () => Promise<boolean>): void {
      realtime = check;
    },

    /** Component states; 503 UNAVAILABLE (with the states as details) when the database is down. */
    async check(): Promise<HealthResponse> {
      const [dbHealth, realtimeHealth, mediaHealth] = await Promise.all([
        timed(async () => (await db.ping(), true)),
        realtime ? timed(realtime) : NO_GATEWAY,
        timed(() => media.available()),
      ]);
      if (dbHealth.status === 'down') {
        throw new DomainError('UNAVAILABLE', 'the database is not answering', {
          details: [{ field: 'db', message: 'down' }],
        });
      }
      const allUp = [realtimeHealth, mediaHealth].every((c) => c.status === 'up');
      return {
        status: allUp ? 'up' : 'degraded',
        checks: { db: dbHealth, realtime: realtimeHealth, media: mediaHealth },
        media_backend: media.kind,
        uptime_seconds: Math.floor((Date.now() - startedAt) / 1000),
        checked_at: now().toISOString(),
      };
    },
  };
};
