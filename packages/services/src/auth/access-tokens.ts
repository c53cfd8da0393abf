// Access tokens: short-lived HS256 JWTs naming the user and the login (refresh family) they
// belong to.
import { DomainError } from '@vidinfra/domain';
import { hs256Tokens } from '../tokens.ts';

export interface AccessClaims {
  userId: string;
  /** The refresh-token family (login) the token belongs to. */
  familyId: string;
}

export const accessTokens = (secret: string, ttlSeconds: number) => {
  const tokens = hs256Tokens({
    secret,
    audience: 'vidinfra-live:access',
    ttlSeconds,
    expired: { code: 'TOKEN_EXPIRED', message: 'access token expired' },
    invalid: { code: 'UNAUTHORIZED', message: 'invalid access token' },
  });
  return {
    sign: (claims: AccessClaims, now: Date): Promise<string> =>
      tokens.sign(claims.userId, { fam: claims.familyId }, now),

    /**
     * The token's claims; UNAUTHORIZED / TOKEN_EXPIRED when it is not one of ours, names no
     * login, or is too old.
     */
    async verify(token: string, now: Date): Promise<AccessClaims> {
      const { subject, claims } = await tokens.verify(token, now);
      if (typeof claims.fam !== 'string')
        throw new DomainError('UNAUTHORIZED', 'invalid access token');
      return { userId: subject, familyId: claims.fam };
    },
  };
};
