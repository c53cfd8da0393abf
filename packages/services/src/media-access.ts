// Taking media access away once a change that forbids it has committed (stage removal, ban).
import type { MediaBackend } from '@vidinfra/media';

/**
 * Disconnects the user from the sessions' media. The database change is what counts: when the
 * backend cannot be reached now, the user's next token request is refused anyway and the media
 * room closes with the session, so a failure here is not the caller's error.
 */
export async function revokeMediaAccess(
  media: MediaBackend,
  sessionIds: string[],
  userId: string,
): Promise<void> {
  await Promise.all(
    sessionIds.map((sessionId) =>
      media.removeParticipant(sessionId, userId).catch(() => undefined),
    ),
  );
}
