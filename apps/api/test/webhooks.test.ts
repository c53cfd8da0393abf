// The API on the LiveKit media backend, with an HTTP double of LiveKit's Twirp API standing in
// for the server: the lifecycle's egress calls, media access taken away, and the signed
// webhook (signature over the raw body, one application per event id, attendance, recordings).
import { EgressStatus } from 'livekit-server-sdk';
import { livekitMediaBackend, type MediaEvent } from '@vidinfra/media';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
// The double lives with the media package's tests; it is a test helper, not package API.
import { signWebhook, startTwirpDouble } from '../../../packages/media/test/twirp-double.ts';
import { useTestApp } from './harness.ts';
import { moveTo, ownedSession } from './session-fixtures.ts';

const apiKey = 'webhook-test-key';
const apiSecret = 'webhook-test-secret-webhook-test-secret';
const EGRESS_RECORDINGS = '/egress/recordings';

const double = await startTwirpDouble({ apiKey, apiSecret });
const media = livekitMediaBackend({
  url: double.url,
  apiKey,
  apiSecret,
  publicUrl: 'http://vidinfra.test',
  hlsDir: '/data/hls',
  recordingsDir: '/data/recordings',
  egressRecordingsDir: EGRESS_RECORDINGS,
});
/** Set to make the backend's next webhook handling throw (a crash while applying). */
let failNextWebhook = false;
const crashingOnDemand = {
  ...media,
  webhook: {
    ...media.webhook,
    apply(event: Parameters<typeof media.webhook.apply>[0]) {
      if (failNextWebhook) {
        failNextWebhook = false;
        throw new Error('crashed while applying the event');
      }
      media.webhook.apply(event);
    },
  },
};
const api = useTestApp(
  { LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret },
  { media: crashingOnDemand },
);
const mediaEvents: MediaEvent[] = [];
media.onEvent((event) => mediaEvents.push(event));

afterAll(async () => {
  await media.close();
  await double.close();
});
beforeEach(() => {
  double.calls.length = 0;
  mediaEvents.length = 0;
});

let eventCount = 0;
const eventId = () => `EV_test${++eventCount}`;

/**
 * A delivery as LiveKit makes it: protobuf JSON (or the raw text given), signed,
 * `application/webhook+json`, to this file's app unless `to` names another.
 */
async function deliver(
  event: Record<string, unknown> | string,
  options: {
    secret?: string;
    body?: string;
    authorization?: string | null;
    to?: { call: typeof api.call };
  } = {},
) {
  const signed = typeof event === 'string' ? event : JSON.stringify(event);
  const authorization =
    options.authorization === undefined
      ? await signWebhook(signed, apiKey, options.secret ?? apiSecret)
      : options.authorization;
  return (options.to ?? api).call('POST', '/api/webhooks/livekit', {
    rawBody: options.body ?? signed,
    headers: {
      'content-type': 'application/webhook+json',
      ...(authorization !== null && { authorization }),
    },
  });
}

const participantEvent = (
  name: 'participant_joined' | 'participant_left',
  sessionId: string,
  identity: string,
  id = eventId(),
) => ({
  event: name,
  id,
  createdAt: String(Math.floor(Date.now() / 1000)),
  room: { sid: 'RM_double', name: sessionId },
  participant: { sid: `PA_${identity.slice(0, 8)}`, identity, name: 'Someone', state: 'ACTIVE' },
});

async function liveSessionWithViewer() {
  const world = await ownedSession(api, 'live');
  const viewer = await api.account('viewer');
  return { ...world, viewer };
}

const intervalsOf = (sessionId: string) => api.db.repos.attendance.intervals(sessionId);

describe('the lifecycle drives LiveKit egress', () => {
  it('go_live starts the HLS egress, ensure keeps it, end stops it', async () => {
    const { owner, sessionId } = await ownedSession(api, 'backstage');

    await moveTo(api, owner, sessionId, 'live');
    const starts = double.callsTo('StartRoomCompositeEgress');
    expect(starts.map((call) => call.body.roomName)).toEqual([sessionId]);
    expect(starts[0]!.body.segmentOutputs).toEqual([
      expect.objectContaining({ playlistName: `/data/hls/${sessionId}/index.m3u8` }),
    ]);
    const [egressId] = [...double.egresses.values()]
      .filter((info) => info.roomName === sessionId)
      .map((info) => info.egressId);
    double.update(egressId!, EgressStatus.EGRESS_ACTIVE);

    const ensured = await api.call('POST', `/api/sessions/${sessionId}/egress/ensure`, {
      token: owner.token,
    });
    expect(ensured.body.data).toMatchObject({
      output: 'running',
      restarted: false,
      hls_url: `http://vidinfra.test/hls/${sessionId}/index.m3u8`,
    });
    expect(double.callsTo('StartRoomCompositeEgress')).toHaveLength(1);

    await moveTo(api, owner, sessionId, 'ended');
    expect(double.callsTo('StopEgress').map((call) => call.body.egressId)).toEqual([egressId]);
  });

  it('a ban takes the user out of the media room', async () => {
    const { owner, sessionId, viewer } = await liveSessionWithViewer();
    double.participants.add(`${sessionId}/${viewer.id}`);

    const banned = await api.call('POST', `/api/sessions/${sessionId}/bans`, {
      token: owner.token,
      body: { user_id: viewer.id, scope: 'session' },
    });

    expect(banned.status, JSON.stringify(banned.body.error)).toBe(200);
    expect(double.callsTo('RemoveParticipant').map((call) => call.body)).toEqual([
      { room: sessionId, identity: viewer.id },
    ]);
    expect(double.participants.has(`${sessionId}/${viewer.id}`)).toBe(false);
  });
});

describe('POST /api/webhooks/livekit', () => {
  it('is in the OpenAPI document under the contract’s name', async () => {
    const openapi = (await api.call('GET', '/api/openapi.json')).body as unknown as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    expect(openapi.paths['/webhooks/livekit']?.post?.summary).toBe('LiveKit webhook handler');
  });

  it('opens attendance when a user joins the media room and closes it when they leave', async () => {
    const { sessionId, viewer } = await liveSessionWithViewer();

    const joined = await deliver(participantEvent('participant_joined', sessionId, viewer.id));
    expect(joined.status, JSON.stringify(joined.body.error)).toBe(200);
    expect(joined.body.data).toMatchObject({ event: 'participant_joined', duplicate: false });
    expect((await api.db.repos.attendance.active(sessionId)).map((row) => row.userId)).toEqual([
      viewer.id,
    ]);

    const left = await deliver(participantEvent('participant_left', sessionId, viewer.id));
    expect(left.status).toBe(200);
    expect(await api.db.repos.attendance.active(sessionId)).toEqual([]);
    const intervals = await intervalsOf(sessionId);
    expect(intervals).toHaveLength(1);
    expect(intervals[0]!.leftAt).not.toBeNull();
    expect(intervals[0]!.nodeId).toBeNull(); // no gateway node saw this viewer
  });

  it('applies an event id once: a repeated delivery answers 200 and changes nothing', async () => {
    const { sessionId, viewer } = await liveSessionWithViewer();
    const joined = participantEvent('participant_joined', sessionId, viewer.id);
    await deliver(joined);
    await deliver(participantEvent('participant_left', sessionId, viewer.id));

    const replay = await deliver(joined);

    expect(replay.status).toBe(200);
    expect(replay.body.data).toEqual({
      event_id: joined.id,
      event: 'participant_joined',
      duplicate: true,
    });
    expect(await api.db.repos.attendance.active(sessionId)).toEqual([]);
    expect(await intervalsOf(sessionId)).toHaveLength(1);
  });

  it('leaves monitors, egress participants and sessions not yet open out of attendance', async () => {
    const { sessionId, viewer } = await liveSessionWithViewer();
    const scheduled = await ownedSession(api, 'scheduled');

    for (const event of [
      participantEvent('participant_joined', sessionId, `monitor:${viewer.id}`),
      participantEvent('participant_joined', sessionId, 'EG_double1'),
      participantEvent('participant_joined', scheduled.sessionId, viewer.id),
      participantEvent('participant_joined', 'not-a-session', viewer.id),
    ]) {
      expect((await deliver(event)).status).toBe(200);
    }

    expect(await intervalsOf(sessionId)).toEqual([]);
    expect(await intervalsOf(scheduled.sessionId)).toEqual([]);
  });

  it('turns a recording egress’s end into recording.ready for the recordings, once', async () => {
    const { sessionId } = await liveSessionWithViewer();
    const recordingId = '0190a4c2-0000-7000-8000-00000000abcd';
    const { externalId } = await media.startRecording(sessionId, recordingId);
    const info = double.update(externalId!, EgressStatus.EGRESS_COMPLETE, {
      fileResults: [
        {
          filename: `${EGRESS_RECORDINGS}/${recordingId}.mp4`,
          size: 5_000n,
          duration: 3_000_000_000n,
        },
      ] as never,
    });
    const ended = { event: 'egress_ended', id: eventId(), egressInfo: info.toJson() };

    expect((await deliver(ended)).status).toBe(200);
    expect((await deliver(ended)).body.data).toMatchObject({ duplicate: true });

    expect(mediaEvents.filter((event) => event.type === 'recording.ready')).toEqual([
      {
        type: 'recording.ready',
        recordingId,
        filePath: `/data/recordings/${recordingId}.mp4`,
        sizeBytes: 5_000,
        durationSeconds: 3,
      },
    ]);
  });

  it('leaves the event id free when applying it fails, so LiveKit’s retry applies it', async () => {
    const { owner, sessionId } = await liveSessionWithViewer();
    const recording = await api.db.repos.recordings.create({
      sessionId,
      ownerId: owner.id,
      title: 'Rec',
      status: 'recording',
      startedAt: new Date(),
    });
    const { externalId } = await media.startRecording(sessionId, recording.id);
    const info = double.update(externalId!, EgressStatus.EGRESS_COMPLETE, {
      fileResults: [
        { filename: `${EGRESS_RECORDINGS}/${recording.id}.mp4`, size: 5_000n, duration: 0n },
      ] as never,
    });
    const ended = { event: 'egress_ended', id: eventId(), egressInfo: info.toJson() };
    const statusNow = async () => (await api.db.repos.recordings.findById(recording.id))?.status;

    failNextWebhook = true;
    const crashed = await deliver(ended);
    expect(crashed.status).toBe(500);
    expect(await statusNow()).toBe('recording');

    const retried = await deliver(ended);
    expect(retried.status, JSON.stringify(retried.body.error)).toBe(200);
    expect(retried.body.data).toMatchObject({ duplicate: false });
    // Applied before the answer: no waiting for the recordings to catch up.
    expect(await statusNow()).toBe('ready');
    expect((await deliver(ended)).body.data).toMatchObject({ duplicate: true });
  });

  describe('refuses what LiveKit did not sign, writing nothing', () => {
    it.each([
      ['signed with another secret', { secret: 'another-secret-another-secret-another' }],
      ['without a signature', { authorization: null }],
      ['with our own bearer token instead', { authorization: 'Bearer not-livekit' }],
    ])('%s → 401', async (_label, options) => {
      const { sessionId, viewer } = await liveSessionWithViewer();
      const event = participantEvent('participant_joined', sessionId, viewer.id);

      const refused = await deliver(event, options);

      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
      expect(await intervalsOf(sessionId)).toEqual([]);
      // Nothing was marked processed: the genuine delivery of that id still applies.
      expect((await deliver(event)).body.data).toMatchObject({ duplicate: false });
    });

    it('a tampered body → 401', async () => {
      const { sessionId, viewer } = await liveSessionWithViewer();
      const other = await api.account('viewer');
      const genuine = participantEvent('participant_joined', sessionId, viewer.id);
      const tampered = JSON.stringify({ ...genuine, participant: { identity: other.id } });

      const refused = await deliver(genuine, { body: tampered });

      expect(refused.status).toBe(401);
      expect(refused.body.error?.code).toBe('UNAUTHORIZED');
      expect(await intervalsOf(sessionId)).toEqual([]);
    });

    it('a signed body that is not an event → 400 INVALID_JSON; not JSON at all → 415', async () => {
      const body = 'not json';
      const notJson = await deliver(body);
      expect(notJson.status).toBe(400);
      expect(notJson.body.error?.code).toBe('INVALID_JSON');

      const text = await api.call('POST', '/api/webhooks/livekit', {
        rawBody: body,
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.status).toBe(415);
      expect(text.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });
});

describe('on the local media backend', () => {
  // Any backend without the webhook capability; this one differs from LiveKit's in that alone.
  const local = useTestApp(
    { LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret },
    { media: { ...media, webhook: undefined } },
  );

  it('refuses even a well-signed webhook (503): LiveKit is not in use', async () => {
    const refused = await deliver({ event: 'room_started', id: eventId() }, { to: local });
    expect(refused.status).toBe(503);
    expect(refused.body.error?.code).toBe('MEDIA_UNAVAILABLE');
  });
});
