// Waiting for the backend's recording events in tests.
import type { MediaEvent } from '../src/backend.ts';
import { waitFor, type Ingest } from './harness.ts';

export type RecordingOutcome = Extract<
  MediaEvent,
  { type: 'recording.ready' } | { type: 'recording.failed' }
>;

export const recordingOutcomes = (ingest: Ingest, recordingId: string) =>
  ingest.events.filter(
    (e): e is RecordingOutcome =>
      (e.type === 'recording.ready' || e.type === 'recording.failed') &&
      e.recordingId === recordingId,
  );

/** The recording's ready/failed event, which must come within `timeoutMs`. */
export async function recordingOutcome(ingest: Ingest, recordingId: string, timeoutMs = 5000) {
  const [outcome] = await waitFor(
    () => {
      const found = recordingOutcomes(ingest, recordingId);
      return found.length ? found : null;
    },
    timeoutMs,
    `recording ${recordingId}`,
  );
  return outcome!;
}

export async function readyRecording(ingest: Ingest, recordingId: string, timeoutMs = 5000) {
  const outcome = await recordingOutcome(ingest, recordingId, timeoutMs);
  if (outcome.type !== 'recording.ready') throw new Error(`recording failed: ${outcome.error}`);
  return outcome;
}

export const outputStates = (ingest: Ingest, sessionId: string) =>
  ingest.events
    .filter((e) => e.type === 'output.state' && e.sessionId === sessionId)
    .map((e) => (e.type === 'output.state' ? e.state : null));
