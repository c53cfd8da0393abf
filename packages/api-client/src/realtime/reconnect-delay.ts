// How long to wait before the n-th reconnection attempt (0-based): doubling from half a second
// up to 15 s, with jitter so that a server's restart is not met by every client at once.
const FIRST_MS = 500;
const MAX_MS = 15_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_MS, FIRST_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.5 + random() / 2));
}
