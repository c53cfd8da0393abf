// When to try the ingest again after a drop: quickly at first, then less often, and only while
// the ingest still keeps the stream (its grace period, 10 s by default).

export const RECONNECT_GRACE_MS = 10_000;

/** The wait before reconnect attempt `attempt` (0-based): 250 ms doubling, capped at 2 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(250 * 2 ** Math.max(0, attempt), 2_000);
}

/** Whether one more attempt after `delayMs` still lands within the grace period. */
export function withinGrace(
  droppedAt: number,
  now: number,
  delayMs: number,
  graceMs = RECONNECT_GRACE_MS,
) {
  return now + delayMs - droppedAt < graceMs;
}
