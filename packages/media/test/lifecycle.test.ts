// ensureOutput and stopOutput of one session run one after the other, so a stop is never undone
// half-way; an ended session is forgotten once its files are gone, even when removing them fails.
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { HlsOutput } from '../src/local/hls-output.ts';
import { outputStates } from './events.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import { goLive, readPlaylist, useIngest, waitFor } from './harness.ts';

const RETENTION_MS = 300;
const ingest = useIngest({ endedRetentionMs: RETENTION_MS });
let chunks: Buffer[];
beforeAll(async () => {
  chunks = await webmSlices({ codec: 'h264', seconds: 2 });
});
afterEach(() => vi.restoreAllMocks());

it('runs an ensureOutput that arrives during stopOutput after the stop has finished', async () => {
  const sessionId = 'stop-race';
  const { dir, publisher } = await goLive(ingest, sessionId);
  await sendPaced(publisher.ws, chunks, { speed: 2 });
  await waitFor(async () => (await ingest.state(sessionId)) === 'running', 5000, 'running');

  const stopping = ingest.backend.stopOutput(sessionId);
  const ensuring = ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' });
  await stopping;
  expect(await publisher.closed).toEqual({ code: 4410, reason: 'session ended' });
  // The stop ended the playlist; the ensure then brought a stopped output back.
  expect(await ensuring).toEqual({ state: 'starting', restarted: true });
  expect(outputStates(ingest, sessionId)).toEqual(['starting', 'running', 'stopped', 'starting']);

  // Live again, it can be stopped again and is then forgotten with its files.
  const again = await ingest.publish(sessionId);
  await ingest.backend.stopOutput(sessionId);
  expect(await again.closed).toEqual({ code: 4410, reason: 'session ended' });
  expect((await readPlaylist(dir))?.ended).toBe(true);
  await waitFor(async () => (await readPlaylist(dir)) === null, 3000, 'files removed');
  await waitFor(async () => (await ingest.state(sessionId)) === 'idle', 3000, 'forgotten');
});

it('keeps a session stopped when stopOutput follows ensureOutputs at once', async () => {
  const sessionId = 'stop-last';
  await ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' });
  await Promise.all([
    ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' }),
    ingest.backend.stopOutput(sessionId),
  ]);
  expect(await ingest.state(sessionId)).toBe('stopped');
  const late = await ingest.publish(sessionId);
  expect(await late.closed).toEqual({ code: 4410, reason: 'session ended' });
  await waitFor(async () => (await ingest.state(sessionId)) === 'idle', 3000, 'forgotten');
});

it('logs a failure to remove an ended session and still forgets it', async () => {
  const sessionId = 'expire-fails';
  vi.spyOn(HlsOutput.prototype, 'close').mockRejectedValueOnce(new Error('disk went away'));
  await ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' });
  await ingest.backend.stopOutput(sessionId);
  // An async timer callback without a catch would make this an unhandled rejection.
  await waitFor(
    () => ingest.logs.find((line) => line.level === 'error' && /disk went away/.test(line.message)),
    3000,
    'the failure to be logged',
  );
  await waitFor(async () => (await ingest.state(sessionId)) === 'idle', 3000, 'forgotten');
});
