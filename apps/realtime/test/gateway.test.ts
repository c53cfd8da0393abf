import { sessionChannel, staffChannel, userChannel } from '@vidinfra/domain';
import { createServer } from 'node:http';
import { createServices, originCheck } from '@vidinfra/services';
import { Adapter } from 'socket.io-adapter';
import { startGateway } from '../src/start.ts';
import { describe, expect, it } from 'vitest';
import { collect, dialect, request, useRealtime, waitFor } from './harness.ts';

const rt = useRealtime();

const connectError = (socket: ReturnType<typeof rt.socket>) =>
  new Promise<{ message: string; data?: { code: string } }>((resolve) =>
    socket.once('connect_error', resolve as never),
  );

describe(`connect (${dialect})`, () => {
  it('refuses a bad token and an expired one, with the machine code', async () => {
    const bad = await connectError(rt.socket(rt.node.url, 'not-a-token'));
    expect(bad.data?.code).toBe('UNAUTHORIZED');
    const someone = await rt.account('viewer');
    const user = (await rt.db.repos.users.findById(someone.id))!;
    // A token issued an hour ago by the same signer: its 15 minutes are over.
    const anHourAgo = createServices({
      ...rt.services.deps,
      now: () => new Date(Date.now() - 3_600_000),
    });
    const { access_token: expired } = await anHourAgo.auth.registerViewer({
      device_token: `device-${user.id}`,
      display_name: 'Late',
    });
    const late = await connectError(rt.socket(rt.node.url, expired));
    expect(late.data?.code).toBe('TOKEN_EXPIRED');
    const viewer = await rt.account('viewer');
    await rt.db.repos.users.update(viewer.id, { disabled: true });
    const disabled = await connectError(rt.socket(rt.node.url, viewer.token));
    expect(disabled.data?.code).toBe('ACCOUNT_DISABLED');
  });

  it('lets anonymous sockets follow public sessions only, read-only', async () => {
    const publicSession = await rt.liveSession(undefined, 'public');
    const privateSession = await rt.liveSession(undefined, 'private');
    const anonymous = await rt.connected(rt.node.url, null);
    expect(
      await request(anonymous, 'subscribe', { channel: sessionChannel(publicSession.sessionId) }),
    ).toMatchObject({ ok: true });
    expect(
      await request(anonymous, 'subscribe', { channel: sessionChannel(privateSession.sessionId) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(
      await request(anonymous, 'chat:send', { session_id: publicSession.sessionId, text: 'hi' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
  });
});

describe(`channel authorization (${dialect})`, () => {
  it('admits each role to the channels the rules allow and refuses the others', async () => {
    const host = await rt.account('host');
    const { sessionId } = await rt.liveSession(host.id);
    const [viewer, moderator, cohost, guest, other, admin, banned] = await Promise.all([
      rt.account('viewer'),
      rt.account('viewer'),
      rt.account('host'),
      rt.account('viewer'),
      rt.account('viewer'),
      rt.account('admin'),
      rt.account('viewer'),
    ]);
    await rt.db.repos.sessionParticipants.put(sessionId, moderator.id, 'moderator');
    await rt.db.repos.sessionParticipants.put(sessionId, cohost.id, 'cohost');
    await rt.db.repos.stage.add({
      sessionId,
      userId: guest.id,
      canPublishAudio: true,
      source: 'direct',
    });
    const session = (await rt.db.repos.sessions.findWithRoom(sessionId))!;
    await rt.db.repos.bans.create({
      roomId: session.room.id,
      sessionId,
      userId: banned.id,
      scope: 'session',
    });
    const cases: [string, string, string | true][] = [
      [viewer.token, sessionChannel(sessionId), true],
      [viewer.token, staffChannel(sessionId), 'FORBIDDEN'],
      [host.token, staffChannel(sessionId), true],
      [cohost.token, staffChannel(sessionId), true],
      [moderator.token, staffChannel(sessionId), true],
      [admin.token, staffChannel(sessionId), true],
      [guest.token, sessionChannel(sessionId), true],
      [guest.token, staffChannel(sessionId), 'FORBIDDEN'],
      [other.token, staffChannel(sessionId), 'FORBIDDEN'],
      [viewer.token, userChannel(viewer.id), true],
      [viewer.token, userChannel(other.id), 'FORBIDDEN'],
      [banned.token, sessionChannel(sessionId), 'BANNED'],
      [viewer.token, 'session:not-a-uuid', 'VALIDATION_ERROR'],
      [viewer.token, sessionChannel('00000000-0000-7000-8000-000000000000'), 'NOT_FOUND'],
    ];
    for (const [token, channel, expected] of cases) {
      const socket = await rt.connected(rt.node.url, token);
      const ack = await request(socket, 'subscribe', { channel });
      if (expected === true) expect(ack, channel).toMatchObject({ ok: true, data: { channel } });
      else
        expect(ack, `${channel} ${expected}`).toMatchObject({
          ok: false,
          error: { code: expected },
        });
      socket.disconnect();
    }
  });
});

describe(`delivery (${dialect})`, () => {
  it('delivers committed events in commit order with consecutive sequence numbers', async () => {
    const { sessionId } = await rt.liveSession();
    const viewer = await rt.account('viewer');
    const socket = await rt.connected(rt.node.url, viewer.token);
    const events = collect(socket);
    const ack = await request(socket, 'subscribe', { channel: sessionChannel(sessionId) });
    expect(ack.data.last_seq).toBe(0);
    for (let i = 0; i < 40; i++) await rt.publish(sessionId, 'x'.repeat(i));
    await waitFor(() => events.length >= 40);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(
      events.every((e) => e.channel === sessionChannel(sessionId) && e.event === 'host.video'),
    ).toBe(true);
  });

  it('never broadcasts what was rolled back', async () => {
    const { sessionId } = await rt.liveSession();
    const socket = await rt.connected(rt.node.url, (await rt.account('viewer')).token);
    const events = collect(socket);
    await request(socket, 'subscribe', { channel: sessionChannel(sessionId) });
    await rt.db
      .transaction(async (r) => {
        await r.outbox.append(sessionChannel(sessionId), 'host.audio', {
          session_id: sessionId,
          enabled: true,
        });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await rt.publish(sessionId, 'ok');
    await waitFor(() => events.length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(events.map((e) => [e.event, e.seq])).toEqual([['host.video', 1]]);
  });

  it('recovers the events missed during a short disconnect, and resyncs after a long one', async () => {
    const { sessionId } = await rt.liveSession();
    const viewer = await rt.account('viewer');
    const socket = rt.socket(rt.node.url, viewer.token, {
      reconnection: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 50,
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const events = collect(socket);
    await request(socket, 'subscribe', { channel: sessionChannel(sessionId) });
    await rt.publish(sessionId, 'a');
    await waitFor(() => events.length === 1);
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.io.engine.close(); // the network drops; the client reconnects by itself
    await dropped;
    const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await rt.publish(sessionId, 'bb');
    await rt.publish(sessionId, 'ccc');
    await back;
    expect(socket.recovered).toBe(true);
    await waitFor(() => events.length === 3).catch(() => {
      throw new Error(`got ${JSON.stringify(events.map((e) => e.seq))}`);
    });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);

    // Gone for longer than the recovery window: a new socket asks for what came after its last seq.
    socket.disconnect();
    await rt.publish(sessionId, 'dddd');
    await rt.publish(sessionId, 'eeeee');
    const later = await rt.connected(rt.node.url, viewer.token);
    const resync = await request(later, 'resync', {
      channel: sessionChannel(sessionId),
      after_seq: 3,
    });
    expect(resync).toMatchObject({ ok: true, data: { complete: true } });
    expect(resync.data.events.map((e: { seq: number }) => e.seq)).toEqual([4, 5]);
    expect(
      await request(later, 'resync', { channel: staffChannel(sessionId), after_seq: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe(`enforcement on live sockets (${dialect})`, () => {
  it('removes a banned user from the session channel at once', async () => {
    const { sessionId, roomId } = await rt.liveSession();
    const viewer = await rt.account('viewer');
    const socket = await rt.connected(rt.node.url, viewer.token);
    const events = collect(socket);
    const removed = new Promise<{ channels: string[]; reason: string }>((resolve) =>
      socket.once('channel:removed', resolve),
    );
    await request(socket, 'subscribe', { channel: sessionChannel(sessionId) });
    await rt.db.transaction(async (r) => {
      const ban = await r.bans.create({ roomId, sessionId, userId: viewer.id, scope: 'session' });
      await r.outbox.append(staffChannel(sessionId), 'moderation.banned', {
        session_id: sessionId,
        user_id: viewer.id,
        ban_id: ban.id,
      });
    });
    expect(await removed).toMatchObject({
      reason: 'banned',
      channels: [sessionChannel(sessionId), staffChannel(sessionId)],
    });
    await rt.publish(sessionId, 'after the ban');
    await new Promise((r) => setTimeout(r, 150));
    expect(events).toEqual([]);
    expect(
      await request(socket, 'subscribe', { channel: sessionChannel(sessionId) }),
    ).toMatchObject({ ok: false, error: { code: 'BANNED' } });
  });

  it('tells a removed stage participant to unpublish', async () => {
    const { sessionId } = await rt.liveSession();
    const guest = await rt.account('viewer');
    const socket = await rt.connected(rt.node.url, guest.token);
    const told = new Promise<{ session_id: string }>((resolve) =>
      socket.once('stage:unpublish', resolve),
    );
    await rt.db.transaction((r) =>
      r.outbox.append(sessionChannel(sessionId), 'stage.participant_removed', {
        session_id: sessionId,
        user_id: guest.id,
      }),
    );
    expect(await told).toEqual({ session_id: sessionId });
  });

  it('disconnects the sockets of a login that ended, and only those', async () => {
    const viewer = await rt.account('viewer');
    const email = (await rt.db.repos.users.findById(viewer.id))!.email!;
    const second = await rt.services.auth.login({ email, password: 'a password for tests' });
    const first = await rt.connected(rt.node.url, viewer.token);
    const other = await rt.connected(rt.node.url, second.access_token);
    const gone = new Promise<string>((resolve) => other.once('disconnect', resolve));
    const actor = await rt.services.auth.authenticate(second.access_token);
    expect(await rt.services.auth.logout(actor, { refresh_token: second.refresh_token })).toEqual({
      revoked: true,
    });
    expect(await gone).toBe('io server disconnect');
    await new Promise((r) => setTimeout(r, 150));
    expect(first.connected).toBe(true);

    // An admin ending every login of the user ends the rest.
    const lastGone = new Promise<string>((resolve) => first.once('disconnect', resolve));
    await rt.services.admin.revokeUserSessions(viewer.id);
    expect(await lastGone).toBe('io server disconnect');
  });

  it('ends a recovered socket whose login ended while it was away', async () => {
    const viewer = await rt.account('viewer');
    const email = (await rt.db.repos.users.findById(viewer.id))!.email!;
    const login = await rt.services.auth.login({ email, password: 'a password for tests' });
    const socket = rt.socket(rt.node.url, login.access_token, {
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 1000,
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Recovery needs an event received (its offset).
    const { sessionId } = await rt.liveSession();
    const events = collect(socket);
    await request(socket, 'subscribe', { channel: sessionChannel(sessionId) });
    await rt.publish(sessionId, 'a');
    await waitFor(() => events.length === 1);
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    const id = socket.id!;
    socket.io.engine.close(); // the network drops; the client comes back within the window
    await dropped;
    // The gateway has seen the drop (kept the socket's state for recovery) before the logout.
    await waitFor(() => !rt.node.gateway.io.sockets.sockets.has(id));
    const actor = await rt.services.auth.authenticate(login.access_token);
    await rt.services.auth.logout(actor, { refresh_token: login.refresh_token });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect(socket.recovered).toBe(true);
    const ended = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(ended).toBe('io server disconnect');
  });
});

describe(`presence and attendance (${dialect})`, () => {
  it('opens an interval on subscribe and keeps one across a reconnect within the grace period', async () => {
    const { sessionId } = await rt.liveSession();
    const viewer = await rt.account('viewer');
    const first = await rt.connected(rt.node.url, viewer.token);
    await request(first, 'subscribe', { channel: sessionChannel(sessionId) });
    expect((await rt.db.repos.attendance.active(sessionId)).map((v) => v.userId)).toEqual([
      viewer.id,
    ]);
    for (let i = 0; i < 5; i++) {
      // a flaky network: drop and come back quickly, five times
      const socket = i === 0 ? first : await rt.connected(rt.node.url, viewer.token);
      socket.disconnect();
      const again = await rt.connected(rt.node.url, viewer.token);
      await request(again, 'subscribe', { channel: sessionChannel(sessionId) });
      again.disconnect();
    }
    await waitFor(async () => (await rt.db.repos.attendance.active(sessionId)).length === 0, 3000);
    const intervals = await rt.db.repos.attendance.intervals(sessionId);
    expect(intervals).toHaveLength(1);
    expect(intervals[0]!.leftAt).toBeInstanceOf(Date);
  });

  it('sends the viewer count, the session’s open attendance, when it changes', async () => {
    const { sessionId } = await rt.liveSession();
    const anonymous = await rt.connected(rt.node.url, null);
    const counts: unknown[] = [];
    anonymous.on('viewer_count', (message: unknown) => counts.push(message));
    await request(anonymous, 'subscribe', { channel: sessionChannel(sessionId) });
    await waitFor(() => counts.length === 1);
    const viewers = [await rt.account('viewer'), await rt.account('viewer')];
    const sockets = await Promise.all(viewers.map((v) => rt.connected(rt.node.url, v.token)));
    for (const socket of sockets)
      await request(socket, 'subscribe', { channel: sessionChannel(sessionId) });
    await waitFor(() => counts.some((m) => (m as { count: number }).count === 2));
    sockets[0]!.disconnect();
    await waitFor(() => (counts.at(-1) as { count: number }).count === 1);
    // Only following viewers count (not the anonymous one): the session's own figure.
    expect(counts[0]).toEqual({ session_id: sessionId, count: 0 });
    expect(await rt.db.repos.sessions.viewerCount(sessionId)).toBe(1);
  });

  it("keeps the host's camera off for a viewer who follows later, until that host leaves", async () => {
    const host = await rt.account('host');
    const { sessionId } = await rt.liveSession(host.id);
    const channel = { channel: sessionChannel(sessionId) };
    const studio = await rt.connected(rt.node.url, host.token);
    await request(studio, 'subscribe', channel);
    await rt.hostVideo(sessionId, host.token, false);
    // A viewer who comes now: the session read says it, then the events follow.
    expect(await rt.hostMedia(sessionId)).toEqual({ video: false, audio: true });
    const late = await rt.connected(rt.node.url, (await rt.account('viewer')).token);
    const events = collect(late);
    await request(late, 'subscribe', channel);
    // Another viewer leaving changes nothing.
    const other = await rt.connected(rt.node.url, (await rt.account('viewer')).token);
    await request(other, 'subscribe', channel);
    other.disconnect();
    await waitFor(async () => (await rt.db.repos.attendance.active(sessionId)).length === 2);
    expect(await rt.hostMedia(sessionId)).toEqual({ video: false, audio: true });
    studio.disconnect();
    await waitFor(() => events.length === 2);
    expect(events.map((e) => [e.event, e.payload])).toEqual([
      ['host.video', { session_id: sessionId, enabled: true }],
      ['host.audio', { session_id: sessionId, enabled: true }],
    ]);
    expect(await rt.hostMedia(sessionId)).toEqual({ video: true, audio: true });
  });

  it('logs a count no node answered and still closes the interval, without an unhandled rejection', async () => {
    /** A cluster where some node never answers: every question to all nodes fails. */
    class UnansweredAdapter extends Adapter {
      override fetchSockets(): never {
        return Promise.reject(new Error('a node did not answer')) as never;
      }
    }
    const errors: string[] = [];
    const node = await rt.startNode({
      adapter: UnansweredAdapter as never,
      log: { warn: () => {}, error: (error, context) => errors.push(`${context}: ${error}`) },
    });
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const { sessionId } = await rt.liveSession();
      const viewer = await rt.account('viewer');
      const socket = await rt.connected(node.url, viewer.token);
      await request(socket, 'subscribe', { channel: sessionChannel(sessionId) });
      socket.disconnect();
      await waitFor(
        async () => (await rt.db.repos.attendance.active(sessionId)).length === 0,
        3000,
      );
      expect(errors).toContain('presence: Error: a node did not answer');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('closes the interval anyway when the other nodes do not answer in time', async () => {
    /** A cluster where a question to all nodes never comes back (Redis away). */
    class SilentAdapter extends Adapter {
      override fetchSockets(): never {
        return new Promise(() => {}) as never;
      }
    }
    const errors: string[] = [];
    const node = await rt.startNode({
      adapter: SilentAdapter as never,
      log: { warn: () => {}, error: (error, context) => errors.push(`${context}: ${error}`) },
    });
    const { sessionId } = await rt.liveSession();
    const socket = await rt.connected(node.url, (await rt.account('viewer')).token);
    await request(socket, 'subscribe', { channel: sessionChannel(sessionId) });
    socket.disconnect();
    await waitFor(async () => (await rt.db.repos.attendance.active(sessionId)).length === 0, 5000);
    expect(errors).toContain('presence: Error: no answer within 2000 ms');
  });
});

describe(`bad input (${dialect})`, () => {
  it('answers unknown events and malformed payloads with error acks and stays up', async () => {
    const socket = await rt.connected(rt.node.url, (await rt.account('viewer')).token);
    expect(await request(socket, 'no-such-event', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await request(socket, 'subscribe', { channel: 42 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR' },
    });
    expect(await request(socket, 'subscribe', null)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR' },
    });
    expect(await request(socket, 'resync', { channel: 'user:x', after_seq: -1 })).toMatchObject({
      ok: false,
    });
    expect(socket.connected).toBe(true);
  });

  it('disconnects a flooding socket and an oversized message, leaving other sockets alone', async () => {
    const bystander = await rt.connected(rt.node.url, null);
    const flooder = await rt.connected(rt.node.url, null);
    const gone = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    for (let i = 0; i < 200; i++) flooder.emit('subscribe', { channel: 'x' }, () => {});
    expect(await gone).toBe('io server disconnect');
    const big = await rt.connected(rt.node.url, null);
    const bigGone = new Promise<string>((resolve) => big.once('disconnect', resolve));
    big.emit('subscribe', { channel: 'x'.repeat(64 * 1024) });
    expect(await bigGone).toMatch(/transport close|server disconnect/);
    expect(await request(bystander, 'subscribe', { channel: 'bad' })).toMatchObject({ ok: false });
  });
});

describe(`health (${dialect})`, () => {
  it('tells /api/health how it is: up while the gateway runs beside the API, down without it', async () => {
    const services = createServices(rt.services.deps);
    const realtime = async () => (await services.health.check()).checks.realtime.status;
    expect(await realtime(), 'no gateway started with these services').toBe('down');
    const started = await startGateway(createServer(), services, {
      redisUrl: null,
      allowOrigin: originCheck(rt.config.allowedOrigins),
    });
    try {
      expect(await realtime()).toBe('up');
    } finally {
      await started.close();
    }
    expect(await realtime()).toBe('down');
  });
});
