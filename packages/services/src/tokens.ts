// Our HS256 JWTs (access, playback, recording file): one issuer, one audience per use so a token
// of one use never passes as another, a subject, issued-at and expiry. Signed and verified with
// jose only; what a failure answers is each use's own.
import { DomainError, type ErrorCode } from '@vidinfra/domain';
import { SignJWT, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';

const ISSUER = 'vidinfra-live';

/** The error a refused token becomes (`message` defaults to the code's own). */
export interface TokenRefusal {
  code: ErrorCode;
  message?: string;
}

export interface Hs256TokenOptions {
  secret: string;
  audience: string;
  ttlSeconds: number;
  /** Ours, but too old. */
  expired: TokenRefusal;
  /** Not ours, for another audience, malformed, or without a subject. */
  invalid: TokenRefusal;
}

export interface VerifiedToken {
  subject: string;
  /** Every claim, the registered ones included; the caller checks its own. */
  claims: JWTPayload;
}

const refuse = ({ code, message }: TokenRefusal) => new DomainError(code, message);

/**
 * The secret as a Web Crypto HMAC key, imported once: handed raw bytes, jose imports them again
 * for every token, which was most of a sign's or verify's cost.
 */
const hmacKey = (secret: string) =>
  crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );

export const hs256Tokens = (options: Hs256TokenOptions) => {
  let imported: ReturnType<typeof hmacKey> | undefined;
  const key = () => (imported ??= hmacKey(options.secret));
  return {
    async sign(subject: string, claims: JWTPayload, now: Date): Promise<string> {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(ISSUER)
        .setAudience(options.audience)
        .setIssuedAt(iat)
        .setExpirationTime(iat + options.ttlSeconds)
        .sign(await key());
    },

    async verify(token: string, now: Date): Promise<VerifiedToken> {
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(token, await key(), {
          issuer: ISSUER,
          audience: options.audience,
          algorithms: ['HS256'],
          currentDate: now,
        }));
      } catch (error) {
        throw refuse(error instanceof errors.JWTExpired ? options.expired : options.invalid);
      }
      if (!claims.sub) throw refuse(options.invalid);
      return { subject: claims.sub, claims };
    },

    /** The error of a token that verified but whose own claims are wrong. */
    invalid: () => refuse(options.invalid),
  };
};

/** When a JWT we just signed (ours or a media token) expires, as an ISO time: its `exp`. */
export function expiresAt(token: string): string {
  const { exp } = decodeJwt(token);
  if (exp === undefined) throw new Error('the token has no expiry');
  return new Date(exp * 1000).toISOString();
}
