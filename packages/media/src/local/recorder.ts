// Recordings of the local backend: while active, each new segment of the session is linked into
// the recording's parts; when stopped, the parts are remuxed into `{recordingId}.mp4` in the
// background, a frame of it becomes its poster, and the outcome is emitted. Failed parts stay on disk for `retry`.
import { DomainError } from '@vidinfra/domain';
import type { MediaEvent } from '../backend.ts';
import {
  recordingFile,
  recordingPartsDir,
  recordingPosterFile,
  type ResolvedOptions,
} from './options.ts';
import { RecordingParts } from './recording-parts.ts';
import { writeRecordingPoster } from './recording-poster.ts';
import { remuxParts } from './remux.ts';

export class Recorder {
  private readonly active = new Map<string, { sessionId: string; parts: RecordingParts }>();
  private readonly jobs = new Map<string, Promise<void>>();

  constructor(
    private readonly options: ResolvedOptions,
    private readonly emit: (event: MediaEvent) => void,
  ) {}

  /** Idempotent for a recording already active. */
  start(sessionId: string, recordingId: string) {
    if (this.active.has(recordingId)) return;
    if (this.jobs.has(recordingId)) {
      throw new DomainError('RECORDING_ACTIVE', 'the recording is being processed');
    }
    const parts = new RecordingParts(recordingPartsDir(this.options.dataDir, recordingId));
    this.active.set(recordingId, { sessionId, parts });
  }

  /** Parts of the session's active recordings: new segments go into each. */
  partsOf(sessionId: string): RecordingParts[] {
    return [...this.active.values()].filter((r) => r.sessionId === sessionId).map((r) => r.parts);
  }

  activeIds(sessionId: string): string[] {
    return [...this.active].filter(([, r]) => r.sessionId === sessionId).map(([id]) => id);
  }

  /** Keeps linking until `until` settles, then remuxes. A no-op unless the recording is active. */
  finish(recordingId: string, until: Promise<void> = Promise.resolve()) {
    const entry = this.active.get(recordingId);
    if (!entry || this.jobs.has(recordingId)) return;
    this.track(
      recordingId,
      (async () => {
        await until;
        this.active.delete(recordingId);
        await entry.parts.flush();
        await this.remux(recordingId);
      })(),
    );
  }

  /** Remuxes a failed recording's kept parts again. */
  retry(recordingId: string) {
    if (this.active.has(recordingId) || this.jobs.has(recordingId)) return;
    this.track(recordingId, this.remux(recordingId));
  }

  /** Finishes every active recording and waits for all processing. */
  async close() {
    for (const id of [...this.active.keys()]) this.finish(id);
    await Promise.all([...this.jobs.values()]);
  }

  private track(recordingId: string, job: Promise<void>) {
    const tracked = job.finally(() => this.jobs.delete(recordingId));
    this.jobs.set(recordingId, tracked);
  }

  private async remux(recordingId: string) {
    try {
      const result = await remuxParts({
        ffmpegPath: this.options.ffmpegPath,
        ffprobePath: this.options.ffprobePath,
        partsDir: recordingPartsDir(this.options.dataDir, recordingId),
        output: recordingFile(this.options.dataDir, recordingId),
      });
      const posterPath = await writeRecordingPoster({
        ffmpegPath: this.options.ffmpegPath,
        input: result.filePath,
        output: recordingPosterFile(this.options.dataDir, recordingId),
        durationSeconds: result.durationSeconds,
        log: this.options.log,
      });
      this.emit({
        type: 'recording.ready',
        recordingId,
        ...result,
        ...(posterPath && { posterPath }),
      });
    } catch (error) {
      this.options.log.warn(`recording ${recordingId} failed: ${(error as Error).message}`);
      this.emit({ type: 'recording.failed', recordingId, error: (error as Error).message });
    }
  }
}
