// What the watching players report of their playback (stream health's viewers' side), as
// label/value pairs for the host's and the admin's health panels; "—" where nothing is known.
import type { StreamHealthResponse } from '@vidinfra/domain';

type ViewerHealth = Pick<
  StreamHealthResponse,
  'reporting_players' | 'viewer_latency_p50_ms' | 'viewer_latency_p95_ms' | 'rebuffer_ratio'
>;

const NONE = '—';

const seconds = (ms: number | null) => (ms === null ? NONE : `${(ms / 1000).toFixed(1)} s`);

/** A 0–1 ratio as a percentage: one decimal below 10 %, whole numbers above. */
export const formatPercent = (ratio: number | null) =>
  ratio === null ? NONE : `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)} %`;

export function viewerHealthStats(health: ViewerHealth): { label: string; value: string }[] {
  return [
    { label: 'Reporting players', value: String(health.reporting_players) },
    { label: 'Viewer latency p50', value: seconds(health.viewer_latency_p50_ms) },
    { label: 'Viewer latency p95', value: seconds(health.viewer_latency_p95_ms) },
    { label: 'Rebuffering', value: formatPercent(health.rebuffer_ratio) },
  ];
}
