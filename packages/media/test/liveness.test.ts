// A publisher that is gone without a close (half-open TCP), never sends anything, or stops
// sending mid-stream loses its slot and the output takes the reconnect grace path.
import { beforeAll, expect, it } from 'vitest';
import { outputStates } from './events.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import { ffmpegProcesses, goLive, useIngest, waitFor } from './harness.ts';

const ingest = useIngest({
  heartbeatMs: 250,
  firstMessageTimeoutMs: 500,
  idleTimeoutMs: 1000,
  reconnectGraceMs: 3000,
});
let chunks: Buffer[];
beforeAll(async () => {
  chunks = await webmSlices({ codec: 'h264', seconds: 4 });
});

it('terminates a publisher that stops answering pings; the output reconnects', async () => {
  const sessionId = 'half-open';
  await ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' });
  const dir = ingest.hlsDir(sessionId);
  const silent = await ingest.connect(
    sessionId,
    { token: await ingest.token(sessionId) },
    { autoPong: false },
  );
  const sending = sendPaced(silent.ws, chunks);
  // Terminated, not closed: a peer that does not answer pings would not answer a close either.
  expect((await silent.closed).code).toBe(1006);
  await sending;
  expect(await ingest.state(sessionId)).toBe('reconnecting');
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 0, 3000, 'ffmpeg to exit');

  // A publisher that does answer them keeps streaming (pinged every 250 ms).
  const back = await ingest.publish(sessionId);
  await sendPaced(back.ws, chunks.slice(0, 8));
  await waitFor(async () => (await ingest.state(sessionId)) === 'running', 5000, 'running');
  expect(back.ws.readyState).toBe(back.ws.OPEN);
  back.ws.close(1000);
  await waitFor(async () => (await ingest.state(sessionId)) === 'idle', 3000, 'idle');
});

it('closes a publisher that sends nothing (4408) and frees the slot', async () => {
  const sessionId = 'mute';
  const { publisher } = await goLive(ingest, sessionId);
  expect(await publisher.closed).toEqual({ code: 4408, reason: 'no media received' });
  expect(await ingest.state(sessionId)).toBe('reconnecting');

  const next = await ingest.publish(sessionId); // no takeover needed
  await sendPaced(next.ws, chunks.slice(0, 8));
  await waitFor(async () => (await ingest.state(sessionId)) === 'running', 5000, 'running');
  next.ws.close(1000);
  await waitFor(async () => (await ingest.state(sessionId)) === 'idle', 3000, 'idle');
});

it('treats a publisher gone quiet mid-stream as a drop', async () => {
  const sessionId = 'stalled';
  const { dir, publisher } = await goLive(ingest, sessionId);
  await sendPaced(publisher.ws, chunks.slice(0, 8));
  await waitFor(async () => (await ingest.state(sessionId)) === 'running', 5000, 'running');
  // It stops sending but keeps the connection (and answers pings).
  expect(await publisher.closed).toEqual({ code: 4408, reason: 'stream stalled' });
  expect(await ingest.state(sessionId)).toBe('reconnecting');
  await waitFor(async () => (await ffmpegProcesses(dir)).length === 0, 3000, 'ffmpeg to exit');
  await waitFor(async () => (await ingest.state(sessionId)) === 'failed', 5000, 'grace to end');
  expect(outputStates(ingest, sessionId)).toEqual([
    'starting',
    'running',
    'reconnecting',
    'failed',
  ]);
});
