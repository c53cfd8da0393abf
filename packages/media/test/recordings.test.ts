// Recording failures keep their parts for a retry; a server shutdown finishes what is running
// and leaves no process behind.
import { copyFile, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { recordingFile, recordingPartsDir, recordingsDir } from '../src/index.ts';
import { readyRecording, recordingOutcome } from './events.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import { ffmpegProcesses, goLive, startIngest, useIngest, waitFor } from './harness.ts';

const ingest = useIngest();
let chunks: Buffer[];
beforeAll(async () => {
  chunks = await webmSlices({ codec: 'h264', seconds: 3 });
});

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const partsDir = (recordingId: string) => recordingPartsDir(ingest.dataDir, recordingId);

it('fails a recording without media and keeps its parts', async () => {
  await ingest.backend.ensureOutput('empty', { latencyMode: 'standard' });
  await ingest.backend.startRecording('empty', 'rec-empty');
  await ingest.backend.stopRecording('empty', 'rec-empty');
  expect(await recordingOutcome(ingest, 'rec-empty')).toEqual({
    type: 'recording.failed',
    recordingId: 'rec-empty',
    error: 'no media was recorded',
  });
  expect(await exists(partsDir('rec-empty'))).toBe(true);
});

it('retries a failed remux from the kept parts', async () => {
  const sessionId = 'retry';
  const { watch, publisher } = await goLive(ingest, sessionId, { recordings: ['rec-retry'] });
  await sendPaced(publisher.ws, chunks);
  await waitFor(() => watch.seen.size >= 2, 5000, 'segments');
  await watch.stop();
  // A part goes missing before the remux: ffmpeg cannot open it.
  const part = [...watch.seen.keys()][0]!;
  const aside = join(ingest.dataDir, 'aside.ts');
  await rename(join(partsDir('rec-retry'), part), aside);
  await ingest.backend.stopRecording(sessionId, 'rec-retry');
  const failed = await recordingOutcome(ingest, 'rec-retry');
  expect(failed.type).toBe('recording.failed');
  expect(failed.type === 'recording.failed' && failed.error).toMatch(
    /^remux failed: [\s\S]*Impossible to open/,
  );
  expect(await exists(recordingFile(ingest.dataDir, 'rec-retry'))).toBe(false);

  await copyFile(aside, join(partsDir('rec-retry'), part));
  ingest.events.length = 0;
  await ingest.backend.retryRecording('rec-retry');
  const ready = await readyRecording(ingest, 'rec-retry');
  expect(ready.durationSeconds).toBeGreaterThan(1.5);
  expect(await exists(partsDir('rec-retry'))).toBe(false);
  publisher.ws.close(1000);
});

it('on shutdown closes publishers, finishes recordings and stops every ffmpeg', async () => {
  const own = await startIngest();
  try {
    const { dir, watch, publisher } = await goLive(own, 'shutdown', {
      recordings: ['rec-shutdown'],
    });
    const sending = sendPaced(publisher.ws, chunks);
    await waitFor(() => watch.seen.size >= 1, 5000, 'a segment');
    await watch.stop();
    await own.backend.close();
    expect(await publisher.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    await sending;
    expect(await ffmpegProcesses(dir)).toEqual([]);
    expect((await readyRecording(own, 'rec-shutdown', 0)).durationSeconds).toBeGreaterThan(0.5);
    expect(await readdir(recordingsDir(own.dataDir))).toEqual([
      'rec-shutdown.mp4',
      'rec-shutdown.poster.jpg',
    ]);
  } finally {
    await own.close();
  }
});
