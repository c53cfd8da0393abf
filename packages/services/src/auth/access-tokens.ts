import { SignJWT, errors, jwtVerify } from 'jose';
import { DomainError } from '@vidinfra/domain';

const ISSUER = 'vidinfra-live';
const AUDIENCE = 'vidinfra-live:access';

export interface AccessClaims {
  userId: string;
  /** The refresh-token family (login) the token belongs to. */
  familyId: string | null;
}

export const accessTokens = (secret: string, ttlSeconds: number) => {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(claims: AccessClaims, now: Date): Promise<string> {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT(claims.familyId ? { fam: claims.familyId } : {})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(key);
    },

    /** The token's claims; UNAUTHORIZED / TOKEN_EXPIRED when it is not one of ours or too old. */
    async verify(token: string, now: Date): Promise<AccessClaims> {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: now,
        });
        if (!payload.sub) throw new DomainError('UNAUTHORIZED', 'invalid access token');
        return {
          userId: payload.sub,
          familyId: typeof payload.fam === 'string' ? payload.fam : null,
        };
      } catch (error) {
        if (error instanceof errors.JWTExpired)
          throw new DomainError('TOKEN_EXPIRED', 'access token expired');
        if (error instanceof DomainError) throw error;
        throw new DomainError('UNAUTHORIZED', 'invalid access token');
      }
    },
  };
};
