// The token of a recording's download URL: an HS256 JWT of its own audience (an access or
// playback token never opens a file, nor this one anything else) that names one recording and
// expires. Signed and verified with jose only.
import { SignJWT, errors, jwtVerify } from 'jose';
import { DomainError } from '@vidinfra/domain';

const ISSUER = 'vidinfra-live';
const AUDIENCE = 'vidinfra-live:recording-file';

/**
 * A player seeks with the same URL for as long as someone watches, so the URL outlives a long
 * talk; the owner asks for a new one after.
 */
export const RECORDING_URL_TTL_SECONDS = 6 * 3600;

export const recordingFileTokens = (secret: string) => {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(recordingId: string, now: Date): Promise<string> {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(recordingId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + RECORDING_URL_TTL_SECONDS)
        .sign(key);
    },

    /**
     * Passes when the token is ours, unexpired and for `recordingId`: UNAUTHORIZED when it is
     * not one of ours, TOKEN_EXPIRED when too old, FORBIDDEN when it opens another recording.
     */
    async verify(token: string, recordingId: string, now: Date): Promise<void> {
      let subject: string | undefined;
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: now,
        });
        subject = payload.sub;
      } catch (error) {
        if (error instanceof errors.JWTExpired) {
          throw new DomainError('TOKEN_EXPIRED', 'the download URL has expired');
        }
        throw new DomainError('UNAUTHORIZED', 'invalid download token');
      }
      if (subject !== recordingId) {
        throw new DomainError('FORBIDDEN', 'the download token is for another recording');
      }
    },
  };
};
