import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelForEvent, type RealtimeEventName } from '@vidinfra/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { controlledMedia, makeMp4, recordingIn } from './recording-fixtures.ts';
import {
  cast,
  createRoom,
  createSession,
  expectError,
  MISSING_ID,
  moveTo,
  ownedSession,
  type Account,
} from './session-fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-recordings-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The services' clock runs this far ahead of the wall clock (to expire download URLs). */
let clockOffsetMs = 0;
const control = controlledMedia(dataDir);
afterAll(() => control.media.close());
const api = useTestApp(
  { DATA_DIR: dataDir },
  { media: control.media, now: () => new Date(Date.now() + clockOffsetMs) },
);

const HOUR = 3600_000;
let mp4: { path: string; size: number; bytes: Buffer };

beforeAll(() => {
  const made = makeMp4(join(dataDir, 'fixtures'), 'talk.mp4');
  mp4 = { ...made, bytes: readFileSync(made.path) };
});

const rec = (path: string) => `/api/recordings/${path}`;
const ses = (path: string) => `/api/sessions/${path}`;

/** Payloads of `event` recorded for the session (on its channel or its staff channel). */
async function eventsOf(event: RealtimeEventName, sessionId: string) {
  const rows = await api.db.repos.outbox.since(channelForEvent(event, sessionId), 0, 1000);
  return rows.filter((row) => row.event === event).map((row) => row.payload);
}

const row = (id: string) => api.db.repos.recordings.findById(id);

/** A live session of a fresh owner with a recording started through the API. */
async function recordingLive() {
  const world = await cast(api, 'live');
  const started = await api.call('POST', ses(`${world.sessionId}/recordings/start`), {
    token: world.people.owner.token,
  });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return { ...world, recordingId: started.body.data.id as string };
}

/** A ready recording with a real MP4 (a copy of the fixture), made ready by a media event. */
async function readyRecording() {
  const { owner, sessionId } = await ownedSession(api, 'live');
  const recording = await recordingIn(api, sessionId, owner.id, 'processing');
  const dir = join(dataDir, 'recordings');
  mkdirSync(dir, { recursive: true });
  const filePath = join(dir, `${recording.id}.mp4`);
  writeFileSync(filePath, mp4.bytes);
  await api.services.recordings.applyMediaEvent({
    type: 'recording.ready',
    recordingId: recording.id,
    filePath,
    sizeBytes: mp4.size,
    durationSeconds: 2,
  });
  return { owner, sessionId, recordingId: recording.id, filePath };
}

/** GET of a file answer: status, headers, raw bytes (and the envelope when it is JSON). */
async function fetchBytes(url: string, headers: Record<string, string> = {}) {
  const response = await api.app.inject({ method: 'GET', url, headers });
  const isJson = String(response.headers['content-type']).startsWith('application/json');
  return {
    status: response.statusCode,
    headers: response.headers,
    bytes: response.rawPayload,
    body: isJson ? response.json() : null,
  };
}

/** The path and query of a download URL, as the API under test serves it. */
const localPath = (url: string) => {
  const parsed = new URL(url);
  expect(parsed.origin).toBe('http://vidinfra.test');
  return parsed.pathname + parsed.search;
};

async function downloadUrl(recordingId: string, token: string) {
  const reply = await api.call('GET', rec(`${recordingId}/download_url`), { token });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data as { url: string; expires_in: number };
}

describe(`recordings: start and stop (${dialect})`, () => {
  it('starts a recording of a live session through the media backend, once', async () => {
    const { people, sessionId } = await cast(api, 'live');
    const started = await api.call('POST', ses(`${sessionId}/recordings/start`), {
      token: people.cohost.token,
    });
    expect(started.status).toBe(200);
    const id = started.body.data.id;
    expect(started.body.data).toMatchObject({
      session_id: sessionId,
      owner_id: people.owner.id,
      status: 'recording',
      default_playback: false,
    });
    expect(control.calls.start).toContainEqual({ sessionId, recordingId: id });
    expect((await row(id))?.externalId).toBe(`egress-${id}`);
    expect(await eventsOf('recording.started', sessionId)).toEqual([
      expect.objectContaining({ session_id: sessionId, recording_id: id }),
    ]);

    const active = await api.call('GET', ses(`${sessionId}/recordings/active`), {
      token: people.admin.token,
    });
    expect(active.body.data.recording).toMatchObject({ id, status: 'recording' });

    const again = await api.call('POST', ses(`${sessionId}/recordings/start`), {
      token: people.owner.token,
    });
    expectError(again, 409, 'RECORDING_ACTIVE');
    expect((await api.db.repos.recordings.listBySession(sessionId)).length).toBe(1);
  });

  it('is for the host side only', async () => {
    const { people, sessionId } = await cast(api, 'live');
    const path = ses(`${sessionId}/recordings/start`);
    expectError(await api.call('POST', path), 401, 'UNAUTHORIZED');
    for (const who of ['moderator', 'viewer', 'stage', 'otherHost'] as const) {
      expectError(await api.call('POST', path, { token: people[who].token }), 403, 'FORBIDDEN');
    }
    expectError(
      await api.call('POST', ses(`${MISSING_ID}/recordings/start`), {
        token: people.admin.token,
      }),
      404,
      'NOT_FOUND',
    );
    expect(await api.db.repos.recordings.listBySession(sessionId)).toEqual([]);
    const byAdmin = await api.call('POST', path, { token: people.admin.token });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.data.owner_id, 'the room owner owns it').toBe(people.owner.id);
  });

  it('records only while live', async () => {
    const { owner, sessionId } = await ownedSession(api, 'scheduled');
    const path = ses(`${sessionId}/recordings/start`);
    for (const status of ['scheduled', 'backstage'] as const) {
      await moveTo(api, owner, sessionId, status);
      expectError(
        await api.call('POST', path, { token: owner.token }),
        409,
        'INVALID_STATE_TRANSITION',
      );
    }
    await moveTo(api, owner, sessionId, 'ended');
    expectError(await api.call('POST', path, { token: owner.token }), 409);
    expect(await api.db.repos.recordings.listBySession(sessionId)).toEqual([]);
  });

  it('answers 503 while the media backend is down, and writes nothing', async () => {
    const { owner, sessionId } = await ownedSession(api, 'live');
    control.setAvailable(false);
    try {
      const start = await api.call('POST', ses(`${sessionId}/recordings/start`), {
        token: owner.token,
      });
      expectError(start, 503, 'MEDIA_UNAVAILABLE');
      const stop = await api.call('POST', ses(`${sessionId}/recordings/stop`), {
        token: owner.token,
      });
      expectError(stop, 503, 'MEDIA_UNAVAILABLE');
    } finally {
      control.setAvailable(true);
    }
    expect(await api.db.repos.recordings.listBySession(sessionId)).toEqual([]);
  });

  it('fails the recording when the backend refuses to start it', async () => {
    const { owner, sessionId } = await ownedSession(api, 'live');
    control.failing.start = true;
    try {
      const start = await api.call('POST', ses(`${sessionId}/recordings/start`), {
        token: owner.token,
      });
      expectError(start, 503, 'MEDIA_UNAVAILABLE');
    } finally {
      control.failing.start = false;
    }
    const [failed] = await api.db.repos.recordings.listBySession(sessionId);
    expect(failed).toMatchObject({ status: 'failed', error: 'egress refused to start' });
    expect(await eventsOf('recording.failed', sessionId)).toEqual([
      expect.objectContaining({ id: failed!.id, status: 'failed' }),
    ]);
    expect(await eventsOf('recording.started', sessionId)).toEqual([]);
    const active = await api.call('GET', ses(`${sessionId}/recordings/active`), {
      token: owner.token,
    });
    expect(active.body.data).toEqual({ recording: null });
  });

  it('stops the active recording through the media backend; 409 when none is active', async () => {
    const { people, sessionId, recordingId } = await recordingLive();
    const stopped = await api.call('POST', ses(`${sessionId}/recordings/stop`), {
      token: people.cohost.token,
    });
    expect(stopped.status).toBe(200);
    expect(stopped.body.data).toMatchObject({ id: recordingId, status: 'processing' });
    expect(stopped.body.data.stopped_at).toBeDefined();
    expect(control.calls.stop).toContainEqual({
      sessionId,
      recordingId,
      externalId: `egress-${recordingId}`,
    });
    expect(await eventsOf('recording.stopped', sessionId)).toEqual([
      expect.objectContaining({ recording_id: recordingId }),
    ]);
    expectError(
      await api.call('POST', ses(`${sessionId}/recordings/stop`), { token: people.owner.token }),
      409,
      'NO_ACTIVE_RECORDING',
    );
    expectError(
      await api.call('POST', ses(`${sessionId}/recordings/stop`), {
        token: people.moderator.token,
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('fails the recording when the backend cannot stop it (an admin may retry it)', async () => {
    const { people, sessionId, recordingId } = await recordingLive();
    control.failing.stop = true;
    try {
      const stopped = await api.call('POST', ses(`${sessionId}/recordings/stop`), {
        token: people.owner.token,
      });
      expect(stopped.status).toBe(200);
      expect(stopped.body.data).toMatchObject({ status: 'failed', error: 'egress lost' });
    } finally {
      control.failing.stop = false;
    }
    expect((await row(recordingId))?.status).toBe('failed');
  });
});

describe(`recordings: the session lifecycle (${dialect})`, () => {
  for (const operation of ['go_live', 'webcam_hls'] as const) {
    it(`${operation} starts a recording when the session's settings say auto_record`, async () => {
      const owner = await api.account('host');
      const roomId = await createRoom(api, owner);
      const auto = await createSession(api, owner, roomId, { settings: { auto_record: true } });
      const manual = await createSession(api, owner, roomId);
      for (const sessionId of [auto, manual]) {
        const live = await api.call('POST', ses(`${sessionId}/${operation}`), {
          token: owner.token,
        });
        expect(live.status).toBe(200);
      }
      const [recording] = await api.db.repos.recordings.listBySession(auto);
      expect(recording).toMatchObject({ status: 'recording', ownerId: owner.id });
      expect(control.calls.start).toContainEqual({ sessionId: auto, recordingId: recording!.id });
      expect(await api.db.repos.recordings.listBySession(manual)).toEqual([]);
    });
  }

  it('auto_record turned on by the settings update applies to the next go-live', async () => {
    const { owner, sessionId } = await ownedSession(api, 'backstage');
    const patched = await api.call('PATCH', ses(`${sessionId}/settings`), {
      token: owner.token,
      body: { auto_record: true },
    });
    expect(patched.body.data.settings.auto_record).toBe(true);
    await moveTo(api, owner, sessionId, 'live');
    expect((await api.db.repos.recordings.active(sessionId))?.status).toBe('recording');
  });

  it('goes live even when the backend refuses the automatic recording', async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const sessionId = await createSession(api, owner, roomId, { settings: { auto_record: true } });
    control.failing.start = true;
    try {
      const live = await api.call('POST', ses(`${sessionId}/go_live`), { token: owner.token });
      expect(live.status).toBe(200);
      expect(live.body.data.session.status).toBe('live');
    } finally {
      control.failing.start = false;
    }
    const [recording] = await api.db.repos.recordings.listBySession(sessionId);
    expect(recording?.status).toBe('failed');
  });

  it('ending the session stops the recording through the backend; its file becomes the default playback', async () => {
    const { people, sessionId, recordingId } = await recordingLive();
    const ended = await api.call('POST', ses(`${sessionId}/end`), { token: people.owner.token });
    expect(ended.status).toBe(200);
    expect((await row(recordingId))?.status).toBe('processing');
    expect(control.calls.stop).toContainEqual({
      sessionId,
      recordingId,
      externalId: `egress-${recordingId}`,
    });
    const filePath = join(dataDir, 'recordings', `${recordingId}.mp4`);
    mkdirSync(join(dataDir, 'recordings'), { recursive: true });
    writeFileSync(filePath, mp4.bytes);
    control.emit({
      type: 'recording.ready',
      recordingId,
      filePath,
      sizeBytes: mp4.size,
      durationSeconds: 2.4,
    });
    await vi.waitFor(async () => expect((await row(recordingId))?.status).toBe('ready'));
    const playback = await api.call('GET', ses(`${sessionId}/playback`), {
      token: people.viewer.token,
    });
    expect(playback.body.data).toMatchObject({
      kind: 'recording',
      asset_id: recordingId,
      default_playback: true,
    });
  });
  it('a recording made by hand while live becomes the default playback when the session ends (REST and tRPC)', async () => {
    const { people, sessionId, recordingId } = await recordingLive();
    const { token } = people.owner;
    expect((await api.call('POST', ses(`${sessionId}/recordings/stop`), { token })).status).toBe(
      200,
    );
    const filePath = join(dataDir, 'recordings', `${recordingId}.mp4`);
    mkdirSync(join(dataDir, 'recordings'), { recursive: true });
    writeFileSync(filePath, mp4.bytes);
    control.emit({
      type: 'recording.ready',
      recordingId,
      filePath,
      sizeBytes: mp4.size,
      durationSeconds: 2,
    });
    await vi.waitFor(async () => expect((await row(recordingId))?.status).toBe('ready'));
    const playback = async () => {
      const viewer = { authorization: `Bearer ${people.viewer.token}` };
      const input = encodeURIComponent(JSON.stringify({ id: sessionId }));
      const [rest, trpc] = await Promise.all([
        api.call('GET', ses(`${sessionId}/playback`), { token: people.viewer.token }),
        api.app.inject({ url: `/trpc/sessions.playback?input=${input}`, headers: viewer }),
      ]);
      expect(trpc.json().result.data).toMatchObject({ id: rest.body.data.id });
      return rest.body.data;
    };
    expect(await playback(), 'still live').toMatchObject({ kind: 'live', default_playback: true });
    expect((await api.call('POST', ses(`${sessionId}/end`), { token })).status).toBe(200);
    expect(await playback()).toMatchObject({
      kind: 'recording',
      asset_id: recordingId,
      default_playback: true,
    });
  });
});

describe(`recordings: media events (${dialect})`, () => {
  it('applies recording.ready once, whoever and however often it is delivered', async () => {
    // The harness builds two services instances on this backend (wall clock and test clock).
    expect(control.subscribers(), 'the services follow the media backend').toBeGreaterThan(0);
    const { owner, sessionId } = await ownedSession(api, 'live');
    const recording = await recordingIn(api, sessionId, owner.id, 'processing');
    const event = {
      type: 'recording.ready' as const,
      recordingId: recording.id,
      filePath: '/srv/recordings/x.mp4',
      sizeBytes: 123_456,
      durationSeconds: 61.6,
    };
    control.emit(event);
    control.emit(event);
    await Promise.all([
      api.services.recordings.applyMediaEvent(event),
      api.services.recordings.applyMediaEvent(event),
    ]);
    await vi.waitFor(async () => expect((await row(recording.id))?.status).toBe('ready'));
    expect(await row(recording.id)).toMatchObject({
      filePath: '/srv/recordings/x.mp4',
      sizeBytes: 123_456,
      durationSeconds: 62,
      error: null,
    });
    expect((await row(recording.id))?.readyAt).toBeInstanceOf(Date);
    // Give every delivery the time to run; still one event and one playback.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await eventsOf('recording.ready', sessionId)).toEqual([
      expect.objectContaining({ id: recording.id, status: 'ready', size_bytes: 123_456 }),
    ]);
    const playbacks = await api.db.repos.playbacks.listBySession(sessionId);
    expect(playbacks.filter((p) => p.recordingId === recording.id)).toEqual([
      expect.objectContaining({ kind: 'recording', isDefault: false }),
    ]);
    const live = await api.db.repos.playbacks.defaultFor(sessionId);
    expect(live?.kind, 'a live session keeps playing live').toBe('live');
  });

  it('applies recording.failed to an unfinished recording, and nothing to a finished one', async () => {
    const { owner, sessionId } = await ownedSession(api, 'live');
    const recording = await recordingIn(api, sessionId, owner.id, 'recording');
    control.emit({ type: 'recording.failed', recordingId: recording.id, error: 'disk full' });
    await vi.waitFor(async () => expect((await row(recording.id))?.status).toBe('failed'));
    expect(await row(recording.id)).toMatchObject({ error: 'disk full' });
    expect((await row(recording.id))?.stoppedAt).toBeInstanceOf(Date);

    const late = await api.services.recordings.applyMediaEvent({
      type: 'recording.ready',
      recordingId: recording.id,
      filePath: '/x.mp4',
      sizeBytes: 1,
      durationSeconds: 1,
    });
    expect(late, 'a failed recording becomes ready only through a retry').toBeNull();
    const ready = await recordingIn(api, sessionId, owner.id, 'ready');
    expect(
      await api.services.recordings.applyMediaEvent({
        type: 'recording.failed',
        recordingId: ready.id,
        error: 'late failure',
      }),
    ).toBeNull();
    expect((await row(ready.id))?.status).toBe('ready');
    expect(
      await api.services.recordings.applyMediaEvent({
        type: 'recording.failed',
        recordingId: MISSING_ID,
        error: 'unknown',
      }),
    ).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await eventsOf('recording.failed', sessionId)).toHaveLength(1);
  });
});

describe(`recordings: shutdown and restart (${dialect})`, () => {
  it('drain waits until the events already delivered are applied', async () => {
    const { owner, sessionId } = await ownedSession(api, 'live');
    const recording = await recordingIn(api, sessionId, owner.id, 'processing');
    control.emit({ type: 'recording.failed', recordingId: recording.id, error: 'shutting down' });
    await api.services.drainMedia();
    expect(await row(recording.id)).toMatchObject({ status: 'failed', error: 'shutting down' });
  });

  it("tells the session's staff when the output changes on its own", async () => {
    const { sessionId } = await ownedSession(api, 'live');
    control.emit({ type: 'output.state', sessionId, state: 'reconnecting' });
    control.emit({ type: 'output.state', sessionId: MISSING_ID, state: 'failed' });
    await api.services.drainMedia();
    const changes = await eventsOf('output.state_changed', sessionId);
    // Each services instance the harness builds follows the backend: one event per follower.
    expect(changes.length).toBeGreaterThan(0);
    expect(changes[0]).toMatchObject({ session_id: sessionId, output: 'reconnecting' });
    expect(await eventsOf('output.state_changed', MISSING_ID)).toEqual([]);
  });

  it('fails what the local backend was recording when the server stopped, for a retry', async () => {
    const [a, b] = [await ownedSession(api, 'live'), await ownedSession(api, 'live')];
    const recording = await recordingIn(api, a.sessionId, a.owner.id, 'recording');
    const processing = await recordingIn(api, b.sessionId, b.owner.id, 'processing');
    const ready = await recordingIn(api, b.sessionId, b.owner.id, 'ready');
    expect(await api.services.recordings.failInterrupted()).toBeGreaterThanOrEqual(2);
    for (const id of [recording.id, processing.id]) {
      expect(await row(id)).toMatchObject({
        status: 'failed',
        error: 'the server stopped before the recording finished',
      });
    }
    expect((await row(ready.id))?.status).toBe('ready');
    expect(await api.services.recordings.failInterrupted()).toBe(0);
  });
});

describe(`recordings: reading (${dialect})`, () => {
  let owner: Account;
  let other: Account;
  let sessionId: string;
  let ids: string[];
  const people = {} as Awaited<ReturnType<typeof cast>>['people'];
  beforeAll(async () => {
    const world = await cast(api, 'live');
    owner = world.people.owner;
    other = world.people.otherHost;
    sessionId = world.sessionId;
    const first = await recordingIn(api, sessionId, owner.id, 'ready');
    const second = await recordingIn(api, sessionId, owner.id, 'failed');
    const theirs = await ownedSession(api, 'live');
    await recordingIn(api, theirs.sessionId, theirs.owner.id, 'ready');
    ids = [second.id, first.id];
    Object.assign(people, world.people);
  });

  it('lists the caller’s own recordings, paginated', async () => {
    const mine = await api.call('GET', '/api/recordings?limit=1', { token: owner.token });
    expect(mine.status).toBe(200);
    expect(mine.body.data).toMatchObject({ total: 2, page: 1, limit: 1 });
    expect(mine.body.data.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    const page2 = await api.call('GET', '/api/recordings?limit=1&page=2', { token: owner.token });
    expect(page2.body.data.items.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    const theirs = await api.call('GET', '/api/recordings', { token: other.token });
    expect(theirs.body.data).toMatchObject({ total: 0, items: [] });
    expectError(await api.call('GET', '/api/recordings'), 401, 'UNAUTHORIZED');
    expectError(
      await api.call('GET', '/api/recordings', { token: people.viewer.token }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api.call('GET', '/api/recordings?limit=101', { token: owner.token }),
      400,
      'VALIDATION_ERROR',
    );
  });

  it('gets one recording for its owner and admins', async () => {
    const path = rec(ids[1]!);
    for (const who of [owner, people.admin]) {
      const got = await api.call('GET', path, { token: who.token });
      expect(got.status).toBe(200);
      expect(got.body.data).toMatchObject({ id: ids[1], session_id: sessionId, status: 'ready' });
    }
    for (const who of [other, people.cohost, people.viewer]) {
      expectError(await api.call('GET', path, { token: who.token }), 403, 'FORBIDDEN');
    }
    expectError(await api.call('GET', path), 401, 'UNAUTHORIZED');
    expectError(await api.call('GET', rec(MISSING_ID), { token: owner.token }), 404, 'NOT_FOUND');
    expectError(await api.call('GET', rec('nope'), { token: owner.token }), 400);
  });

  it("lists a session's recordings for the host side", async () => {
    const path = ses(`${sessionId}/recordings`);
    for (const who of [owner, people.cohost, people.admin]) {
      const listed = await api.call('GET', path, { token: who.token });
      expect(listed.status).toBe(200);
      expect(listed.body.data.total).toBe(2);
      expect(listed.body.data.items.map((r: { id: string }) => r.id)).toEqual(ids);
    }
    const paged = await api.call('GET', `${path}?limit=1&page=2`, { token: owner.token });
    expect(paged.body.data.items.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    for (const who of [people.moderator, people.viewer, other]) {
      expectError(await api.call('GET', path, { token: who.token }), 403, 'FORBIDDEN');
    }
    expectError(
      await api.call('GET', ses(`${MISSING_ID}/recordings`), { token: owner.token }),
      404,
    );
  });

  it('answers {recording: null} when nothing is being recorded', async () => {
    const active = await api.call('GET', ses(`${sessionId}/recordings/active`), {
      token: owner.token,
    });
    expect(active.status).toBe(200);
    expect(active.body.data).toEqual({ recording: null });
    expectError(
      await api.call('GET', ses(`${sessionId}/recordings/active`), {
        token: people.moderator.token,
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe(`recordings: metadata and default playback (${dialect})`, () => {
  it('lets the owner rename it and change its visibility', async () => {
    const { people, sessionId } = await cast(api, 'live');
    const recording = await recordingIn(api, sessionId, people.owner.id, 'processing');
    const path = rec(recording.id);
    const body = { title: '  Launch talk  ', visibility: 'public' };
    for (const who of ['admin', 'cohost', 'otherHost'] as const) {
      expectError(await api.call('PATCH', path, { token: people[who].token, body }), 403);
    }
    const updated = await api.call('PATCH', path, { token: people.owner.token, body });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ title: 'Launch talk', visibility: 'public' });
    expect(await row(recording.id)).toMatchObject({ title: 'Launch talk', visibility: 'public' });
    for (const bad of [{ title: '' }, { visibility: 'secret' }, { status: 'ready' }]) {
      expectError(
        await api.call('PATCH', path, { token: people.owner.token, body: bad }),
        400,
        'VALIDATION_ERROR',
      );
    }
  });

  it('makes a ready recording the default playback, and gives the place back to live', async () => {
    const { people, sessionId } = await cast(api, 'live');
    const processing = await recordingIn(api, sessionId, people.owner.id, 'processing');
    expectError(
      await api.call('PATCH', rec(processing.id), {
        token: people.owner.token,
        body: { default_playback: true },
      }),
      409,
      'RECORDING_NOT_READY',
    );
    const ready = await recordingIn(api, sessionId, people.owner.id, 'ready', {
      filePath: '/srv/talk.mp4',
      durationSeconds: 30,
    });
    const made = await api.call('PATCH', rec(ready.id), {
      token: people.owner.token,
      body: { default_playback: true },
    });
    expect(made.status).toBe(200);
    expect(made.body.data.default_playback).toBe(true);
    const playback = await api.call('GET', ses(`${sessionId}/playback`), {
      token: people.viewer.token,
    });
    expect(playback.body.data).toMatchObject({
      kind: 'recording',
      asset_id: ready.id,
      duration: 30,
      default_playback: true,
    });
    const listed = await api.call('GET', ses(`${sessionId}/recordings`), {
      token: people.owner.token,
    });
    const flags = Object.fromEntries(
      listed.body.data.items.map((r: { id: string; default_playback: boolean }) => [
        r.id,
        r.default_playback,
      ]),
    );
    expect(flags).toEqual({ [ready.id]: true, [processing.id]: false });

    const undone = await api.call('PATCH', rec(ready.id), {
      token: people.owner.token,
      body: { default_playback: false },
    });
    expect(undone.body.data.default_playback).toBe(false);
    expect((await api.db.repos.playbacks.defaultFor(sessionId))?.kind).toBe('live');
  });
});

describe(`recordings: download URL and file (${dialect})`, () => {
  it('refuses a URL while the recording is not ready', async () => {
    const { owner, sessionId } = await ownedSession(api, 'live');
    for (const status of ['recording', 'processing', 'failed'] as const) {
      const recording = await recordingIn(api, sessionId, owner.id, status);
      expectError(
        await api.call('GET', rec(`${recording.id}/download_url`), { token: owner.token }),
        409,
        'RECORDING_NOT_READY',
      );
      await api.db.repos.recordings.update(recording.id, { status: 'failed' });
    }
  });

  it('gives owner and admin a signed URL that serves the MP4, with byte ranges', async () => {
    const { owner, recordingId } = await readyRecording();
    const admin = await api.account('admin');
    const otherHost = await api.account('host');
    expectError(
      await api.call('GET', rec(`${recordingId}/download_url`), { token: otherHost.token }),
      403,
      'FORBIDDEN',
    );
    await downloadUrl(recordingId, admin.token);
    const { url, expires_in } = await downloadUrl(recordingId, owner.token);
    expect(expires_in).toBeGreaterThan(0);
    expect(url).toMatch(
      new RegExp(
        `^http://vidinfra\\.test/api/recordings/${recordingId}/file\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`,
      ),
    );
    const path = localPath(url);

    const whole = await fetchBytes(path);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(Number(whole.headers['content-length'])).toBe(mp4.size);
    expect(whole.headers['content-disposition']).toMatch(
      /^attachment; filename="Recorded talk\.mp4"/,
    );
    expect(whole.bytes.equals(mp4.bytes)).toBe(true);

    const head = await fetchBytes(path, { range: 'bytes=0-99' });
    expect(head.status).toBe(206);
    expect(head.headers['content-range']).toBe(`bytes 0-99/${mp4.size}`);
    expect(head.headers['content-type']).toBe('video/mp4');
    expect(head.bytes.equals(mp4.bytes.subarray(0, 100))).toBe(true);

    const middle = await fetchBytes(path, { range: `bytes=1000-1999` });
    expect(middle.status).toBe(206);
    expect(middle.bytes.equals(mp4.bytes.subarray(1000, 2000))).toBe(true);

    const tail = await fetchBytes(path, { range: 'bytes=-50' });
    expect(tail.status).toBe(206);
    expect(tail.headers['content-range']).toBe(
      `bytes ${mp4.size - 50}-${mp4.size - 1}/${mp4.size}`,
    );
    expect(tail.bytes.equals(mp4.bytes.subarray(mp4.size - 50))).toBe(true);

    const input = encodeURIComponent(
      JSON.stringify({ id: recordingId, token: new URL(url).searchParams.get('token') }),
    );
    const overTrpc = await api.app.inject({
      method: 'GET',
      url: `/trpc/recordings.file?input=${input}`,
    });
    expect(overTrpc.statusCode).toBe(200);
    expect(overTrpc.json().result.data, 'tRPC describes the file, REST serves it').toEqual({
      filename: 'Recorded talk.mp4',
      content_type: 'video/mp4',
      size_bytes: mp4.size,
    });

    const outside = await fetchBytes(path, { range: `bytes=${mp4.size}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${mp4.size}`);
    expect(outside.body).toMatchObject({
      success: false,
      error: { code: 'RANGE_NOT_SATISFIABLE' },
    });
  });

  it('refuses a missing, forged, expired or foreign token', async () => {
    const first = await readyRecording();
    const second = await readyRecording();
    const { url } = await downloadUrl(first.recordingId, first.owner.token);
    const token = new URL(url).searchParams.get('token')!;
    const file = (id: string, query: string) => fetchBytes(rec(`${id}/file${query}`));

    const missing = await file(first.recordingId, '');
    expect([missing.status, missing.body?.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    const foreign = await file(second.recordingId, `?token=${token}`);
    expect([foreign.status, foreign.body?.error.code]).toEqual([403, 'FORBIDDEN']);
    const forged = await file(first.recordingId, `?token=${token.slice(0, -4)}AAAA`);
    expect([forged.status, forged.body?.error.code]).toEqual([401, 'UNAUTHORIZED']);
    const accessToken = await file(first.recordingId, `?token=${first.owner.token}`);
    expect([accessToken.status, accessToken.body?.error.code]).toEqual([401, 'UNAUTHORIZED']);
    // Without a token of its own, an id answers as any other: nothing tells whether it exists.
    const unknown = await file(MISSING_ID, `?token=${token}`);
    expect([unknown.status, unknown.body?.error.code]).toEqual([403, 'FORBIDDEN']);
    const unknownForged = await file(MISSING_ID, `?token=${token.slice(0, -4)}AAAA`);
    expect([unknownForged.status, unknownForged.body?.error.code]).toEqual([401, 'UNAUTHORIZED']);

    clockOffsetMs = 7 * HOUR;
    try {
      const expired = await file(first.recordingId, `?token=${token}`);
      expect([expired.status, expired.body?.error.code]).toEqual([401, 'TOKEN_EXPIRED']);
    } finally {
      clockOffsetMs = 0;
    }
    expect((await file(first.recordingId, `?token=${token}`)).status).toBe(200);
  });
});

describe(`recordings: delete (${dialect})`, () => {
  it('deletes the recording and its file, for the owner or an admin', async () => {
    const { owner, sessionId, recordingId, filePath } = await readyRecording();
    const parts = join(dataDir, 'recordings', `${recordingId}.parts`);
    mkdirSync(parts, { recursive: true });
    writeFileSync(join(parts, '0001.m4s'), 'x');
    const otherHost = await api.account('host');
    expectError(
      await api.call('DELETE', rec(recordingId), { token: otherHost.token }),
      403,
      'FORBIDDEN',
    );
    expect(existsSync(filePath)).toBe(true);
    const deleted = await api.call('DELETE', rec(recordingId), { token: owner.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ id: recordingId, deleted: true });
    expect(existsSync(filePath)).toBe(false);
    expect(existsSync(parts)).toBe(false);
    expect(await row(recordingId)).toBeNull();
    expect(
      (await api.db.repos.playbacks.listBySession(sessionId)).filter(
        (p) => p.recordingId === recordingId,
      ),
    ).toEqual([]);
    expectError(await api.call('GET', rec(recordingId), { token: owner.token }), 404);
    expectError(await api.call('DELETE', rec(recordingId), { token: owner.token }), 404);

    const byAdmin = await readyRecording();
    const admin = await api.account('admin');
    expect(
      (await api.call('DELETE', rec(byAdmin.recordingId), { token: admin.token })).status,
    ).toBe(200);
    expect(existsSync(byAdmin.filePath)).toBe(false);
  });

  it('refuses while it is recording; a deleted default hands the place back to live', async () => {
    const { people, sessionId, recordingId } = await recordingLive();
    expectError(
      await api.call('DELETE', rec(recordingId), { token: people.owner.token }),
      409,
      'RECORDING_ACTIVE',
    );
    expect(await row(recordingId)).not.toBeNull();
    await api.call('POST', ses(`${sessionId}/recordings/stop`), { token: people.owner.token });
    // Still being made into a file: the file would outlive its row.
    expectError(
      await api.call('DELETE', rec(recordingId), { token: people.owner.token }),
      409,
      'RECORDING_ACTIVE',
    );
    expect(await row(recordingId)).not.toBeNull();
    const ready = await recordingIn(api, sessionId, people.owner.id, 'ready', {
      filePath: join(dataDir, 'nowhere.mp4'),
    });
    await api.call('PATCH', rec(ready.id), {
      token: people.owner.token,
      body: { default_playback: true },
    });
    expect((await api.db.repos.playbacks.defaultFor(sessionId))?.recordingId).toBe(ready.id);
    expect((await api.call('DELETE', rec(ready.id), { token: people.owner.token })).status).toBe(
      200,
    );
    expect((await api.db.repos.playbacks.defaultFor(sessionId))?.kind).toBe('live');
  });
});

describe(`admin: retry a failed recording (${dialect})`, () => {
  it('processes a failed recording again through the media backend', async () => {
    const { people, recordingId } = await recordingLive();
    await api.db.repos.recordings.update(recordingId, { status: 'failed', error: 'crashed' });
    const path = `/api/admin/recordings/${recordingId}/retry`;
    expectError(await api.call('POST', path, { token: people.owner.token }), 403, 'FORBIDDEN');
    expectError(await api.call('POST', path), 401, 'UNAUTHORIZED');
    const retried = await api.call('POST', path, { token: people.admin.token });
    expect(retried.status).toBe(200);
    expect(retried.body.data).toMatchObject({ id: recordingId, status: 'processing' });
    expect(retried.body.data.error).toBeUndefined();
    expect(control.calls.retry).toContainEqual({
      recordingId,
      externalId: `egress-${recordingId}`,
    });
    expectError(await api.call('POST', path, { token: people.admin.token }), 409, 'CONFLICT');
    expectError(
      await api.call('POST', `/api/admin/recordings/${MISSING_ID}/retry`, {
        token: people.admin.token,
      }),
      404,
      'NOT_FOUND',
    );
    control.emit({
      type: 'recording.ready',
      recordingId,
      filePath: '/srv/retried.mp4',
      sizeBytes: 10,
      durationSeconds: 1,
    });
    await vi.waitFor(async () => expect((await row(recordingId))?.status).toBe('ready'));
  });

  it('fails it again when the backend cannot retry', async () => {
    const { people, recordingId } = await recordingLive();
    await api.db.repos.recordings.update(recordingId, { status: 'failed', error: 'crashed' });
    control.failing.retry = true;
    try {
      expectError(
        await api.call('POST', `/api/admin/recordings/${recordingId}/retry`, {
          token: people.admin.token,
        }),
        503,
        'MEDIA_UNAVAILABLE',
      );
    } finally {
      control.failing.retry = false;
    }
    expect(await row(recordingId)).toMatchObject({
      status: 'failed',
      error: 'nothing left to process',
    });
  });
});

describe(`admin: storage cleanup (${dialect})`, () => {
  it('frees orphaned files, spent parts and expired HLS output; keeps the rest', async () => {
    const admin = await api.account('admin');
    const recordings = join(dataDir, 'recordings');
    const hls = join(dataDir, 'hls');
    mkdirSync(recordings, { recursive: true });
    // Whatever earlier tests left is cleaned first, so this run's figures are exact.
    await api.call('POST', '/api/admin/storage/cleanup', { token: admin.token });

    const orphanId = crypto.randomUUID();
    writeFileSync(join(recordings, `${orphanId}.mp4`), Buffer.alloc(5_000));
    writeFileSync(join(recordings, 'stray.bin'), Buffer.alloc(700));
    const kept = await readyRecording();
    const spentParts = join(recordings, `${kept.recordingId}.parts`);
    mkdirSync(spentParts);
    writeFileSync(join(spentParts, '1.m4s'), Buffer.alloc(300));
    writeFileSync(join(spentParts, '2.m4s'), Buffer.alloc(200));
    const { owner, sessionId: liveId } = await ownedSession(api, 'live');
    const busy = await recordingIn(api, liveId, owner.id, 'processing');
    const busyParts = join(recordings, `${busy.id}.parts`);
    mkdirSync(busyParts);
    writeFileSync(join(busyParts, '1.m4s'), Buffer.alloc(999));

    const endedLongAgo = await ownedSession(api, 'ended');
    await api.db.repos.sessions.update(endedLongAgo.sessionId, {
      endedAt: new Date(Date.now() - 25 * HOUR),
    });
    const endedRecently = await ownedSession(api, 'ended');
    const hlsOf = (id: string, bytes: number) => {
      mkdirSync(join(hls, id), { recursive: true });
      writeFileSync(join(hls, id, 'index.m3u8'), Buffer.alloc(100));
      writeFileSync(join(hls, id, 'seg1.ts'), Buffer.alloc(bytes - 100));
    };
    hlsOf(endedLongAgo.sessionId, 2_000);
    hlsOf(crypto.randomUUID(), 1_000); // a deleted session
    hlsOf(endedRecently.sessionId, 3_000);
    hlsOf(liveId, 4_000);

    const path = '/api/admin/storage/cleanup';
    expectError(await api.call('POST', path, { token: owner.token }), 403, 'FORBIDDEN');
    const cleaned = await api.call('POST', path, { token: admin.token, body: {} });
    expect(cleaned.status).toBe(200);
    expect(cleaned.body.data).toMatchObject({
      deleted_files: 8,
      freed_bytes: 5_000 + 700 + 300 + 200 + 2_000 + 1_000,
      failed_files: 0,
    });
    expect(Date.parse(cleaned.body.data.finished_at)).toBeGreaterThanOrEqual(
      Date.parse(cleaned.body.data.started_at),
    );
    expect(existsSync(join(recordings, `${orphanId}.mp4`))).toBe(false);
    expect(existsSync(join(recordings, 'stray.bin'))).toBe(false);
    expect(existsSync(spentParts)).toBe(false);
    expect(existsSync(kept.filePath)).toBe(true);
    expect(existsSync(join(busyParts, '1.m4s'))).toBe(true);
    expect(existsSync(join(hls, endedLongAgo.sessionId))).toBe(false);
    expect(existsSync(join(hls, endedRecently.sessionId, 'seg1.ts'))).toBe(true);
    expect(existsSync(join(hls, liveId, 'seg1.ts'))).toBe(true);

    const again = await api.call('POST', path, { token: admin.token });
    expect(again.body.data).toMatchObject({ deleted_files: 0, freed_bytes: 0 });
  });
});
