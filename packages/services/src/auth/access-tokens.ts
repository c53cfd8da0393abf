// Access tokens: short-lived HS256 JWTs naming the user and the login (refresh family) they
// belong to.
import { hs256Tokens } from '../tokens.ts';

export interface AccessClaims {
  userId: string;
  /** The refresh-token family (login) the token belongs to. */
  familyId: string | null;
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
      tokens.sign(claims.userId, claims.familyId ? { fam: claims.familyId } : {}, now),

    /** The token's claims; UNAUTHORIZED / TOKEN_EXPIRED when it is not one of ours or too old. */
    async verify(token: string, now: Date): Promise<AccessClaims> {
      const { subject, claims } = await tokens.verify(token, now);
      return { userId: subject, familyId: typeof claims.fam === 'string' ? claims.fam : null };
    },
  };
};
