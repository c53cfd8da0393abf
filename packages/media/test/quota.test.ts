// Done-when 4: a session that fills its disk quota loses its publisher (4413) and its ffmpeg.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sendPaced, slices, webmBytes } from './fixtures.ts';
import { ffmpegProcesses, startIngest, waitFor, type Ingest } from './harness.ts';

let ingest: Ingest;
beforeAll(async () => {
  ingest = await startIngest({ quotaBytes: 250_000 });
});
afterAll(() => ingest?.close());

it('closes the publisher with 4413 when the session exceeds its disk quota', async () => {
  const sessionId = 'quota';
  const seconds = 5; // ~110 kB of HLS a second, linked once more into the recording
  const chunks = slices(await webmBytes({ codec: 'h264', seconds }), seconds);
  await ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' });
  await ingest.backend.startRecording(sessionId, 'rec-quota');
  const dir = ingest.hlsDir(sessionId);
  const publisher = await ingest.publish(sessionId);
  void sendPaced(publisher.ws, chunks);
  expect(await publisher.closed).toEqual({ code: 4413, reason: 'disk quota exceeded' });
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 0, 3000, 'ffmpeg to exit');
  expect((await ingest.backend.outputStatus(sessionId)).state).toBe('failed');
  // Coming back does not help while the quota is used up.
  const again = await ingest.publish(sessionId);
  expect(await again.closed).toEqual({ code: 4413, reason: 'disk quota exceeded' });
});
