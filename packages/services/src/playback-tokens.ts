// Restriction tokens of a signed playback: HS256 JWTs that say which session's media they open
// and from which sites it may be played. One audience per use, so a thumbnail token never opens
// the stream. Verified with jose only; every failure is a 403 with a machine code.
import { SignJWT, errors, jwtVerify } from 'jose';
import { DomainError } from '@vidinfra/domain';

const ISSUER = 'vidinfra-live';
const AUDIENCES = {
  playback: 'vidinfra-live:playback',
  thumbnail: 'vidinfra-live:thumbnail',
} as const;
export type PlaybackTokenUse = keyof typeof AUDIENCES;

/** Long enough for a talk; a viewer watching longer asks `GET /sessions/{id}/playback` again. */
export const PLAYBACK_TOKEN_TTL_SECONDS = 3600;

export interface PlaybackGrant {
  sessionId: string;
  playbackId: string;
  /** Hosts (or `*.example.com` patterns) whose pages may play it, checked on Referer/Origin. */
  allowedDomains: string[];
}

const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

export const playbackTokens = (secret: string) => {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(grant: PlaybackGrant, use: PlaybackTokenUse, now: Date): Promise<string> {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({ pid: grant.playbackId, domains: grant.allowedDomains })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(grant.sessionId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCES[use])
        .setIssuedAt(iat)
        .setExpirationTime(iat + PLAYBACK_TOKEN_TTL_SECONDS)
        .sign(key);
    },

    /** The grant; FORBIDDEN when it is not ours or for another use, PLAYBACK_TOKEN_EXPIRED. */
    async verify(token: string, use: PlaybackTokenUse, now: Date): Promise<PlaybackGrant> {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCES[use],
          algorithms: ['HS256'],
          currentDate: now,
        }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new DomainError('PLAYBACK_TOKEN_EXPIRED');
        throw forbidden('invalid playback token');
      }
      const { sub, pid, domains } = payload;
      const isList = Array.isArray(domains) && domains.every((d) => typeof d === 'string');
      if (!sub || typeof pid !== 'string' || !isList) throw forbidden('invalid playback token');
      return { sessionId: sub, playbackId: pid, allowedDomains: domains as string[] };
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
