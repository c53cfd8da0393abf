// The tokens of a recording's URLs: HS256 JWTs of their own audiences (an access or playback
// token never opens a file, nor these anything else) that name one recording and expire. The
// file's token opens the file; the poster's opens only its poster, so a poster URL shown in an
// image never downloads the recording. Signed and verified with jose only.
import { DomainError } from '@vidinfra/domain';
import { hs256Tokens } from '../tokens.ts';

/**
 * A player seeks with the same URL for as long as someone watches, so the URL outlives a long
 * talk; the owner asks for a new one after.
 */
export const RECORDING_URL_TTL_SECONDS = 6 * 3600;

type Use = 'file' | 'poster';

export const recordingFileTokens = (config: { jwtSecret: string; publicUrl: string }) => {
  const tokensFor = (use: Use, what: string) =>
    hs256Tokens({
      secret: config.jwtSecret,
      audience: `vidinfra-live:recording-${use}`,
      ttlSeconds: RECORDING_URL_TTL_SECONDS,
      expired: { code: 'TOKEN_EXPIRED', message: `the ${what} URL has expired` },
      invalid: { code: 'UNAUTHORIZED', message: `invalid ${what} token` },
    });
  const names: Record<Use, string> = { file: 'download', poster: 'poster' };
  const uses = { file: tokensFor('file', names.file), poster: tokensFor('poster', names.poster) };
  const routes: Record<Use, string> = { file: 'file', poster: 'poster.jpg' };

  const signed = async (use: Use, recordingId: string, now: Date) => {
    const url = new URL(`${config.publicUrl}/api/recordings/${recordingId}/${routes[use]}`);
    url.searchParams.set('token', await uses[use].sign(recordingId, {}, now));
    return url.toString();
  };
  const verified = async (use: Use, token: string, recordingId: string, now: Date) => {
    const { subject } = await uses[use].verify(token, now);
    if (subject !== recordingId) {
      throw new DomainError('FORBIDDEN', `the ${names[use]} token is for another recording`);
    }
  };

  return {
    /** The file route's URL for the recording, opened by a new token. */
    signedUrl: (recordingId: string, now: Date) => signed('file', recordingId, now),

    /** The poster route's URL for the recording, opened by a new poster token. */
    posterUrl: (recordingId: string, now: Date) => signed('poster', recordingId, now),

    /**
     * Passes when the token is ours, unexpired and for `recordingId`: UNAUTHORIZED when it is
     * not one of ours, TOKEN_EXPIRED when too old, FORBIDDEN when it opens another recording.
     */
    verify: (token: string, recordingId: string, now: Date) =>
      verified('file', token, recordingId, now),

    /** The same for the poster's token. */
    verifyPoster: (token: string, recordingId: string, now: Date) =>
      verified('poster', token, recordingId, now),
  };
};
