// Restriction tokens of a signed playback: HS256 JWTs that say which session's media they open
// and from which sites it may be played. One audience per use, so a thumbnail token never opens
// the stream. Verified with jose only; every failure is a 403 with a machine code.
import { hs256Tokens } from './tokens.ts';

const AUDIENCES = {
  playback: 'vidinfra-live:playback',
  thumbnail: 'vidinfra-live:thumbnail',
} as const;
export type PlaybackTokenUse = keyof typeof AUDIENCES;

/**
 * The default lifetime (PLAYBACK_TOKEN_TTL_SECONDS): long enough for a talk; a player renews
 * it by asking `GET /sessions/{id}/playback` again.
 */
export const PLAYBACK_TOKEN_TTL_SECONDS = 3600;

export interface PlaybackGrant {
  sessionId: string;
  playbackId: string;
  /** Hosts (or `*.example.com` patterns) whose pages may play it, checked on Referer/Origin. */
  allowedDomains: string[];
}

export const playbackTokens = (secret: string, ttlSeconds = PLAYBACK_TOKEN_TTL_SECONDS) => {
  const byUse = (audience: string) =>
    hs256Tokens({
      secret,
      audience,
      ttlSeconds,
      expired: { code: 'PLAYBACK_TOKEN_EXPIRED' },
      invalid: { code: 'FORBIDDEN', message: 'invalid playback token' },
    });
  const uses = { playback: byUse(AUDIENCES.playback), thumbnail: byUse(AUDIENCES.thumbnail) };
  return {
    sign(grant: PlaybackGrant, use: PlaybackTokenUse, now: Date): Promise<string> {
      const claims = { pid: grant.playbackId, domains: grant.allowedDomains };
      return uses[use].sign(grant.sessionId, claims, now);
    },

    /** The grant; FORBIDDEN when it is not ours or for another use, PLAYBACK_TOKEN_EXPIRED. */
    async verify(token: string, use: PlaybackTokenUse, now: Date): Promise<PlaybackGrant> {
      const { subject, claims } = await uses[use].verify(token, now);
      const { pid, domains } = claims;
      const isList = Array.isArray(domains) && domains.every((d) => typeof d === 'string');
      if (typeof pid !== 'string' || !isList) throw uses[use].invalid();
      return { sessionId: subject, playbackId: pid, allowedDomains: domains as string[] };
    },
  };
};

export type PlaybackTokens = ReturnType<typeof playbackTokens>;

/** Whether `host` is one of the domains: an exact name, or a subdomain of a `*.name` pattern. */
export function domainAllowed(host: string, allowedDomains: readonly string[]): boolean {
  const name = host.toLowerCase();
  return allowedDomains.some((domain) => {
    const pattern = domain.toLowerCase();
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) return name.endsWith(pattern.slice(1));
    return name === pattern;
  });
}

/** The host of the page a request comes from: its Origin, else its Referer; null if neither. */
export function requestingHost(headers: {
  origin?: string | undefined;
  referer?: string | undefined;
}): string | null {
  const source = headers.origin && headers.origin !== 'null' ? headers.origin : headers.referer;
  if (!source) return null;
  try {
    return new URL(source).hostname || null;
  } catch {
    return null;
  }
}
