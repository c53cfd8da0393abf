// The session's lifecycle (scheduled → backstage → live → ended) and its HLS output. Every move
// is the domain's rule checked first, then a compare-and-set on the status read, with its event
// in the same transaction: of two racing moves one wins, the other is INVALID_STATE_TRANSITION.
import {
  DomainError,
  isDomainError,
  transition,
  type EnsureEgressResponse,
  type SessionAction,
  type SessionResponse,
  type SessionStatus,
  type StartSessionResponse,
} from '@vidinfra/domain';
import type { Recording, Repositories, Session } from '@vidinfra/db';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { recordEvent } from '../events.ts';
import { resetHostMedia } from '../host-media.ts';
import { markStopped, recordingControl } from '../recordings/control.ts';
import { preferRecordingOnceEnded } from '../recordings/playbacks.ts';
import { ensureDefaultLivePlayback } from './playback.ts';
import type { LoadedSession } from '../access.ts';
import { settingsOf } from '../session-facts.ts';
import { livePlaybackId, requireMedia, sessionResponder } from './shared.ts';

type Stamps = Partial<Pick<Session, 'startedAt' | 'liveAt' | 'endedAt'>>;

const lostRace = (action: SessionAction) =>
  new DomainError(
    'INVALID_STATE_TRANSITION',
    `Cannot ${action.replace('_', ' ')}: the session changed state meanwhile`,
  );

/** The status `action` leads to from the session's, or INVALID_STATE_TRANSITION. */
function targetOf(session: Session, action: SessionAction): SessionStatus {
  const step = transition(session.status, action);
  if (!step.ok) throw new DomainError(step.code, step.message);
  return step.status;
}

export const sessionLifecycle = (deps: Deps) => {
  const { db, media, now } = deps;
  const respond = sessionResponder(deps);
  const recordings = recordingControl(deps);

  const move = async (
    { session, room }: LoadedSession,
    action: SessionAction,
    stamps: Stamps,
    alongside?: (r: Repositories) => Promise<void>,
  ): Promise<SessionResponse> => {
    const to = targetOf(session, action);
    return db.transaction(async (r) => {
      const moved = await r.sessions.transition(session.id, [session.status], to, stamps);
      if (!moved) throw lostRace(action);
      await recordEvent(r, 'session.status_changed', session.id, {
        session_id: session.id,
        status: to,
        previous_status: session.status,
      });
      await alongside?.(r);
      return respond.one(moved, room, r);
    });
  };

  /**
   * With `auto_record` on, going live starts a recording. A backend that refuses leaves the
   * session live: the failed recording (and its event) tells the host side why.
   */
  const autoRecord = async (target: LoadedSession) => {
    if (!settingsOf(target.session).auto_record) return;
    try {
      await recordings.start(target);
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  };

  /** Starts the HLS output, then makes the session live with a default live playback. */
  const goLive = async (target: LoadedSession, actor: Actor): Promise<StartSessionResponse> => {
    await requireMedia(media);
    const { session } = target;
    targetOf(session, 'go_live');
    await media.ensureOutput(session.id, { latencyMode: settingsOf(session).latency_mode });
    const at = now();
    const moved = await move(
      target,
      'go_live',
      { liveAt: at, startedAt: session.startedAt ?? at },
      (r) => ensureDefaultLivePlayback(r, session.id, actor),
    );
    await autoRecord(target);
    return {
      session: moved,
      media_room: session.id,
      hls_url: media.hlsUrl(session.id),
      playback_id: livePlaybackId(session.id),
    };
  };

  return {
    /** scheduled → backstage: the media room opens, nothing is public yet. */
    async start(target: LoadedSession): Promise<StartSessionResponse> {
      const moved = await move(target, 'start', { startedAt: now() });
      return { session: moved, media_room: target.session.id };
    },

    goLive,

    /** The host's camera alone becomes the HLS output: the same move as going live. */
    webcamHls: goLive,

    /**
     * Stops the output and the active recording (its row with the move, then the media backend,
     * which finishes the file), closes every attendance interval; a ready recording becomes the
     * default playback.
     */
    async end(target: LoadedSession): Promise<SessionResponse> {
      const { session } = target;
      targetOf(session, 'end');
      const at = now();
      let stopped = null as Recording | null;
      // The database first: once it says ended, nothing (egress/ensure) may start the output
      // again while it is being stopped.
      const ended = await move(target, 'end', { endedAt: at }, async (r) => {
        await r.attendance.closeAll(session.id, at);
        await resetHostMedia(r, session.id);
        stopped = await markStopped(r, session.id, at);
        await preferRecordingOnceEnded(r, session.id);
      });
      // The session has ended whatever the media backend says now: an output it cannot stop
      // is not restarted (ensure refuses ended sessions) and its recording fails or finishes
      // through the backend's events.
      if (await media.available()) await media.stopOutput(session.id).catch(() => undefined);
      if (stopped) await recordings.finish(stopped);
      return ended;
    },

    /** Idempotent: keeps a running output, restarts a dead one. Only while live. */
    async ensureEgress({ session }: LoadedSession): Promise<EnsureEgressResponse> {
      await requireMedia(media);
      if (session.status !== 'live') {
        throw new DomainError(
          'INVALID_STATE_TRANSITION',
          `The HLS output runs only while live; the session is ${session.status}`,
        );
      }
      const output = await media.ensureOutput(session.id, {
        latencyMode: settingsOf(session).latency_mode,
      });
      return {
        session_id: session.id,
        output: output.state,
        restarted: output.restarted,
        hls_url: media.hlsUrl(session.id),
      };
    },
  };
};
