// The application's say over who may publish: the ingest's `admit` is asked after the token
// verified and before the publisher is taken; a refusal closes with its code and starts nothing.
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { IngestAdmission } from '../src/index.ts';
import { outputStates } from './events.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import { ffmpegProcesses, useIngest, waitFor } from './harness.ts';

let decide: IngestAdmission = async () => ({ ok: true });
const asked: [string, string][] = [];
const originsAsked: (string | undefined)[] = [];
const ingest = useIngest(
  {},
  {
    allowOrigin: (origin) => {
      originsAsked.push(origin);
      return origin === undefined || origin === 'app://studio';
    },
    admit: (sessionId, identity) => {
      asked.push([sessionId, identity]);
      return decide(sessionId, identity);
    },
  },
);
let chunks: Buffer[];
beforeAll(async () => {
  chunks = await webmSlices({ codec: 'h264', seconds: 2 });
});
beforeEach(() => {
  asked.length = 0;
  originsAsked.length = 0;
  decide = async () => ({ ok: true });
});

it('closes with the refusal of admit and starts nothing', async () => {
  const sessionId = 'guest-refused';
  await ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' });
  decide = async () => ({ ok: false, code: 4403, reason: 'not on the host side' });
  const guest = await ingest.connect(sessionId, {
    token: await ingest.token(sessionId, { identity: 'guest-7' }),
  });
  void sendPaced(guest.ws, chunks);
  expect(await guest.closed).toEqual({ code: 4403, reason: 'not on the host side' });
  expect(asked).toEqual([[sessionId, 'guest-7']]);
  expect(await ffmpegProcesses(ingest.hlsDir(sessionId))).toEqual([]);
  expect(outputStates(ingest, sessionId)).toEqual(['starting']);
});

it('refuses a page on an origin the application does not allow with 4403, before admit', async () => {
  const sessionId = 'foreign-page';
  await ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' });
  const token = await ingest.token(sessionId);
  const foreign = await ingest.connect(sessionId, { token }, { origin: 'https://evil.example' });
  expect(await foreign.closed).toEqual({ code: 4403, reason: 'origin not allowed' });
  expect(originsAsked).toEqual(['https://evil.example']);
  expect(asked).toEqual([]);
  expect(outputStates(ingest, sessionId)).toEqual(['starting']);
  const studio = await ingest.connect(sessionId, { token }, { origin: 'app://studio' });
  void sendPaced(studio.ws, chunks);
  await waitFor(async () => (await ingest.state(sessionId)) === 'running', 5000, 'running');
  expect(asked).toHaveLength(1);
  studio.ws.close(1000);
  expect(await studio.closed).toMatchObject({ code: 1000 });
});

it('is not asked about a token that does not verify', async () => {
  await ingest.backend.ensureOutput('bad-token', { latencyMode: 'standard' });
  const publisher = await ingest.connect('bad-token', { token: 'not-a-jwt' });
  expect(await publisher.closed).toMatchObject({ code: 4401 });
  expect(asked).toEqual([]);
});

it('a refused takeover leaves the admitted publisher streaming', async () => {
  const sessionId = 'host-streaming';
  await ingest.backend.ensureOutput(sessionId, { latencyMode: 'standard' });
  const host = await ingest.publish(sessionId);
  const sending = sendPaced(host.ws, chunks);
  await waitFor(async () => (await ingest.state(sessionId)) === 'running', 5000, 'running');

  decide = async () => ({ ok: false, code: 4410, reason: 'session ended' });
  const intruder = await ingest.publish(sessionId, { takeover: '1' });
  expect(await intruder.closed).toEqual({ code: 4410, reason: 'session ended' });
  expect(host.ws.readyState).toBe(host.ws.OPEN);
  expect(await sending).toBe(chunks.length);
  expect(asked).toEqual([
    [sessionId, 'host-1'],
    [sessionId, 'host-1'],
  ]);
  host.ws.close(1000);
  await waitFor(async () => (await ingest.state(sessionId)) === 'idle', 3000, 'idle');
});

it('closes with 1011 and logs when admit fails', async () => {
  await ingest.backend.ensureOutput('admit-fails', { latencyMode: 'standard' });
  decide = async () => {
    throw new Error('database unreachable');
  };
  const publisher = await ingest.publish('admit-fails');
  expect(await publisher.closed).toEqual({ code: 1011, reason: 'internal error' });
  expect(ingest.logs).toContainEqual({
    level: 'error',
    message: expect.stringContaining('database unreachable'),
  });
});
