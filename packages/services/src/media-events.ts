// What the media backend reports after the fact becomes database state and domain events:
// recordings finishing or failing (the recordings' own rules), and the output's state (a
// publisher connected, reconnecting, an ffmpeg or egress failed), which the session's staff
// see as `output.state_changed`.
import type { Recording } from '@vidinfra/db';
import type { MediaEvent } from '@vidinfra/media';
import type { Deps } from './deps.ts';
import { recordEvent } from './events.ts';
import { iso } from './mappers.ts';

type OutputEvent = Extract<MediaEvent, { type: 'output.state' }>;

const defaultReport = (error: unknown) =>
  console.error('media: an event could not be applied:', error);

export const mediaFollower = (
  { db, media, now }: Deps,
  applyRecordingEvent: (event: MediaEvent) => Promise<Recording | null>,
) => {
  const inFlight = new Set<Promise<unknown>>();

  const recordOutputState = async (event: OutputEvent) => {
    // A session deleted meanwhile has nobody left to tell.
    if (!(await db.repos.sessions.findWithRoom(event.sessionId))) return;
    await db.transaction((r) =>
      recordEvent(r, 'output.state_changed', event.sessionId, {
        session_id: event.sessionId,
        output: event.state,
        at: iso(now()),
      }),
    );
  };

  const apply = (event: MediaEvent): Promise<unknown> =>
    event.type === 'output.state' ? recordOutputState(event) : applyRecordingEvent(event);

  return {
    apply,

    /**
     * Applies the backend's events for as long as it runs; returns the unsubscribe. An event
     * that cannot be applied (a database gone at shutdown) is reported, never thrown into the
     * backend.
     */
    follow(report: (error: unknown) => void = defaultReport): () => void {
      return media.onEvent((event) => {
        const applying: Promise<unknown> = apply(event)
          .catch(report)
          .finally(() => inFlight.delete(applying));
        inFlight.add(applying);
      });
    },

    /** Waits for the events being applied (shutdown: before the database closes). */
    async drain(): Promise<void> {
      await Promise.all([...inFlight]);
    },
  };
};
