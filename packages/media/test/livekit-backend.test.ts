// The LiveKit backend against an HTTP double of LiveKit's Twirp API: which egress calls each
// MediaBackend operation makes, with which settings, and how egress webhooks become MediaEvents.
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@vidinfra/domain';
import { EgressInfo, EgressStatus, TokenVerifier, WebhookEvent } from 'livekit-server-sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MediaEvent } from '../src/backend.ts';
import { livekitMediaBackend } from '../src/livekit/backend.ts';
import { startTwirpDouble, type TwirpDouble } from './twirp-double.ts';

const apiKey = 'test-key';
const apiSecret = 'test-secret-test-secret-test-secret';
const EGRESS_HLS = '/egress/hls';
const EGRESS_RECORDINGS = '/egress/recordings';

let double: TwirpDouble;
let dir: string;
let backend: ReturnType<typeof livekitMediaBackend>;
let events: MediaEvent[];
let sessionCount = 0;
let sessionId: string;

const makeBackend = (overrides: Partial<Parameters<typeof livekitMediaBackend>[0]> = {}) =>
  livekitMediaBackend({
    url: double.url.replace('http', 'ws'),
    apiKey,
    apiSecret,
    publicUrl: 'https://live.example.test/',
    hlsDir: join(dir, 'hls'),
    recordingsDir: join(dir, 'recordings'),
    egressHlsDir: EGRESS_HLS,
    egressRecordingsDir: EGRESS_RECORDINGS,
    ...overrides,
  });

beforeAll(async () => {
  double = await startTwirpDouble({ apiKey, apiSecret });
  dir = await mkdtemp(join(tmpdir(), 'livekit-backend-'));
});
afterAll(async () => {
  await double.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  double.calls.length = 0;
  double.refused.length = 0;
  double.down = false;
  sessionId = `00000000-0000-4000-8000-${String(++sessionCount).padStart(12, '0')}`;
  backend = makeBackend();
  events = [];
  backend.onEvent((event) => events.push(event));
});
afterEach(async () => {
  await backend.close();
  // Every call the backend made carried a token LiveKit would accept.
  expect(double.refused).toEqual([]);
});

const starts = () => double.callsTo('StartRoomCompositeEgress');
const stops = () => double.callsTo('StopEgress').map((call) => call.body.egressId);
const egressOf = (egressId: string) => double.egresses.get(egressId)!;

function lastStartedId(): string {
  const ids = [...double.egresses.values()].filter((info) => info.roomName === sessionId);
  return ids.at(-1)!.egressId;
}

/** As the webhook receiver makes it (the SDK's WebhookEvent constructor drops `event`). */
const webhook = (event: string, info?: EgressInfo) =>
  WebhookEvent.fromJson({
    event,
    id: `EV_${event}_${info?.egressId ?? ''}`,
    ...(info && { egressInfo: info.toJson() }),
  });

describe('the HLS output (go_live, egress/ensure)', () => {
  it('starts one room-composite egress writing 1 s HLS segments under the session’s folder', async () => {
    const result = await backend.ensureOutput(sessionId, { latencyMode: 'standard' });

    expect(result).toEqual({ state: 'starting', restarted: false });
    expect(starts()).toHaveLength(1);
    const body = starts()[0]!.body;
    expect(body).toMatchObject({
      roomName: sessionId,
      layout: 'speaker',
      segmentOutputs: [
        {
          protocol: 'HLS_PROTOCOL',
          filenamePrefix: `${EGRESS_HLS}/${sessionId}/segment`,
          playlistName: `${EGRESS_HLS}/${sessionId}/index.m3u8`,
          segmentDuration: 1,
        },
      ],
    });
    expect(body.fileOutputs ?? []).toEqual([]);
    expect(backend.hlsUrl(sessionId)).toBe(`https://live.example.test/hls/${sessionId}/index.m3u8`);
  });

  it('keeps a running egress: no second start, even for calls at the same moment', async () => {
    await backend.ensureOutput(sessionId, { latencyMode: 'low' });
    double.update(lastStartedId(), EgressStatus.EGRESS_ACTIVE);

    const again = await Promise.all([
      backend.ensureOutput(sessionId, { latencyMode: 'low' }),
      backend.ensureOutput(sessionId, { latencyMode: 'low' }),
    ]);

    expect(again).toEqual([
      { state: 'running', restarted: false },
      { state: 'running', restarted: false },
    ]);
    expect(starts()).toHaveLength(1);
  });

  it('starts once when the first two calls race', async () => {
    await Promise.all([
      backend.ensureOutput(sessionId, { latencyMode: 'standard' }),
      backend.ensureOutput(sessionId, { latencyMode: 'standard' }),
    ]);
    expect(starts()).toHaveLength(1);
  });

  it.each([
    ['failed', EgressStatus.EGRESS_FAILED],
    ['aborted', EgressStatus.EGRESS_ABORTED],
    ['ended', EgressStatus.EGRESS_COMPLETE],
    ['limited', EgressStatus.EGRESS_LIMIT_REACHED],
  ])('restarts a %s egress and says so', async (_label, status) => {
    await backend.ensureOutput(sessionId, { latencyMode: 'standard' });
    const first = lastStartedId();
    double.update(first, status);

    const result = await backend.ensureOutput(sessionId, { latencyMode: 'standard' });

    expect(result).toEqual({ state: 'starting', restarted: true });
    expect(starts()).toHaveLength(2);
    expect(lastStartedId()).not.toBe(first);
  });

  it('does not count another room’s or a foreign egress of the room as the output', async () => {
    const other = `${sessionId.slice(0, -1)}f`;
    await backend.ensureOutput(other, { latencyMode: 'standard' });
    await backend.startRecording(sessionId, 'rec-1');

    const result = await backend.ensureOutput(sessionId, { latencyMode: 'standard' });

    expect(result).toEqual({ state: 'starting', restarted: false });
    expect(starts().map((call) => call.body.roomName)).toEqual([other, sessionId, sessionId]);
  });

  it('reports the output state from the egress, and idle before there is one', async () => {
    expect(await backend.outputStatus(sessionId)).toEqual({ state: 'idle' });
    await backend.ensureOutput(sessionId, { latencyMode: 'standard' });
    expect(await backend.outputStatus(sessionId)).toEqual({ state: 'starting' });
    double.update(lastStartedId(), EgressStatus.EGRESS_FAILED, { error: 'pipeline died' });
    expect(await backend.outputStatus(sessionId)).toEqual({ state: 'failed' });
  });

  it('reads the newest segment’s age from the playlist the egress rewrites', async () => {
    await backend.ensureOutput(sessionId, { latencyMode: 'standard' });
    double.update(lastStartedId(), EgressStatus.EGRESS_ACTIVE);
    expect(await backend.outputStatus(sessionId)).toEqual({ state: 'running' });

    const playlist = join(dir, 'hls', sessionId, 'index.m3u8');
    await mkdir(join(dir, 'hls', sessionId), { recursive: true });
    await writeFile(playlist, '#EXTM3U\n');
    const tenSecondsAgo = new Date(Date.now() - 10_000);
    await utimes(playlist, tenSecondsAgo, tenSecondsAgo);

    const status = await backend.outputStatus(sessionId);
    expect(status.state).toBe('running');
    expect(status.segmentAgeSeconds).toBeGreaterThanOrEqual(10);
  });

  it('answers MEDIA_UNAVAILABLE when LiveKit refuses the start', async () => {
    const wrongSecret = makeBackend({ apiSecret: 'not-the-secret-not-the-secret-000' });
    const attempt = wrongSecret.ensureOutput(sessionId, { latencyMode: 'standard' });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'MEDIA_UNAVAILABLE' });
    expect(double.refused).toEqual([
      expect.objectContaining({ method: 'Egress/ListEgress', status: 401 }),
    ]);
    double.refused.length = 0;
    expect(starts()).toEqual([]);
  });
});

describe('stopping (end)', () => {
  it('stops the session’s running HLS and recording egresses, nothing else', async () => {
    await backend.ensureOutput(sessionId, { latencyMode: 'standard' });
    const hls = lastStartedId();
    double.update(hls, EgressStatus.EGRESS_ACTIVE);
    const { externalId: recording } = await backend.startRecording(sessionId, 'rec-2');
    const other = `${sessionId.slice(0, -1)}e`;
    await backend.ensureOutput(other, { latencyMode: 'standard' });
    const ended = (await backend.startRecording(sessionId, 'rec-old')).externalId!;
    double.update(ended, EgressStatus.EGRESS_COMPLETE);

    await backend.stopOutput(sessionId);

    expect(stops().sort()).toEqual([hls, recording].sort());
    expect(egressOf(hls).status).toBe(EgressStatus.EGRESS_ENDING);
    expect(await backend.outputStatus(sessionId)).toEqual({ state: 'stopped' });
  });

  it('is a no-op without an output', async () => {
    await backend.stopOutput(sessionId);
    expect(stops()).toEqual([]);
  });
});

describe('recordings', () => {
  it('records the room to {recordingsDir}/{recordingId}.mp4 and names the egress', async () => {
    const { externalId } = await backend.startRecording(sessionId, 'rec-3');

    expect(externalId).toMatch(/^EG_/);
    expect(starts()).toHaveLength(1);
    expect(starts()[0]!.body).toMatchObject({
      roomName: sessionId,
      fileOutputs: [{ fileType: 'MP4', filepath: `${EGRESS_RECORDINGS}/rec-3.mp4` }],
    });
    expect(starts()[0]!.body.segmentOutputs ?? []).toEqual([]);
  });

  it('stops the recording’s egress, by its id or found by the recording id', async () => {
    const { externalId } = await backend.startRecording(sessionId, 'rec-4');
    await backend.stopRecording(sessionId, 'rec-4', externalId);
    expect(stops()).toEqual([externalId]);
    // Stopping again (LiveKit: already ending) is not an error.
    await backend.stopRecording(sessionId, 'rec-4', externalId);
    expect(double.refused).toEqual([expect.objectContaining({ status: 412 })]);
    double.refused.length = 0;

    const second = (await backend.startRecording(sessionId, 'rec-5')).externalId;
    await backend.stopRecording(sessionId, 'rec-5');
    expect(stops()).toEqual([externalId, second]);
  });

  it('turns the recording egress’s end into recording.ready with our path to the file', async () => {
    const { externalId } = await backend.startRecording(sessionId, 'rec-6');
    const info = double.update(externalId!, EgressStatus.EGRESS_COMPLETE, {
      fileResults: [
        {
          filename: `${EGRESS_RECORDINGS}/rec-6.mp4`,
          size: 1_234_567n,
          duration: 61_600_000_000n,
        } as never,
      ],
    });

    backend.webhook.apply(webhook('egress_updated', info));
    expect(events).toEqual([]);
    backend.webhook.apply(webhook('egress_ended', info));

    expect(events).toEqual([
      {
        type: 'recording.ready',
        recordingId: 'rec-6',
        filePath: join(dir, 'recordings', 'rec-6.mp4'),
        sizeBytes: 1_234_567,
        durationSeconds: 62,
      },
    ]);
  });

  it.each([
    [
      'failed',
      EgressStatus.EGRESS_FAILED,
      'Start signal not received',
      'Start signal not received',
    ],
    ['aborted', EgressStatus.EGRESS_ABORTED, '', 'egress EGRESS_ABORTED'],
    ['empty', EgressStatus.EGRESS_COMPLETE, '', 'the egress wrote an empty file'],
  ])('turns a %s recording egress into recording.failed', async (_label, status, error, said) => {
    const { externalId } = await backend.startRecording(sessionId, 'rec-7');
    const info = double.update(externalId!, status, { error });
    backend.webhook.apply(webhook('egress_ended', info));
    expect(events).toEqual([{ type: 'recording.failed', recordingId: 'rec-7', error: said }]);
  });

  it('retries by looking for the file: ready when it is there, failed again when not', async () => {
    const { externalId } = await backend.startRecording(sessionId, 'rec-8');
    double.update(externalId!, EgressStatus.EGRESS_FAILED, { error: 'upload failed' });

    await backend.retryRecording('rec-8', externalId);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([
      { type: 'recording.failed', recordingId: 'rec-8', error: 'upload failed' },
    ]);

    await mkdir(join(dir, 'recordings'), { recursive: true });
    await writeFile(join(dir, 'recordings', 'rec-8.mp4'), Buffer.alloc(2048));
    await backend.retryRecording('rec-8', externalId);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events[1]).toEqual({
      type: 'recording.ready',
      recordingId: 'rec-8',
      filePath: join(dir, 'recordings', 'rec-8.mp4'),
      sizeBytes: 2048,
      durationSeconds: 0,
    });
  });
});

describe('webhook events for the HLS egress', () => {
  it('become output.state of the session; other egresses are ignored', async () => {
    await backend.ensureOutput(sessionId, { latencyMode: 'standard' });
    const info = double.update(lastStartedId(), EgressStatus.EGRESS_ACTIVE);
    backend.webhook.apply(webhook('egress_updated', info));
    backend.webhook.apply(
      webhook('egress_ended', double.update(info.egressId, EgressStatus.EGRESS_FAILED)),
    );
    const foreign = new EgressInfo({
      egressId: 'EG_foreign',
      roomName: sessionId,
      status: EgressStatus.EGRESS_FAILED,
      request: {
        case: 'roomComposite',
        value: { roomName: sessionId, segmentOutputs: [{ playlistName: '/elsewhere/x.m3u8' }] },
      } as never,
    });
    backend.webhook.apply(webhook('egress_ended', foreign));
    backend.webhook.apply(webhook('room_finished'));

    expect(events).toEqual([
      { type: 'output.state', sessionId, state: 'running' },
      { type: 'output.state', sessionId, state: 'failed' },
    ]);
  });
});

describe('participants, tokens, availability', () => {
  it('removes a participant from the media room, and a missing one is not an error', async () => {
    double.participants.add(`${sessionId}/user-1`);
    await backend.removeParticipant(sessionId, 'user-1');
    expect(double.participants.has(`${sessionId}/user-1`)).toBe(false);
    expect(double.callsTo('RemoveParticipant').map((call) => call.body)).toEqual([
      { room: sessionId, identity: 'user-1' },
    ]);

    await backend.removeParticipant(sessionId, 'user-1');
    expect(double.refused).toEqual([expect.objectContaining({ status: 404 })]);
    double.refused.length = 0;
  });

  it('signs media tokens with the API secret for the grant’s room, at LIVEKIT_URL', async () => {
    const token = await backend.mediaToken({
      room: sessionId,
      identity: 'user-2',
      name: 'User Two',
      canPublish: false,
      canSubscribe: true,
      ttlSeconds: 60,
    });
    const claims = await new TokenVerifier(apiKey, apiSecret).verify(token);
    expect(claims).toMatchObject({ sub: 'user-2', video: { room: sessionId, roomJoin: true } });
    expect(backend.wsUrl()).toBe(double.url.replace('http', 'ws'));
  });

  it('is available while LiveKit answers, not when it is down or gone', async () => {
    expect(await backend.available()).toBe(true);
    expect(double.callsTo('ListRooms')).toHaveLength(1);
    double.down = true;
    expect(await backend.available()).toBe(false);
    double.refused.length = 0;
    const gone = makeBackend({ url: 'http://127.0.0.1:1' });
    expect(await gone.available()).toBe(false);
  });
});
