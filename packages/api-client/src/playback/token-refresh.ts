// A signed playback's restriction token expires (`token_expires_in`, `expires_at`): the player
// asks for the playback again at 80 % of the token's life and keeps playing the same source,
// each media request now carrying the newest token in place of the one it had.
import type { DefaultPlaybackResponse } from '@vidinfra/domain';

/** When in the token's life the playback is asked for again. */
export const REFRESH_AT = 0.8;
/** Never asks again sooner than this (a token already near its end, a wrong clock). */
const MIN_REFRESH_MS = 2_000;

type Expiry = Pick<DefaultPlaybackResponse, 'token_expires_in' | 'expires_at'>;

/**
 * Milliseconds after fetching the playback to fetch it again, or false when it never expires.
 * The token's lifetime in seconds says it without depending on this device's clock; failing
 * that, the expiry time against `fetchedAt`.
 */
export function playbackRefreshDelay(playback: Expiry, fetchedAt: number): number | false {
  const lifeMs =
    playback.token_expires_in !== undefined
      ? playback.token_expires_in * 1000
      : playback.expires_at !== null
        ? Date.parse(playback.expires_at) - fetchedAt
        : null;
  if (lifeMs === null || !Number.isFinite(lifeMs)) return false;
  return Math.max(MIN_REFRESH_MS, Math.floor(lifeMs * REFRESH_AT));
}

/** The URL with its `token` query parameter (if it has one) replaced by `token`. */
export function withLatestToken(url: string, token: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!parsed.searchParams.has('token') || parsed.searchParams.get('token') === token) return url;
  parsed.searchParams.set('token', token);
  return parsed.toString();
}

/** The `token` query parameter of a URL, or null. */
export function tokenOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('token');
  } catch {
    return null;
  }
}
