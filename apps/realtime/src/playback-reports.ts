// The players' playback reports in Redis when the gateway is scaled out: one hash per session,
// one field per player (its latest report), so every node and the API read the same figures.
// Fields older than the report window are dropped as they are read; an idle session's hash
// expires by itself.
import { REPORT_WINDOW_MS, type PlaybackReportStore, type StoredReport } from '@vidinfra/services';
import type { createClient } from 'redis';

const keyOf = (sessionId: string) => `vidinfra:playback-reports:${sessionId}`;

export function redisReportStore(client: ReturnType<typeof createClient>): PlaybackReportStore {
  return {
    async put(sessionId, player, report) {
      const key = keyOf(sessionId);
      await client
        .multi()
        .hSet(key, player, JSON.stringify(report))
        .pExpire(key, 2 * REPORT_WINDOW_MS)
        .exec();
    },
    async since(sessionId, since) {
      const key = keyOf(sessionId);
      const fields = await client.hGetAll(key);
      const fresh: StoredReport[] = [];
      const stale: string[] = [];
      for (const [player, json] of Object.entries(fields)) {
        const report = JSON.parse(json) as StoredReport;
        if (report.at >= since) fresh.push(report);
        else stale.push(player);
      }
      if (stale.length) await client.hDel(key, stale);
      return fresh;
    },
  };
}
