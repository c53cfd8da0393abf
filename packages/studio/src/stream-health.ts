// The host's stream health in one verdict: green / amber / red with the reasons, from the three
// ends of the stream — the studio's upload, the ingest's output, the viewers' players. Pure: the
// thresholds live here and nowhere else.
import type { StreamHealthResponse } from '@vidinfra/domain';
import type { PublishState } from './publisher.ts';

export type HealthLevel = 'green' | 'amber' | 'red';

export interface HealthReason {
  level: Exclude<HealthLevel, 'green'>;
  text: string;
}

export interface HealthVerdict {
  level: HealthLevel;
  /** Worst first; empty when green. */
  reasons: HealthReason[];
}

export interface HealthInput {
  /** The ingest's and the players' side (GET /sessions/{id}/health); null before the first. */
  health: Pick<
    StreamHealthResponse,
    'output' | 'fps' | 'segment_age_seconds' | 'speed' | 'rebuffer_ratio' | 'viewer_latency_p95_ms'
  > | null;
  /** The studio's socket queue, oldest first, one sample a second (PublishStats.queuedBytes). */
  queuedBytes: readonly number[];
  /** The HLS segment length of the session's latency mode. */
  segmentSeconds: number;
  /** The studio's publisher (absent: not asked, e.g. another studio publishes). */
  publisher?: PublishState['status'] | null;
}

/** The thresholds, named. */
export const HEALTH_LIMITS = {
  /** No new segment for this many segment lengths: the output is stalled. */
  staleSegments: 3,
  /** Encoder speed below this: it is falling behind real time. */
  minSpeed: 0.9,
  /** Share of watched time spent stalled above this: viewers are rebuffering. */
  maxRebufferRatio: 0.05,
  /** Viewers' p95 latency above this: they are far behind live. */
  maxViewerLatencyMs: 15_000,
  minFps: 15,
  /** Samples of a queue that grows in each of them: the upload cannot keep up. */
  growingSamples: 4,
  /** ... and has grown by at least this much over them (noise below it). */
  minQueueGrowthBytes: 64 * 1024,
  /** A queue this long is far behind whatever its trend. */
  maxQueuedBytes: 4 * 1024 * 1024,
} as const;

/** True when the last `growingSamples` samples each grew and grew by enough in all. */
export function queueGrowing(samples: readonly number[]): boolean {
  const recent = samples.slice(-HEALTH_LIMITS.growingSamples);
  if (recent.length < HEALTH_LIMITS.growingSamples) return false;
  const rising = recent.every((bytes, i) => i === 0 || bytes > recent[i - 1]!);
  return rising && recent.at(-1)! - recent[0]! >= HEALTH_LIMITS.minQueueGrowthBytes;
}

const OUTPUT_REASONS: Partial<Record<StreamHealthResponse['output'], HealthReason>> = {
  failed: { level: 'red', text: 'The output has failed' },
  stopped: { level: 'red', text: 'The output has stopped' },
  idle: { level: 'amber', text: 'The output is not running yet' },
  starting: { level: 'amber', text: 'The output is starting' },
  reconnecting: { level: 'amber', text: 'The output is waiting for the studio to reconnect' },
};

const PUBLISHER_REASONS: Partial<Record<PublishState['status'], HealthReason>> = {
  connecting: { level: 'amber', text: 'The studio is connecting to the ingest' },
  reconnecting: { level: 'amber', text: 'The studio is reconnecting to the ingest' },
  takeover: { level: 'red', text: 'Another studio publishes this session' },
  stopped: { level: 'red', text: 'The studio is not sending' },
  failed: { level: 'red', text: 'The studio is not sending' },
};

export function streamHealthVerdict({
  health,
  queuedBytes,
  segmentSeconds,
  publisher,
}: HealthInput) {
  const reasons: HealthReason[] = [];
  if (publisher !== undefined) {
    const reason = publisher === null ? PUBLISHER_REASONS.stopped : PUBLISHER_REASONS[publisher];
    if (reason) reasons.push(reason);
  }
  const latestQueue = queuedBytes.at(-1) ?? 0;
  if (latestQueue >= HEALTH_LIMITS.maxQueuedBytes)
    reasons.push({ level: 'red', text: 'Upload is far behind the stream' });
  else if (queueGrowing(queuedBytes))
    reasons.push({ level: 'amber', text: 'Upload is slower than the stream' });

  if (health) {
    const output = OUTPUT_REASONS[health.output];
    if (output) reasons.push(output);
    const age = health.segment_age_seconds;
    if (
      health.output === 'running' &&
      age !== undefined &&
      age > HEALTH_LIMITS.staleSegments * segmentSeconds
    )
      reasons.push({ level: 'red', text: `No new segment for ${Math.round(age)} s` });
    if (health.speed !== undefined && health.speed > 0 && health.speed < HEALTH_LIMITS.minSpeed)
      reasons.push({ level: 'amber', text: 'Encoder is falling behind' });
    if (health.fps !== undefined && health.fps > 0 && health.fps < HEALTH_LIMITS.minFps)
      reasons.push({ level: 'amber', text: `Low frame rate (${Math.round(health.fps)} fps)` });
    if (health.rebuffer_ratio !== null && health.rebuffer_ratio > HEALTH_LIMITS.maxRebufferRatio)
      reasons.push({
        level: 'amber',
        text: `Viewers are rebuffering (${Math.round(health.rebuffer_ratio * 100)} % of the time)`,
      });
    const p95 = health.viewer_latency_p95_ms;
    if (p95 !== null && p95 > HEALTH_LIMITS.maxViewerLatencyMs)
      reasons.push({
        level: 'amber',
        text: `Viewers are ${Math.round(p95 / 1000)} s behind live`,
      });
  }

  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
  const level: HealthLevel = reasons[0]?.level ?? 'green';
  return { level, reasons } satisfies HealthVerdict;
}
