// A recording as a playback of its session: made when the file is ready, the session's default
// when its owner says so (or once the session has ended and played only live until then).
import type { Recording, Repositories } from '@vidinfra/db';
import type { Actor } from '../actor.ts';
import { createRecordingPlayback } from '../sessions/playback.ts';

/** The recording's playback (made if missing) becomes what its session plays by default. */
export async function makeDefault(
  r: Repositories,
  recording: Recording,
  actor: Pick<Actor, 'id'> | null,
): Promise<void> {
  await createRecordingPlayback(r, recording, actor, { makeDefault: true });
}

/**
 * When this recording is what its session plays by default, the session's live playback takes
 * its place again (none left when there is none). Call it before deleting the recording.
 */
export async function dropDefault(r: Repositories, recording: Recording): Promise<void> {
  const current = await r.playbacks.defaultFor(recording.sessionId);
  if (current?.recordingId !== recording.id) return;
  const live = (await r.playbacks.listBySession(recording.sessionId)).find(
    (playback) => playback.kind === 'live',
  );
  if (live) await r.playbacks.setDefault(live.id);
  else await r.playbacks.clearDefault(recording.sessionId);
}

/**
 * Once the session has ended, its newest ready recording replaces a live default (or none): the
 * live stream has nothing left to play. A recording the owner chose stays the default. Run when
 * the session ends (a recording made while live is ready already) and when a recording becomes
 * ready.
 */
export async function preferRecordingOnceEnded(r: Repositories, sessionId: string): Promise<void> {
  const [session, current] = await Promise.all([
    r.sessions.findById(sessionId),
    r.playbacks.defaultFor(sessionId),
  ]);
  if (session?.status !== 'ended' || (current && current.kind !== 'live')) return;
  const newest = (await r.recordings.listBySession(sessionId)).find(
    (rec) => rec.status === 'ready',
  );
  if (newest) await createRecordingPlayback(r, newest, null, { makeDefault: true });
}

/** A ready recording gets its playback (the session's default once ended: see above). */
export async function publishReady(r: Repositories, recording: Recording): Promise<void> {
  await createRecordingPlayback(r, recording, null);
  await preferRecordingOnceEnded(r, recording.sessionId);
}
