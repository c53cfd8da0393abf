// Done-when 4: a session that fills its disk quota loses its publisher (4413) and its ffmpeg.
import { expect, it } from 'vitest';
import { sendPaced, webmSlices } from './fixtures.ts';
import { ffmpegProcesses, goLive, useIngest, waitFor } from './harness.ts';

const ingest = useIngest({ quotaBytes: 250_000 });

it('closes the publisher with 4413 when the session exceeds its disk quota', async () => {
  const sessionId = 'quota';
  const seconds = 5; // ~110 kB of HLS a second, linked once more into the recording
  const chunks = await webmSlices({ codec: 'h264', seconds });
  const { dir, publisher } = await goLive(ingest, sessionId, { recordings: ['rec-quota'] });
  void sendPaced(publisher.ws, chunks);
  expect(await publisher.closed).toEqual({ code: 4413, reason: 'disk quota exceeded' });
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 0, 3000, 'ffmpeg to exit');
  expect(await ingest.state(sessionId)).toBe('failed');
  // Coming back does not help while the quota is used up.
  const again = await ingest.publish(sessionId);
  expect(await again.closed).toEqual({ code: 4413, reason: 'disk quota exceeded' });
});
