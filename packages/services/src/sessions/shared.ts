// What the session operations share: media availability, time checks and the session as the
// wire shows it.
import { DomainError } from '@vidinfra/domain';
import type { Repositories, Room, Session } from '@vidinfra/db';
import type { Deps } from '../deps.ts';
import type { MediaBackend } from '@vidinfra/media';
import { toSessionResponse } from '../mappers.ts';

/** Media tokens (join, monitor) outlive the longest session a host would run. */
export const MEDIA_TOKEN_TTL_SECONDS = 6 * 3600;

/** A scheduled time may lag the server clock by this much (client clocks drift). */
const SCHEDULE_SKEW_SECONDS = 60;

export async function requireMedia(media: MediaBackend): Promise<void> {
  if (!(await media.available())) throw new DomainError('MEDIA_UNAVAILABLE');
}

/** A `scheduled_at` from a request: not in the past (VALIDATION_ERROR otherwise). */
export function futureTime(value: string, now: Date): Date {
  const at = new Date(value);
  if (at.getTime() < now.getTime() - SCHEDULE_SKEW_SECONDS * 1000) {
    const message = 'must not be in the past';
    throw new DomainError('VALIDATION_ERROR', `scheduled_at ${message}`, {
      details: [{ field: 'scheduled_at', message }],
    });
  }
  return at;
}

/** The live playback of a session is named by the session id (its HLS path). */
export const livePlaybackId = (sessionId: string) => sessionId;

export const sessionResponder = ({ db }: Pick<Deps, 'db'>) => {
  const one = async (session: Session, room: Pick<Room, 'libraryId'>, repos?: Repositories) => {
    const viewers = await (repos ?? db.repos).sessions.viewerCount(session.id);
    return toSessionResponse(session, room, viewers);
  };
  const many = async (rows: { session: Session; room: Pick<Room, 'libraryId'> }[]) => {
    const counts = await db.repos.sessions.viewerCounts(rows.map((row) => row.session.id));
    return rows.map(({ session, room }) =>
      toSessionResponse(session, room, counts[session.id] ?? 0),
    );
  };
  return { one, many };
};
