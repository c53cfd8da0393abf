// What the media backend reports after a stop: a finished file (`recording.ready`) or a failure
// (`recording.failed`). Applied by compare-and-set on the status, so an event delivered twice, or
// to several services instances on one backend, changes the recording once and records one event.
import type { Recording } from '@vidinfra/db';
import type { MediaEvent } from '@vidinfra/media';
import type { Deps } from '../deps.ts';
import { recordEvent } from '../events.ts';
import { publishReady } from './playbacks.ts';
import { recordingView } from './view.ts';

/** The statuses a recording can still fail, or become ready, from. */
export const UNFINISHED: Recording['status'][] = ['recording', 'processing'];

/** A recording's `error` is shown to its owner: the cause in short. */
export const clipError = (text: string): string => text.slice(0, 500) || 'the media backend failed';

type RecordingEvent = Extract<MediaEvent, { type: 'recording.ready' | 'recording.failed' }>;

export const mediaEventApplier = (deps: Deps) => {
  const { db, now } = deps;
  const view = recordingView(deps);
  const ready = (event: Extract<RecordingEvent, { type: 'recording.ready' }>) =>
    db.transaction(async (r) => {
      const current = await r.recordings.findById(event.recordingId);
      if (!current || !UNFINISHED.includes(current.status)) return null;
      const at = now();
      const done = await r.recordings.updateIfStatus(current.id, [current.status], {
        status: 'ready',
        filePath: event.filePath,
        posterPath: event.posterPath ?? null,
        sizeBytes: Math.max(0, Math.round(event.sizeBytes)),
        durationSeconds: Math.max(0, Math.round(event.durationSeconds)),
        error: null,
        stoppedAt: current.stoppedAt ?? at,
        readyAt: at,
      });
      if (!done) return null;
      await publishReady(r, done);
      await recordEvent(r, 'recording.ready', done.sessionId, await view.one(r, done));
      return done;
    });

  const failed = (event: Extract<RecordingEvent, { type: 'recording.failed' }>) =>
    db.transaction(async (r) => {
      const current = await r.recordings.findById(event.recordingId);
      if (!current || !UNFINISHED.includes(current.status)) return null;
      const done = await r.recordings.updateIfStatus(current.id, [current.status], {
        status: 'failed',
        error: clipError(event.error),
        stoppedAt: current.stoppedAt ?? now(),
      });
      if (!done) return null;
      await recordEvent(r, 'recording.failed', done.sessionId, await view.one(r, done));
      return done;
    });

  /**
   * Applies a recording event; the recording as it became, or null when the event changed
   * nothing (unknown or deleted recording, already finished, another instance applied it).
   * Other events (output state) are not the recordings' business.
   */
  return async (event: MediaEvent): Promise<Recording | null> => {
    if (event.type === 'recording.ready') return ready(event);
    if (event.type === 'recording.failed') return failed(event);
    return null;
  };
};
