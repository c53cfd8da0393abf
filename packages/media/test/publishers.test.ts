// Done-when 3, 6, 7: one publisher per session (takeover replaces it), a dropped publisher may
// come back within the grace period into the same playlist, a removed one is closed and stays out.
import { beforeAll, expect, it } from 'vitest';
import { outputStates } from './events.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import { ffmpegProcesses, goLive, readPlaylist, sleep, useIngest, waitFor } from './harness.ts';

const GRACE_MS = 3000;
const ingest = useIngest({ reconnectGraceMs: GRACE_MS });
let chunks: Buffer[];
beforeAll(async () => {
  chunks = await webmSlices({ codec: 'h264', seconds: 4 });
});

const stateOf = (sessionId: string) => ingest.state(sessionId);

it('refuses a second publisher unless it takes over; the takeover continues the playlist', async () => {
  const sessionId = 'takeover';
  const { dir, watch, publisher: first } = await goLive(ingest, sessionId);
  const firstSending = sendPaced(first.ws, chunks);
  await waitFor(() => watch.seen.size >= 1, 10_000, 'a first segment');

  const refused = await ingest.publish(sessionId);
  expect(await refused.closed).toEqual({ code: 4409, reason: 'publisher already connected' });
  expect(first.ws.readyState).toBe(first.ws.OPEN);

  const second = await ingest.publish(sessionId, { takeover: '1' });
  expect(await first.closed).toEqual({ code: 4409, reason: 'taken over' });
  await firstSending;
  await sendPaced(second.ws, chunks.slice(0, 10));
  await waitFor(
    async () => {
      await watch.poll();
      return [...watch.seen.keys()].some((name) => name.startsWith('r2_'));
    },
    5000,
    'a segment from the new publisher',
  );
  const published = [...watch.seen.values()];
  expect(published.find((s) => s.name.startsWith('r2_'))?.discontinuity).toBe(true);
  expect(published.filter((s) => s.discontinuity)).toHaveLength(1);
  expect(await ffmpegProcesses(dir)).toHaveLength(1);
  second.ws.close(1000);
  await waitFor(async () => (await stateOf(sessionId)) === 'idle');
  await watch.stop();
  expect(watch.sequenceOk).toBe(true);
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 0, 3000, 'ffmpeg to exit');
});

it('keeps the output reconnecting during the grace period, then fails it', async () => {
  const sessionId = 'grace';
  const { dir, watch, publisher: first } = await goLive(ingest, sessionId);
  await sendPaced(first.ws, chunks.slice(0, 10));
  await waitFor(async () => (await stateOf(sessionId)) === 'running');
  first.ws.terminate(); // a dropped connection, no close frame
  await waitFor(async () => (await stateOf(sessionId)) === 'reconnecting', 3000, 'reconnecting');
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 0, 3000, 'ffmpeg to exit');

  const back = await ingest.publish(sessionId);
  await sendPaced(back.ws, chunks.slice(0, 10));
  await waitFor(async () => (await stateOf(sessionId)) === 'running', 5000, 'running again');
  await watch.poll();
  const runs = new Set([...watch.seen.keys()].map((name) => name.split('_')[0]));
  expect(runs).toEqual(new Set(['r1', 'r2']));
  expect([...watch.seen.values()].filter((s) => s.discontinuity)).toHaveLength(1);

  back.ws.terminate();
  await waitFor(async () => (await stateOf(sessionId)) === 'reconnecting', 3000, 'reconnecting');
  await sleep(GRACE_MS + 300);
  expect(await stateOf(sessionId)).toBe('failed');
  expect(await ffmpegProcesses(dir)).toEqual([]);
  expect(outputStates(ingest, sessionId)).toEqual([
    'starting',
    'running',
    'reconnecting',
    'running',
    'reconnecting',
    'failed',
  ]);
  // ensureOutput brings a failed output back, into the same playlist.
  expect(await ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' })).toEqual({
    state: 'starting',
    restarted: true,
  });
  await watch.stop();
  expect((await readPlaylist(dir))?.segments.length).toBeGreaterThan(0);
});

it('closes a removed publisher and refuses it coming back', async () => {
  const sessionId = 'removal';
  const { dir, publisher } = await goLive(ingest, sessionId);
  const sending = sendPaced(publisher.ws, chunks);
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 1, 5000, 'ffmpeg');

  await ingest.backend.removeParticipant(sessionId, 'someone-else');
  expect(await Promise.race([publisher.closed, sleep(300).then(() => 'still open')])).toBe(
    'still open',
  );
  await ingest.backend.removeParticipant(sessionId, 'host-1');
  expect(await publisher.closed).toEqual({ code: 4403, reason: 'removed' });
  await sending;
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 0, 3000, 'ffmpeg to exit');
  expect(await stateOf(sessionId)).toBe('idle');

  const again = await ingest.publish(sessionId);
  expect(await again.closed).toEqual({ code: 4403, reason: 'removed' });
  const other = await ingest.connect(sessionId, {
    token: await ingest.token(sessionId, { identity: 'cohost-2' }),
  });
  await sendPaced(other.ws, chunks.slice(0, 2));
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 1, 5000, 'ffmpeg for cohost');
  other.ws.close(1000);
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 0, 3000, 'ffmpeg to exit');
});
