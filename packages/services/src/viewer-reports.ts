// What watching players report of their playback (`playback:report` over the socket), per
// session: each player's latest report of the last REPORT_WINDOW_MS, summed up for the stream
// health (viewer latency p50/p95, rebuffer ratio). Kept in memory by default; a gateway scaled
// out on Redis hands in a store every node shares (apps/realtime).
import type { PlaybackReport, PlaybackReportResult } from '@vidinfra/domain';
import type { Deps } from './deps.ts';

/** Reports older than this no longer count (players report about every 10 s). */
export const REPORT_WINDOW_MS = 30_000;

/** A report as kept: its figures and when it arrived (ms since the epoch). */
export type StoredReport = Omit<PlaybackReport, 'session_id'> & { at: number };

export interface PlaybackReportStore {
  /** Keeps the player's report in place of its previous one. */
  put(sessionId: string, player: string, report: StoredReport): Promise<void>;
  /** The session's reports that arrived at or after `since`. */
  since(sessionId: string, since: number): Promise<StoredReport[]>;
}

export function memoryReportStore(): PlaybackReportStore {
  const bySession = new Map<string, Map<string, StoredReport>>();
  const prune = (sessionId: string, since: number) => {
    const players = bySession.get(sessionId);
    if (!players) return [];
    for (const [player, report] of players) if (report.at < since) players.delete(player);
    if (!players.size) bySession.delete(sessionId);
    return [...players.values()];
  };
  return {
    async put(sessionId, player, report) {
      prune(sessionId, report.at - REPORT_WINDOW_MS);
      const players = bySession.get(sessionId) ?? new Map<string, StoredReport>();
      bySession.set(sessionId, players.set(player, report));
    },
    async since(sessionId, since) {
      return prune(sessionId, since);
    },
  };
}

/** The stream health's viewer figures; null where no player reported. */
export interface ViewerQuality {
  reporting_players: number;
  viewer_latency_p50_ms: number | null;
  viewer_latency_p95_ms: number | null;
  rebuffer_ratio: number | null;
}

/** The nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

export function summarize(reports: StoredReport[]): ViewerQuality {
  if (!reports.length) {
    return {
      reporting_players: 0,
      viewer_latency_p50_ms: null,
      viewer_latency_p95_ms: null,
      rebuffer_ratio: null,
    };
  }
  const latencies = reports.map((r) => r.latency_ms).sort((a, b) => a - b);
  const stalled = reports.reduce((sum, r) => sum + r.stall_ms, 0);
  const watched = reports.reduce((sum, r) => sum + r.period_ms, 0);
  return {
    reporting_players: reports.length,
    viewer_latency_p50_ms: percentile(latencies, 50),
    viewer_latency_p95_ms: percentile(latencies, 95),
    rebuffer_ratio: Math.round((stalled / watched) * 10_000) / 10_000,
  };
}

export const viewerReportsService = ({ now }: Pick<Deps, 'now'>) => {
  let store = memoryReportStore();
  return {
    /** Scaled out: the store every gateway node and API shares. */
    useStore(shared: PlaybackReportStore): void {
      store = shared;
    },

    /** Keeps a validated report of `player` (one socket); the caller checked it watches. */
    async report(player: string, report: PlaybackReport): Promise<PlaybackReportResult> {
      const at = now();
      const { session_id, ...figures } = report;
      await store.put(session_id, player, { ...figures, at: at.getTime() });
      return { session_id, received_at: at.toISOString() };
    },

    async quality(sessionId: string): Promise<ViewerQuality> {
      return summarize(await store.since(sessionId, now().getTime() - REPORT_WINDOW_MS));
    },
  };
};

export type ViewerReportsService = ReturnType<typeof viewerReportsService>;
