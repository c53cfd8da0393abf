// Done-when 2: an ffmpeg killed mid-stream is replaced within seconds; the stream continues in
// the same playlist after a DISCONTINUITY, and the recording is one MP4 covering the stream.
import { expect, it } from 'vitest';
import { readyRecording, recordingOutcomes } from './events.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import { ffmpegProcesses, goLive, readPlaylist, sleep, useIngest, waitFor } from './harness.ts';

const ingest = useIngest();

it('restarts a killed ffmpeg into the same playlist and the same recording', async () => {
  const sessionId = 'killed';
  const seconds = 6;
  const chunks = await webmSlices({ codec: 'h264', seconds });
  const { dir, watch, publisher } = await goLive(ingest, sessionId, {
    recordings: ['rec-killed'],
  });
  const sending = sendPaced(publisher.ws, chunks);

  await waitFor(() => watch.seen.size >= 2, 10_000, 'two segments');
  const [first] = await ffmpegProcesses(dir);
  expect(first).toBeDefined();
  process.kill(first!.pid, 'SIGKILL');
  const killedAt = Date.now();
  const resumed = await waitFor(
    async () => {
      await watch.poll();
      return [...watch.seen.values()].find((s) => s.name.startsWith('r2_'));
    },
    3000,
    'a segment of the restarted ffmpeg',
  );
  expect(Date.now() - killedAt).toBeLessThan(3000);
  expect(resumed.discontinuity).toBe(true);
  const [second] = await ffmpegProcesses(dir);
  expect(second?.pid).not.toBe(first!.pid);

  expect(await sending).toBe(chunks.length);
  await ingest.backend.stopOutput(sessionId);
  expect(await publisher.closed).toMatchObject({ code: 4410 });
  await watch.stop();
  expect(watch.sequenceOk).toBe(true);
  const published = [...watch.seen.values()];
  expect(published.filter((s) => s.discontinuity)).toHaveLength(1);
  expect(new Set(published.map((s) => s.name.split('_')[0]))).toEqual(new Set(['r1', 'r2']));
  expect((await readPlaylist(dir))?.ended).toBe(true);

  const ready = await readyRecording(ingest, 'rec-killed');
  const publishedSeconds = published.reduce((sum, s) => sum + s.duration, 0);
  expect(Math.abs(ready.durationSeconds - publishedSeconds)).toBeLessThan(1);
  // Little of the stream is lost: at most the restart's own second or so.
  expect(ready.durationSeconds).toBeGreaterThan(seconds - 2);
  await sleep(200);
  expect(recordingOutcomes(ingest, 'rec-killed')).toHaveLength(1);
  expect(await ffmpegProcesses(dir)).toEqual([]);
});
