// Starting and stopping a session's recording: the row and its event through the repositories,
// the recording itself through the media backend. A recording's status only moves by
// compare-and-set, so a media event racing a stop (or delivered twice) changes it once.
//
//   recording ──stop──▶ processing ──recording.ready──▶ ready
//       │                   │
//       └──────failure──────┴──▶ failed ──admin retry──▶ processing
import { DomainError, isDomainError } from '@vidinfra/domain';
import type { Recording, Repositories, Room, Session } from '@vidinfra/db';
import type { Deps } from '../deps.ts';
import { recordEvent } from '../events.ts';
import { iso } from '../mappers.ts';
import { clipError, mediaEventApplier } from './media-events.ts';

export const errorText = (error: unknown): string =>
  clipError(error instanceof Error ? error.message : String(error));

/**
 * Moves the session's active recording to processing, with its event, in the caller's
 * transaction; null when none is active. The media backend is told afterwards ({@link finish}).
 */
export async function markStopped(
  r: Repositories,
  sessionId: string,
  at: Date,
): Promise<Recording | null> {
  const active = await r.recordings.active(sessionId);
  if (!active) return null;
  const stopped = await r.recordings.updateIfStatus(active.id, ['recording'], {
    status: 'processing',
    stoppedAt: at,
  });
  if (!stopped) return null;
  await recordEvent(r, 'recording.stopped', sessionId, {
    session_id: sessionId,
    recording_id: stopped.id,
    at: iso(at),
  });
  return stopped;
}

export const recordingControl = (deps: Deps) => {
  const { db, media, now } = deps;
  const applyMediaEvent = mediaEventApplier(deps);

  /** Fails an unfinished recording, as a failure reported by the backend would. */
  const fail = (recordingId: string, error: string): Promise<Recording | null> =>
    applyMediaEvent({ type: 'recording.failed', recordingId, error });

  /**
   * Starts recording the session (the caller has checked it is live): the row first, so the
   * database's one-active-recording rule settles a race; then the media backend. When the backend
   * refuses, the row is failed (visible to the host, retryable) and the error thrown.
   */
  async function start({ session, room }: { session: Session; room: Room }): Promise<Recording> {
    if (await db.repos.recordings.active(session.id)) throw new DomainError('RECORDING_ACTIVE');
    const at = now();
    let created: Recording;
    try {
      created = await db.repos.recordings.create({
        sessionId: session.id,
        // The room owner owns every recording of the room, whoever on the host side started it.
        ownerId: room.ownerId,
        title: session.title,
        startedAt: at,
      });
    } catch (error) {
      if (isDomainError(error) && error.code === 'CONFLICT') {
        throw new DomainError('RECORDING_ACTIVE', undefined, { cause: error });
      }
      throw error;
    }
    let externalId: string | undefined;
    try {
      ({ externalId } = await media.startRecording(session.id, created.id));
    } catch (error) {
      await fail(created.id, errorText(error));
      if (isDomainError(error)) throw error;
      throw new DomainError('MEDIA_UNAVAILABLE', 'the media backend could not start recording', {
        cause: error,
      });
    }
    return db.transaction(async (r) => {
      const started = await r.recordings.updateIfStatus(created.id, ['recording'], {
        externalId: externalId ?? null,
      });
      // Stopped or failed meanwhile (an early media event): that is its story now.
      if (!started) return (await r.recordings.findById(created.id)) ?? created;
      await recordEvent(r, 'recording.started', session.id, {
        session_id: session.id,
        recording_id: started.id,
        at: iso(at),
      });
      return started;
    });
  }

  /**
   * Tells the media backend to finish a stopped recording's file (it follows as a media event).
   * A backend that cannot fails the recording, which an admin may retry.
   */
  async function finish(stopped: Recording): Promise<Recording> {
    try {
      await media.stopRecording(stopped.sessionId, stopped.id, stopped.externalId ?? undefined);
    } catch (error) {
      await fail(stopped.id, errorText(error));
    }
    return (await db.repos.recordings.findById(stopped.id)) ?? stopped;
  }

  return { start, finish, fail };
};

export type RecordingControl = ReturnType<typeof recordingControl>;
