import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import {
  cast,
  createRoom,
  createSession,
  eventNames,
  expectError,
  grantOf,
  later,
  MISSING_ID,
  moveTo,
  ownedSession,
  sessionEvents,
  unavailableMedia,
} from './session-fixtures.ts';

const api = useTestApp();
const offline = useTestApp({}, { media: unavailableMedia() });

const at = (path: string) => `/api/sessions/${path}`;

describe(`sessions: creating and listing (${dialect})`, () => {
  it('creates a session for the room owner, with the preset settings under the request ones', async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const preset = await api.db.repos.presets.create({
      ownerId: owner.id,
      name: 'Talk',
      output: {},
      layout: 'speaker',
      defaultSettings: { chat_enabled: false, slow_mode_seconds: 10, max_stage_size: 3 },
    });
    const scheduledAt = later(120);
    const created = await api.call('POST', `/api/rooms/${roomId}/sessions`, {
      token: owner.token,
      body: {
        title: '  Launch  ',
        description: 'All hands',
        scheduled_at: scheduledAt,
        preset_id: preset.id,
        settings: { slow_mode_seconds: 3 },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({
      room_id: roomId,
      preset_id: preset.id,
      title: 'Launch',
      description: 'All hands',
      status: 'scheduled',
      scheduled_at: scheduledAt,
      viewer_count: 0,
      settings: {
        chat_enabled: false,
        slow_mode_seconds: 3,
        max_stage_size: 3,
        polls_enabled: true,
        latency_mode: 'standard',
      },
    });
    const row = await api.db.repos.sessions.findById(created.body.data.id);
    expect(row).toMatchObject({ roomId, presetId: preset.id, status: 'scheduled' });
  });

  it("uses the owner's default preset when none is named", async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const preset = await api.db.repos.presets.create({
      ownerId: owner.id,
      name: 'Default',
      output: {},
      layout: 'grid',
      defaultSettings: { latency_mode: 'low' },
    });
    await api.db.repos.presets.setDefault(preset.id);
    const created = await api.call('POST', `/api/rooms/${roomId}/sessions`, {
      token: owner.token,
      body: { title: 'Defaults', scheduled_at: later(30) },
    });
    expect(created.body.data).toMatchObject({
      preset_id: preset.id,
      settings: { latency_mode: 'low', chat_enabled: true },
    });
  });

  it('refuses callers other than the owner, and presets of someone else', async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const body = { title: 'x', scheduled_at: later(30) };
    const path = `/api/rooms/${roomId}/sessions`;
    expectError(await api.call('POST', path, { body }), 401, 'UNAUTHORIZED');
    const other = await api.account('host');
    expectError(await api.call('POST', path, { token: other.token, body }), 403, 'FORBIDDEN');
    const admin = await api.account('admin');
    expectError(await api.call('POST', path, { token: admin.token, body }), 403, 'FORBIDDEN');
    const foreign = await api.db.repos.presets.create({
      ownerId: other.id,
      name: 'Theirs',
      output: {},
      layout: 'grid',
      defaultSettings: {},
    });
    expectError(
      await api.call('POST', path, {
        token: owner.token,
        body: { ...body, preset_id: foreign.id },
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api.call('POST', `/api/rooms/${MISSING_ID}/sessions`, { token: owner.token, body }),
      404,
      'NOT_FOUND',
    );
    expect(await api.db.repos.sessions.countInRoom(roomId)).toBe(0);
  });

  it('answers bad input with 400 and writes nothing', async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const path = `/api/rooms/${roomId}/sessions`;
    const bad: [string, Record<string, unknown>][] = [
      ['past time', { title: 'x', scheduled_at: '2001-01-01T00:00:00.000Z' }],
      ['not a time', { title: 'x', scheduled_at: 'tomorrow at noon' }],
      ['time without zone', { title: 'x', scheduled_at: '2031-01-01 10:00' }],
      ['unknown field', { title: 'x', scheduled_at: later(10), colour: 'red' }],
      ['unknown setting', { title: 'x', scheduled_at: later(10), settings: { turbo: true } }],
      ['bad setting', { title: 'x', scheduled_at: later(10), settings: { max_stage_size: 0 } }],
      ['empty title', { title: '   ', scheduled_at: later(10) }],
      ['bad preset id', { title: 'x', scheduled_at: later(10), preset_id: 'nope' }],
    ];
    for (const [what, body] of bad) {
      const reply = await api.call('POST', path, { token: owner.token, body });
      expect(reply.status, what).toBe(400);
      expect(reply.body.error?.code, what).toBe('VALIDATION_ERROR');
    }
    const badRoom = await api.call('POST', '/api/rooms/not-a-uuid/sessions', {
      token: owner.token,
      body: { title: 'x', scheduled_at: later(10) },
    });
    expectError(badRoom, 400, 'VALIDATION_ERROR');
    expect(await api.db.repos.sessions.countInRoom(roomId)).toBe(0);
  });

  it("lists a room's sessions for anyone; an unlisted room's only for signed-in callers", async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const first = await createSession(api, owner, roomId, { scheduled_at: later(200) });
    const second = await createSession(api, owner, roomId, { scheduled_at: later(100) });
    await moveTo(api, owner, first, 'live');
    const listed = await api.call('GET', `/api/rooms/${roomId}/sessions`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(listed.body.data.items.map((s: { id: string }) => s.id)).toEqual([second, first]);
    const live = await api.call('GET', `/api/rooms/${roomId}/sessions?status=live`);
    expect(live.body.data.items.map((s: { id: string }) => s.id)).toEqual([first]);

    const hidden = await createRoom(api, owner, { visibility: 'private' });
    await createSession(api, owner, hidden);
    expectError(await api.call('GET', `/api/rooms/${hidden}/sessions`), 401, 'UNAUTHORIZED');
    const viewer = await api.account('viewer');
    const seen = await api.call('GET', `/api/rooms/${hidden}/sessions`, { token: viewer.token });
    expect(seen.body.data.total).toBe(1);
    expectError(await api.call('GET', `/api/rooms/${roomId}/sessions?status=paused`), 400);
    expectError(await api.call('GET', `/api/rooms/${roomId}/sessions?limit=101`), 400);
    expectError(await api.call('GET', `/api/rooms/${MISSING_ID}/sessions`), 404, 'NOT_FOUND');
  });

  it('lists public sessions with status and time filters, and the live ones', async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const hidden = await createRoom(api, owner, { visibility: 'private' });
    const from = new Date(Date.now() + 9 * 24 * 3600_000);
    const inWindow = (hours: number) => new Date(from.getTime() + hours * 3600_000).toISOString();
    const a = await createSession(api, owner, roomId, { scheduled_at: inWindow(1) });
    const b = await createSession(api, owner, roomId, { scheduled_at: inWindow(2) });
    await createSession(api, owner, roomId, { scheduled_at: inWindow(30) });
    const secret = await createSession(api, owner, hidden, { scheduled_at: inWindow(1) });
    const window = `from=${from.toISOString()}&to=${inWindow(3)}`;
    const listed = await api.call('GET', `/api/sessions?${window}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.items.map((s: { id: string }) => s.id)).toEqual([a, b]);
    const paged = await api.call('GET', `/api/sessions?${window}&limit=1&page=2`);
    expect(paged.body.data).toMatchObject({ total: 2, page: 2, limit: 1 });
    expect(paged.body.data.items.map((s: { id: string }) => s.id)).toEqual([b]);

    await moveTo(api, owner, b, 'live');
    await moveTo(api, owner, secret, 'live');
    const live = await api.call('GET', '/api/sessions/live?limit=100');
    const liveIds = live.body.data.items.map((s: { id: string }) => s.id);
    expect(liveIds).toContain(b);
    expect(liveIds).not.toContain(secret);
    expect(live.body.data.items.every((s: { status: string }) => s.status === 'live')).toBe(true);
    const filtered = await api.call('GET', `/api/sessions?${window}&status=live`);
    expect(filtered.body.data.items.map((s: { id: string }) => s.id)).toEqual([b]);

    expectError(await api.call('GET', '/api/sessions?from=yesterday'), 400, 'VALIDATION_ERROR');
    expectError(await api.call('GET', '/api/sessions?sort=asc'), 400, 'VALIDATION_ERROR');
    expectError(await api.call('GET', '/api/sessions/live?page=0'), 400, 'VALIDATION_ERROR');
  });

  it('gets a session for anyone, with the viewers watching it now', async () => {
    const { owner, sessionId } = await ownedSession(api, 'live');
    const viewer = await api.account('viewer');
    expect((await api.call('POST', at(`${sessionId}/join`), { token: viewer.token })).status).toBe(
      200,
    );
    const fetched = await api.call('GET', at(sessionId));
    expect(fetched.status).toBe(200);
    expect(fetched.body.data).toMatchObject({ id: sessionId, status: 'live', viewer_count: 1 });
    expect(fetched.body.data.live_at).toBeDefined();
    const asOwner = await api.call('GET', at(sessionId), { token: owner.token });
    expect(asOwner.body.data.id).toBe(sessionId);
    expectError(await api.call('GET', at(MISSING_ID)), 404, 'NOT_FOUND');
    expectError(await api.call('GET', at('not-a-uuid')), 400, 'VALIDATION_ERROR');
    expectError(await api.call('GET', at(sessionId), { token: 'garbage' }), 401);

    const hiddenRoom = await createRoom(api, owner, { visibility: 'private' });
    const hidden = await createSession(api, owner, hiddenRoom);
    expectError(await api.call('GET', at(hidden)), 401, 'UNAUTHORIZED');
    expect((await api.call('GET', at(hidden), { token: viewer.token })).status).toBe(200);
  });
});

describe(`sessions: dashboard stats (${dialect})`, () => {
  it("sums the caller's rooms: sessions by status, live viewers, recordings, watch time", async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    await createRoom(api, owner);
    const live = await createSession(api, owner, roomId);
    const upcoming = await createSession(api, owner, roomId, { scheduled_at: later(10) });
    const ended = await createSession(api, owner, roomId);
    await moveTo(api, owner, live, 'live');
    await moveTo(api, owner, ended, 'ended');
    const viewer = await api.account('viewer');
    await api.call('POST', at(`${live}/join`), { token: viewer.token });
    const started = new Date(Date.now() - 120_000);
    await api.db.repos.attendance.open(ended, viewer.id, started);
    await api.db.repos.attendance.close(ended, viewer.id, new Date(started.getTime() + 60_000));
    await api.db.repos.recordings.create({
      sessionId: ended,
      ownerId: owner.id,
      title: 'r',
      startedAt: started,
    });

    const stats = await api.call('GET', at('stats'), { token: owner.token });
    expect(stats.status).toBe(200);
    expect(stats.body.data).toMatchObject({
      rooms: 2,
      sessions_total: 3,
      sessions_by_status: { scheduled: 1, backstage: 0, live: 1, ended: 1 },
      live_viewers: 1,
      recordings: 1,
    });
    expect(stats.body.data.total_watch_seconds).toBeGreaterThanOrEqual(60);
    expect(stats.body.data.upcoming_sessions.map((s: { id: string }) => s.id)).toEqual([upcoming]);

    const stranger = await api.account('host');
    const empty = await api.call('GET', at('stats'), { token: stranger.token });
    expect(empty.body.data).toMatchObject({ rooms: 0, sessions_total: 0, upcoming_sessions: [] });
    expectError(await api.call('GET', at('stats')), 401, 'UNAUTHORIZED');
    expectError(await api.call('GET', at('stats'), { token: viewer.token }), 403, 'FORBIDDEN');
  });
});

describe(`sessions: delete (${dialect})`, () => {
  it('lets the owner or an admin delete, refuses while live, and others', async () => {
    const { owner, roomId, sessionId } = await ownedSession(api);
    const viewer = await api.account('viewer');
    const otherHost = await api.account('host');
    expectError(await api.call('DELETE', at(sessionId)), 401, 'UNAUTHORIZED');
    expectError(await api.call('DELETE', at(sessionId), { token: viewer.token }), 403, 'FORBIDDEN');
    expectError(
      await api.call('DELETE', at(sessionId), { token: otherHost.token }),
      403,
      'FORBIDDEN',
    );
    const deleted = await api.call('DELETE', at(sessionId), { token: owner.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ id: sessionId, deleted: true });
    expect(await api.db.repos.sessions.findById(sessionId)).toBeNull();
    expectError(await api.call('DELETE', at(sessionId), { token: owner.token }), 404, 'NOT_FOUND');

    const byAdmin = await createSession(api, owner, roomId);
    const admin = await api.account('admin');
    expect((await api.call('DELETE', at(byAdmin), { token: admin.token })).status).toBe(200);

    const live = await createSession(api, owner, roomId);
    await moveTo(api, owner, live, 'live');
    expectError(await api.call('DELETE', at(live), { token: owner.token }), 409, 'SESSION_LIVE');
    expect(await api.db.repos.sessions.findById(live)).not.toBeNull();
    await moveTo(api, owner, live, 'ended');
    expect((await api.call('DELETE', at(live), { token: owner.token })).status).toBe(200);
  });
});

describe(`sessions: lifecycle (${dialect})`, () => {
  it('starts a scheduled session backstage for the host side, once', async () => {
    const { owner, people, sessionId } = await cast(api);
    expectError(await api.call('POST', at(`${sessionId}/start`)), 401, 'UNAUTHORIZED');
    expectError(
      await api.call('POST', at(`${sessionId}/start`), { token: people.moderator.token }),
      403,
      'FORBIDDEN',
    );
    expect(await eventNames(api, sessionId)).toEqual([]);
    const started = await api.call('POST', at(`${sessionId}/start`), {
      token: people.cohost.token,
    });
    expect(started.status).toBe(200);
    expect(started.body.data).toMatchObject({
      session: { id: sessionId, status: 'backstage' },
      media_room: sessionId,
    });
    expect(started.body.data.session.started_at).toBeDefined();
    expect(started.body.data.hls_url).toBeUndefined();
    const events = await sessionEvents(api, sessionId);
    expect(events.map((e) => [e.event, e.payload])).toEqual([
      [
        'session.status_changed',
        { session_id: sessionId, status: 'backstage', previous_status: 'scheduled' },
      ],
    ]);
    expectError(
      await api.call('POST', at(`${sessionId}/start`), { token: owner.token }),
      409,
      'INVALID_STATE_TRANSITION',
    );
    expect(await eventNames(api, sessionId)).toHaveLength(1);
  });

  it('lets one of two concurrent starts win; the other is 409', async () => {
    const { owner, sessionId } = await ownedSession(api);
    const replies = await Promise.all(
      [1, 2].map(() => api.call('POST', at(`${sessionId}/start`), { token: owner.token })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(replies.find((r) => r.status === 409)?.body.error?.code).toBe(
      'INVALID_STATE_TRANSITION',
    );
    expect(await eventNames(api, sessionId)).toEqual(['session.status_changed']);
  });

  for (const operation of ['go_live', 'webcam_hls'] as const) {
    it(`${operation}: makes the session live with its HLS output and a default playback`, async () => {
      const { owner, people, sessionId } = await cast(api, 'backstage');
      expectError(
        await api.call('POST', at(`${sessionId}/${operation}`), { token: people.viewer.token }),
        403,
        'FORBIDDEN',
      );
      const live = await api.call('POST', at(`${sessionId}/${operation}`), {
        token: people.admin.token,
      });
      expect(live.status).toBe(200);
      expect(live.body.data).toMatchObject({
        session: { id: sessionId, status: 'live' },
        media_room: sessionId,
        hls_url: `http://vidinfra.test/hls/${sessionId}/index.m3u8`,
        playback_id: sessionId,
      });
      expect(live.body.data.session.live_at).toBeDefined();
      const playback = await api.db.repos.playbacks.defaultFor(sessionId);
      expect(playback).toMatchObject({ kind: 'live', isDefault: true, createdBy: people.admin.id });
      // The output waits for the studio's stream: `starting` until its first segment.
      expect((await api.media.outputStatus(sessionId)).state).toBe('starting');
      expect((await sessionEvents(api, sessionId)).at(-1)?.payload).toEqual({
        session_id: sessionId,
        status: 'live',
        previous_status: 'backstage',
      });
      expectError(
        await api.call('POST', at(`${sessionId}/${operation}`), { token: owner.token }),
        409,
        'INVALID_STATE_TRANSITION',
      );
      expect(await api.db.repos.playbacks.listBySession(sessionId)).toHaveLength(1);
    });

    it(`${operation}: goes straight live from scheduled, refuses an ended session`, async () => {
      const { owner, sessionId } = await ownedSession(api);
      const live = await api.call('POST', at(`${sessionId}/${operation}`), { token: owner.token });
      expect(live.body.data.session).toMatchObject({ status: 'live' });
      expect(live.body.data.session.started_at).toBe(live.body.data.session.live_at);
      await moveTo(api, owner, sessionId, 'ended');
      const before = await eventNames(api, sessionId);
      expectError(
        await api.call('POST', at(`${sessionId}/${operation}`), { token: owner.token }),
        409,
        'INVALID_STATE_TRANSITION',
      );
      expect(await eventNames(api, sessionId)).toEqual(before);
    });
  }

  it('ends a live session: output stopped, attendance closed, recording stopped', async () => {
    const { people, sessionId } = await cast(api, 'live');
    await api.call('POST', at(`${sessionId}/join`), { token: people.viewer.token });
    const recording = await api.db.repos.recordings.create({
      sessionId,
      ownerId: people.owner.id,
      title: 'Rec',
      startedAt: new Date(),
    });
    expectError(
      await api.call('POST', at(`${sessionId}/end`), { token: people.moderator.token }),
      403,
      'FORBIDDEN',
    );
    const ended = await api.call('POST', at(`${sessionId}/end`), { token: people.cohost.token });
    expect(ended.status).toBe(200);
    expect(ended.body.data).toMatchObject({ id: sessionId, status: 'ended', viewer_count: 0 });
    expect(ended.body.data.ended_at).toBeDefined();
    expect(await api.db.repos.attendance.active(sessionId)).toEqual([]);
    expect(await api.db.repos.recordings.findById(recording.id)).toMatchObject({
      status: 'processing',
    });
    expect((await api.db.repos.recordings.findById(recording.id))?.stoppedAt).toBeInstanceOf(Date);
    expect((await api.media.outputStatus(sessionId)).state).toBe('stopped');
    const events = await sessionEvents(api, sessionId);
    expect(
      events.slice(-2).map((e) => [e.event, e.payload.status ?? e.payload.recording_id]),
    ).toEqual([
      ['session.status_changed', 'ended'],
      ['recording.stopped', recording.id],
    ]);
    expectError(
      await api.call('POST', at(`${sessionId}/end`), { token: people.owner.token }),
      409,
      'INVALID_STATE_TRANSITION',
    );
  });

  it('ends a scheduled session too, even when the media backend is down', async () => {
    const owner = await offline.account('host');
    const roomId = await createRoom(offline, owner);
    const sessionId = await createSession(offline, owner, roomId);
    const ended = await offline.call('POST', at(`${sessionId}/end`), { token: owner.token });
    expect(ended.body.data).toMatchObject({ status: 'ended' });
  });

  it('ensures the egress idempotently, only while live', async () => {
    const { owner, people, sessionId } = await cast(api, 'backstage');
    const path = at(`${sessionId}/egress/ensure`);
    expectError(
      await api.call('POST', path, { token: owner.token }),
      409,
      'INVALID_STATE_TRANSITION',
    );
    await moveTo(api, owner, sessionId, 'live');
    expectError(await api.call('POST', path, { token: people.moderator.token }), 403, 'FORBIDDEN');
    const ensured = await api.call('POST', path, { token: owner.token });
    expect(ensured.status).toBe(200);
    expect(ensured.body.data).toEqual({
      session_id: sessionId,
      output: 'starting',
      restarted: false,
      hls_url: `http://vidinfra.test/hls/${sessionId}/index.m3u8`,
    });
    await api.media.stopOutput(sessionId);
    const restarted = await api.call('POST', path, { token: people.cohost.token });
    expect(restarted.body.data).toMatchObject({ output: 'starting', restarted: true });
    const again = await api.call('POST', path, { token: owner.token });
    expect(again.body.data.restarted).toBe(false);
  });
});

describe(`sessions: reschedule, settings, host media (${dialect})`, () => {
  it('reschedules for the owner only while scheduled, telling the session and subscribers', async () => {
    const { people, roomId, sessionId } = await cast(api);
    const subscriber = await api.account('viewer');
    await api.db.repos.reminders.subscribe(roomId, subscriber.id);
    const previous = (await api.db.repos.sessions.findById(sessionId))!.scheduledAt.toISOString();
    const when = later(24 * 60);
    const path = at(`${sessionId}/reschedule`);
    expectError(
      await api.call('PATCH', path, { token: people.cohost.token, body: { scheduled_at: when } }),
      403,
      'FORBIDDEN',
    );
    const moved = await api.call('PATCH', path, {
      token: people.owner.token,
      body: { scheduled_at: when },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ id: sessionId, scheduled_at: when });
    expect((await sessionEvents(api, sessionId)).map((e) => [e.event, e.payload])).toEqual([
      [
        'session.rescheduled',
        { session_id: sessionId, scheduled_at: when, previous_scheduled_at: previous },
      ],
    ]);
    const reminders = await api.db.repos.outbox.since(`user:${subscriber.id}`, 0, 10);
    expect(reminders.map((e) => [e.event, e.payload])).toEqual([
      [
        'reminder.rescheduled',
        {
          room_id: roomId,
          session_id: sessionId,
          title: 'Weekly town hall',
          scheduled_at: when,
          previous_scheduled_at: previous,
        },
      ],
    ]);

    for (const body of [
      { scheduled_at: '2001-01-01T00:00:00.000Z' },
      { scheduled_at: 'next week' },
      { scheduled_at: when, title: 'x' },
      {},
    ]) {
      expectError(
        await api.call('PATCH', path, { token: people.owner.token, body }),
        400,
        'VALIDATION_ERROR',
      );
    }
    expect((await api.db.repos.sessions.findById(sessionId))?.scheduledAt.toISOString()).toBe(when);
    await moveTo(api, people.owner, sessionId, 'backstage');
    expectError(
      await api.call('PATCH', path, {
        token: people.owner.token,
        body: { scheduled_at: later(5) },
      }),
      409,
      'INVALID_STATE_TRANSITION',
    );
    expect((await api.db.repos.sessions.findById(sessionId))?.scheduledAt.toISOString()).toBe(when);
    expect(await eventNames(api, sessionId)).toEqual([
      'session.rescheduled',
      'session.status_changed',
    ]);
  });

  it('merges runtime settings for the host side and tells the session', async () => {
    const { people, sessionId } = await cast(api, 'live');
    const path = at(`${sessionId}/settings`);
    const before = (await sessionEvents(api, sessionId)).length;
    expectError(
      await api.call('PATCH', path, {
        token: people.moderator.token,
        body: { chat_enabled: false },
      }),
      403,
      'FORBIDDEN',
    );
    const first = await api.call('PATCH', path, {
      token: people.cohost.token,
      body: { chat_enabled: false },
    });
    expect(first.status).toBe(200);
    const second = await api.call('PATCH', path, {
      token: people.owner.token,
      body: { slow_mode_seconds: 15, latency_mode: 'low' },
    });
    expect(second.body.data.settings).toMatchObject({
      chat_enabled: false,
      slow_mode_seconds: 15,
      latency_mode: 'low',
      polls_enabled: true,
    });
    const events = (await sessionEvents(api, sessionId)).slice(before);
    expect(events.map((e) => e.event)).toEqual([
      'session.settings_updated',
      'session.settings_updated',
    ]);
    expect(events[1]?.payload).toMatchObject({
      session_id: sessionId,
      settings: { chat_enabled: false, slow_mode_seconds: 15 },
    });
    for (const body of [{ slow_mode_seconds: -1 }, { chat: false }, { latency_mode: 'instant' }]) {
      expectError(
        await api.call('PATCH', path, { token: people.owner.token, body }),
        400,
        'VALIDATION_ERROR',
      );
    }
    expect((await sessionEvents(api, sessionId)).length).toBe(before + 2);
  });

  for (const kind of ['video', 'audio'] as const) {
    it(`broadcasts the host ${kind} state to the session`, async () => {
      const { people, sessionId } = await cast(api, 'live');
      const path = at(`${sessionId}/host/${kind}`);
      expectError(
        await api.call('POST', path, { token: people.stage.token, body: { enabled: true } }),
        403,
        'FORBIDDEN',
      );
      expectError(await api.call('POST', path, { body: { enabled: true } }), 401);
      const sent = await api.call('POST', path, {
        token: people.cohost.token,
        body: { enabled: false },
      });
      expect(sent.status).toBe(200);
      expect(sent.body.data).toEqual({ session_id: sessionId, enabled: false });
      const last = (await sessionEvents(api, sessionId)).at(-1);
      expect([last?.event, last?.payload]).toEqual([
        `host.${kind}`,
        { session_id: sessionId, enabled: false },
      ]);
      const count = (await sessionEvents(api, sessionId)).length;
      for (const body of [{}, { enabled: 'yes' }, { enabled: true, muted: true }]) {
        expectError(
          await api.call('POST', path, { token: people.owner.token, body }),
          400,
          'VALIDATION_ERROR',
        );
      }
      expect((await sessionEvents(api, sessionId)).length).toBe(count);
    });
  }

  it('keeps the host media in the session read until the session ends', async () => {
    const { people, sessionId } = await cast(api, 'live');
    const hostMedia = async () =>
      (await api.call('GET', at(sessionId))).body.data.host_media as unknown;
    expect(await hostMedia()).toEqual({ video: true, audio: true });
    for (const [kind, enabled] of [
      ['video', false],
      ['audio', false],
      ['audio', true],
    ] as const) {
      const sent = await api.call('POST', at(`${sessionId}/host/${kind}`), {
        token: people.cohost.token,
        body: { enabled },
      });
      expect(sent.status).toBe(200);
    }
    expect(await hostMedia()).toEqual({ video: false, audio: true });
    const before = (await sessionEvents(api, sessionId)).length;
    await moveTo(api, people.owner, sessionId, 'ended');
    expect(await hostMedia()).toEqual({ video: true, audio: true });
    const told = (await sessionEvents(api, sessionId)).slice(before);
    expect(
      told.filter((e) => e.event.startsWith('host.')).map((e) => [e.event, e.payload]),
    ).toEqual([
      ['host.video', { session_id: sessionId, enabled: true }],
      ['host.audio', { session_id: sessionId, enabled: true }],
    ]);
    // Told once ended (as before), but not kept: an ended session's host media stays on.
    await api.call('POST', at(`${sessionId}/host/video`), {
      token: people.owner.token,
      body: { enabled: false },
    });
    expect(await hostMedia()).toEqual({ video: true, audio: true });
  });
});

describe(`sessions: joining and media access (${dialect})`, () => {
  it('gives each caller a media token scoped to their session role', async () => {
    const { people, sessionId } = await cast(api, 'live');
    const join = (token: string) => api.call('POST', at(`${sessionId}/join`), { token });
    const expected = {
      owner: ['owner', true, undefined],
      cohost: ['cohost', true, undefined],
      moderator: ['moderator', false, undefined],
      stage: ['participant', true, ['camera', 'microphone']],
      viewer: ['viewer', false, undefined],
    } as const;
    for (const [who, [role, canPublish, sources]] of Object.entries(expected)) {
      const person = people[who as keyof typeof expected];
      const joined = await join(person.token);
      expect(joined.status, who).toBe(200);
      expect(joined.body.data).toMatchObject({
        ws_url: 'ws://vidinfra.test/ingest',
        room: sessionId,
        role,
        media_backend: 'local',
        hls_url: `http://vidinfra.test/hls/${sessionId}/index.m3u8`,
        playback_id: sessionId,
      });
      const grant = grantOf(joined.body.data.token);
      expect(grant.sub, who).toBe(person.id);
      expect(joined.body.data.expires_at, who).toBe(new Date(grant.exp * 1000).toISOString());
      expect(Date.parse(joined.body.data.expires_at) - Date.now(), who).toBeGreaterThan(0);
      expect(grant.video, who).toMatchObject({
        room: sessionId,
        roomJoin: true,
        canSubscribe: true,
        canPublish,
      });
      expect(grant.video.canPublishSources, who).toEqual(sources);
    }
    const watching = await api.db.repos.attendance.active(sessionId);
    expect(watching.map((v) => v.userId).sort()).toEqual(
      Object.keys(expected)
        .map((who) => people[who as keyof typeof expected].id)
        .sort(),
    );
    const admin = await join(people.admin.token);
    expect(grantOf(admin.body.data.token).video.canPublish).toBe(true);
  });

  it('refuses banned and anonymous callers, and opens no attendance before the session starts', async () => {
    const { people, sessionId } = await cast(api);
    const path = at(`${sessionId}/join`);
    expectError(await api.call('POST', path), 401, 'UNAUTHORIZED');
    expectError(await api.call('POST', path, { token: people.banned.token }), 403, 'BANNED');
    const joined = await api.call('POST', path, { token: people.viewer.token });
    expect(joined.status).toBe(200);
    expect(await api.db.repos.attendance.intervals(sessionId)).toEqual([]);
    expectError(
      await api.call('POST', at(`${MISSING_ID}/join`), { token: people.viewer.token }),
      404,
    );
  });

  it('gives staff a hidden, subscribe-only monitor token', async () => {
    const { people, sessionId } = await cast(api, 'live');
    const path = at(`${sessionId}/monitor_token`);
    const monitor = await api.call('GET', path, { token: people.moderator.token });
    expect(monitor.status).toBe(200);
    expect(monitor.body.data).toMatchObject({
      room: sessionId,
      ws_url: 'ws://vidinfra.test/ingest',
      expires_in: 6 * 3600,
    });
    expect(grantOf(monitor.body.data.token).video).toMatchObject({
      room: sessionId,
      canPublish: false,
      canSubscribe: true,
      hidden: true,
    });
    expect((await api.call('GET', path, { token: people.owner.token })).status).toBe(200);
    expectError(await api.call('GET', path, { token: people.stage.token }), 403, 'FORBIDDEN');
    expectError(await api.call('GET', path), 401, 'UNAUTHORIZED');
  });

  it('reports stream health to the host side', async () => {
    const { people, sessionId } = await cast(api, 'live');
    await api.call('POST', at(`${sessionId}/join`), { token: people.viewer.token });
    await api.call('POST', at(`${sessionId}/join`), { token: people.stage.token });
    const path = at(`${sessionId}/health`);
    const health = await api.call('GET', path, { token: people.owner.token });
    expect(health.status).toBe(200);
    expect(health.body.data).toMatchObject({
      session_id: sessionId,
      status: 'live',
      output: 'starting',
      viewers: 2,
      reporting_players: 0,
      viewer_latency_p50_ms: null,
      viewer_latency_p95_ms: null,
      rebuffer_ratio: null,
    });
    expect(Date.parse(health.body.data.checked_at)).not.toBeNaN();
    expectError(await api.call('GET', path, { token: people.moderator.token }), 403, 'FORBIDDEN');
  });

  it("sums up the players' playback reports of the last 30 s in the stream health", async () => {
    const { people, sessionId } = await cast(api, 'live');
    // What the realtime gateway hands in for each `playback:report` of a watching socket.
    const figures = { bitrate_bps: 2e6, period_ms: 10_000, stalls: 0, stall_ms: 0 };
    for (const [player, latency_ms, stall_ms] of [
      ['socket-a', 2000, 0],
      ['socket-b', 3000, 1000],
      ['socket-c', 9000, 2000],
      ['socket-a', 2500, 0], // a's newer report replaces its first
    ] as const) {
      await api.services.viewerReports.report(player, {
        session_id: sessionId,
        ...figures,
        latency_ms,
        stall_ms,
        stalls: stall_ms ? 1 : 0,
      });
    }
    const health = await api.call('GET', at(`${sessionId}/health`), { token: people.owner.token });
    expect(health.body.data).toMatchObject({
      reporting_players: 3,
      viewer_latency_p50_ms: 3000,
      viewer_latency_p95_ms: 9000,
      rebuffer_ratio: 0.1,
    });
  });

  it('makes a one-time studio URL that signs the host in once', async () => {
    const { people, sessionId } = await cast(api);
    const path = at(`${sessionId}/studio_url`);
    const studio = await api.call('POST', path, { token: people.cohost.token });
    expect(studio.status).toBe(200);
    expect(studio.body.data.expires_in).toBe(60);
    expect(Object.keys(studio.body.data).sort()).toEqual(['expires_in', 'url']);
    const url = new URL(studio.body.data.url);
    expect(`${url.origin}${url.pathname}`).toBe(`http://vidinfra.test/sessions/${sessionId}/live`);
    const code = url.searchParams.get('code')!;
    expect(code).toMatch(/^[0-9a-f-]{36}$/);
    const exchanged = await api.call('POST', '/api/auth/code/exchange', { body: { code } });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.data.user.id).toBe(people.cohost.id);
    const me = await api.call('GET', '/api/auth/me', { token: exchanged.body.data.access_token });
    expect(me.body.data.id).toBe(people.cohost.id);
    expectError(
      await api.call('POST', '/api/auth/code/exchange', { body: { code } }),
      410,
      'CODE_EXPIRED',
    );
    expectError(await api.call('POST', path, { token: people.moderator.token }), 403, 'FORBIDDEN');
  });

  it('shares the viewer page, an escaped embed iframe and the HLS URL', async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const sessionId = await createSession(api, owner, roomId, {
      title: 'Q&A "live" <script>',
    });
    const path = at(`${sessionId}/share_urls`);
    const shared = await api.call('GET', path, { token: owner.token });
    expect(shared.status).toBe(200);
    expect(shared.body.data).toEqual({
      viewer_url: `http://vidinfra.test/sessions/${sessionId}`,
      embed_html: expect.stringContaining(
        `<iframe src="http://vidinfra.test/embed/sessions/${sessionId}" title="Q&amp;A &quot;live&quot; &lt;script&gt;"`,
      ),
      hls_url: `http://vidinfra.test/hls/${sessionId}/index.m3u8`,
    });
    expect(shared.body.data.embed_html).not.toContain('<script>');
    const viewer = await api.account('viewer');
    expectError(await api.call('GET', path, { token: viewer.token }), 403, 'FORBIDDEN');
  });

  it('answers the default playback to attendees, 404 NO_DEFAULT_PLAYBACK before there is one', async () => {
    const { people, sessionId } = await cast(api, 'backstage');
    const path = at(`${sessionId}/playback`);
    const none = await api.call('GET', path, { token: people.viewer.token });
    expectError(none, 404, 'NO_DEFAULT_PLAYBACK');
    expect(none.body.error?.message).toBe('No default playback found for session');
    await moveTo(api, people.owner, sessionId, 'live');
    const playback = await api.call('GET', path, { token: people.viewer.token });
    expect(playback.status).toBe(200);
    expect(playback.body.data).toMatchObject({
      kind: 'live',
      playback_id: sessionId,
      url: `http://vidinfra.test/hls/${sessionId}/index.m3u8`,
      created_by: people.owner.id,
      default_playback: true,
      signed: false,
    });
    expect(playback.body.data.asset_id).toBeUndefined();
    expectError(await api.call('GET', path), 401, 'UNAUTHORIZED');
    expectError(await api.call('GET', path, { token: people.banned.token }), 403, 'BANNED');
  });

  it('answers a recorded default playback with its asset', async () => {
    const { owner, sessionId } = await ownedSession(api, 'ended');
    const recording = await api.db.repos.recordings.create({
      sessionId,
      ownerId: owner.id,
      title: 'Rec',
      status: 'ready',
      filePath: '/data/recordings/abc.mp4',
      durationSeconds: 42,
      startedAt: new Date(),
    });
    const playback = await api.db.repos.playbacks.create({
      sessionId,
      recordingId: recording.id,
      kind: 'recording',
      signed: false,
      allowedDomains: [],
    });
    await api.db.repos.playbacks.setDefault(playback.id);
    const fetched = await api.call('GET', at(`${sessionId}/playback`), { token: owner.token });
    expect(fetched.body.data).toMatchObject({
      id: playback.id,
      kind: 'recording',
      playback_id: recording.id,
      asset_id: recording.id,
      file_name: 'abc.mp4',
      duration: 42,
      default_playback: true,
    });
  });
});

describe(`sessions: media backend unavailable (${dialect})`, () => {
  it('answers 503 MEDIA_UNAVAILABLE for media operations and changes nothing', async () => {
    const owner = await offline.account('host');
    const viewer = await offline.account('viewer');
    const roomId = await createRoom(offline, owner);
    const sessionId = await createSession(offline, owner, roomId);
    await moveTo(offline, owner, sessionId, 'backstage');
    const calls: [string, string, string][] = [
      ['POST', 'go_live', owner.token],
      ['POST', 'webcam_hls', owner.token],
      ['POST', 'egress/ensure', owner.token],
      ['POST', 'studio_url', owner.token],
      ['POST', 'join', viewer.token],
      ['GET', 'monitor_token', owner.token],
      ['GET', 'health', owner.token],
    ];
    for (const [method, path, token] of calls) {
      expectError(
        await offline.call(method, at(`${sessionId}/${path}`), { token }),
        503,
        'MEDIA_UNAVAILABLE',
      );
    }
    expect(await offline.db.repos.sessions.findById(sessionId)).toMatchObject({
      status: 'backstage',
    });
    expect(await offline.db.repos.playbacks.listBySession(sessionId)).toEqual([]);
    expect(await offline.db.repos.attendance.intervals(sessionId)).toEqual([]);
    expect(await eventNames(offline, sessionId)).toEqual(['session.status_changed']);
    const shared = await offline.call('GET', at(`${sessionId}/share_urls`), { token: owner.token });
    expect(shared.status).toBe(200);
  });
});

describe(`sessions: library-scoped (${dialect})`, () => {
  async function library() {
    const owner = await api.account('host');
    const member = await api.account('host');
    const outsider = await api.account('host');
    const lib = await api.db.repos.libraries.create('Team', owner.id);
    await api.db.repos.libraries.putMember(lib.id, member.id, 'member');
    const roomId = await createRoom(api, owner, { libraryId: lib.id });
    const base = `/api/libraries/${lib.id}`;
    return { owner, member, outsider, libraryId: lib.id, roomId, base };
  }

  it('creates, lists and reads sessions of the library only', async () => {
    const { owner, member, outsider, libraryId, roomId, base } = await library();
    const created = await api.call('POST', `${base}/rooms/${roomId}/sessions`, {
      token: owner.token,
      body: { title: 'Library session', scheduled_at: later(45) },
    });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ room_id: roomId, library_id: libraryId });
    const sessionId = created.body.data.id;
    const outside = await ownedSession(api);

    const listed = await api.call('GET', `${base}/sessions?limit=100`, { token: member.token });
    expect(listed.body.data.items.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    const inRoom = await api.call('GET', `${base}/rooms/${roomId}/sessions`, {
      token: member.token,
    });
    expect(inRoom.body.data.total).toBe(1);
    expect(
      (await api.call('GET', `${base}/sessions/${sessionId}`, { token: member.token })).status,
    ).toBe(200);
    expectError(
      await api.call('GET', `${base}/sessions/${outside.sessionId}`, { token: member.token }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api.call('POST', `${base}/rooms/${outside.roomId}/sessions`, {
        token: outside.owner.token,
        body: { title: 'x', scheduled_at: later(45) },
      }),
      403,
    );
    expectError(
      await api.call('GET', `${base}/sessions/${sessionId}`, { token: outsider.token }),
      403,
      'FORBIDDEN',
    );

    await moveTo(api, owner, sessionId, 'live');
    const live = await api.call('GET', `${base}/sessions/live`, { token: member.token });
    expect(live.body.data.items.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    const stats = await api.call('GET', `${base}/sessions/stats`, { token: member.token });
    expect(stats.body.data).toMatchObject({ rooms: 1, sessions_total: 1 });
    const studio = await api.call('POST', `${base}/sessions/${sessionId}/studio_url`, {
      token: owner.token,
    });
    expect(studio.status).toBe(200);
    const ended = await api.call('POST', `${base}/sessions/${sessionId}/end`, {
      token: owner.token,
    });
    expect(ended.body.data.status).toBe('ended');
  });
});
