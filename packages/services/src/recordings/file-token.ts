// The token of a recording's download URL: an HS256 JWT of its own audience (an access or
// playback token never opens a file, nor this one anything else) that names one recording and
// expires. Signed and verified with jose only.
import { DomainError } from '@vidinfra/domain';
import { hs256Tokens } from '../tokens.ts';

/**
 * A player seeks with the same URL for as long as someone watches, so the URL outlives a long
 * talk; the owner asks for a new one after.
 */
export const RECORDING_URL_TTL_SECONDS = 6 * 3600;

export const recordingFileTokens = (config: { jwtSecret: string; publicUrl: string }) => {
  const tokens = hs256Tokens({
    secret: config.jwtSecret,
    audience: 'vidinfra-live:recording-file',
    ttlSeconds: RECORDING_URL_TTL_SECONDS,
    expired: { code: 'TOKEN_EXPIRED', message: 'the download URL has expired' },
    invalid: { code: 'UNAUTHORIZED', message: 'invalid download token' },
  });
  return {
    /** The file route's URL for the recording, opened by a new token. */
    async signedUrl(recordingId: string, now: Date): Promise<string> {
      const url = new URL(`${config.publicUrl}/api/recordings/${recordingId}/file`);
      url.searchParams.set('token', await tokens.sign(recordingId, {}, now));
      return url.toString();
    },

    /**
     * Passes when the token is ours, unexpired and for `recordingId`: UNAUTHORIZED when it is
     * not one of ours, TOKEN_EXPIRED when too old, FORBIDDEN when it opens another recording.
     */
    async verify(token: string, recordingId: string, now: Date): Promise<void> {
      const { subject } = await tokens.verify(token, now);
      if (subject !== recordingId) {
        throw new DomainError('FORBIDDEN', 'the download token is for another recording');
      }
    },
  };
};
