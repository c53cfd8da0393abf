import { describe, expect, it } from 'vitest';
import { dialect, useTestDatabase } from './harness.ts';
import { makeRoom, makeSession, makeUser, many } from './fixtures.ts';

const t = useTestDatabase();
const page = { page: 1, limit: 20 };

describe(`users (${dialect})`, () => {
  it('finds by email whatever its case, updates, lists with search, role and pages', async () => {
    const { db } = t;
    const marker = `zq${Date.now()}`;
    const created = await many(5, (i) =>
      db.repos.users.create({
        email: `${marker}.${i}@Example.test`,
        displayName: `Name ${i}`,
        role: i < 2 ? 'viewer' : 'host',
      }),
    );
    expect(created[0]!.email).toBe(`${marker}.0@example.test`);
    expect(
      await db.repos.users.findByEmail(`${marker.toUpperCase()}.0@EXAMPLE.TEST`),
    ).toMatchObject({ id: created[0]!.id });
    const updated = await db.repos.users.update(created[0]!.id, {
      disabled: true,
      displayName: 'Renamed',
    });
    expect(updated).toMatchObject({ disabled: true, displayName: 'Renamed' });
    expect(updated!.updatedAt).toBeInstanceOf(Date);
    const hosts = await db.repos.users.list({
      q: marker.toUpperCase(),
      role: 'host',
      page: 1,
      limit: 2,
    });
    expect(hosts.total).toBe(3);
    expect(hosts.items).toHaveLength(2);
    const second = await db.repos.users.list({ q: marker, role: 'host', page: 2, limit: 2 });
    expect(second.items.map((u) => u.id)).toEqual([created[4]!.id]);
    expect(
      await db.repos.users.update('00000000-0000-7000-8000-000000000000', { displayName: 'x' }),
    ).toBeNull();
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    const { db } = t;
    await db.repos.users.create({ displayName: 'plain 100 percent', role: 'viewer' });
    await db.repos.users.create({ displayName: 'literal 100% sure', role: 'viewer' });
    const found = await db.repos.users.list({ q: '100%', ...page });
    expect(found.items.map((u) => u.displayName)).toEqual(['literal 100% sure']);
  });
});

describe(`libraries (${dialect})`, () => {
  it('makes the creator the owner and manages members', async () => {
    const { db } = t;
    const [owner, member] = await many(2, () => makeUser(db));
    const library = await db.repos.libraries.create('Team', owner!.id);
    expect(await db.repos.libraries.membership(library.id, owner!.id)).toBe('owner');
    await db.repos.libraries.putMember(library.id, member!.id, 'member');
    await db.repos.libraries.putMember(library.id, member!.id, 'owner');
    expect(await db.repos.libraries.countOwners(library.id)).toBe(2);
    expect((await db.repos.libraries.members(library.id)).map((m) => m.userId)).toEqual([
      owner!.id,
      member!.id,
    ]);
    expect((await db.repos.libraries.listForUser(member!.id))[0]).toMatchObject({
      id: library.id,
      memberRole: 'owner',
    });
    expect(await db.repos.libraries.removeMember(library.id, member!.id)).toBe(true);
    expect(await db.repos.libraries.membership(library.id, member!.id)).toBeNull();
  });
});

describe(`rooms and sessions (${dialect})`, () => {
  it('lists public rooms only, searching name and description, and scopes by library', async () => {
    const { db } = t;
    const owner = await makeUser(db);
    const library = await db.repos.libraries.create('Lib', owner.id);
    const tag = `tag${Date.now()}`;
    await db.repos.rooms.create({ ownerId: owner.id, name: `Open ${tag}`, visibility: 'public' });
    await db.repos.rooms.create({
      ownerId: owner.id,
      name: 'Other',
      description: `about ${tag}`,
      visibility: 'public',
    });
    await db.repos.rooms.create({
      ownerId: owner.id,
      name: `Hidden ${tag}`,
      visibility: 'private',
    });
    await db.repos.rooms.create({
      ownerId: owner.id,
      libraryId: library.id,
      name: `Lib ${tag}`,
      visibility: 'public',
    });
    expect((await db.repos.rooms.listPublic({ q: tag, ...page })).total).toBe(3);
    expect(
      (await db.repos.rooms.listPublic({ q: tag, libraryId: library.id, ...page })).items.map(
        (r) => r.name,
      ),
    ).toEqual([`Lib ${tag}`]);
    expect((await db.repos.rooms.listByOwner(owner.id, { ...page, libraryId: null })).total).toBe(
      3,
    );
    expect(await db.repos.rooms.idsOwnedBy(owner.id)).toHaveLength(4);
  });

  it('filters sessions by status, time window and room visibility, soonest first', async () => {
    const { db } = t;
    const owner = await makeUser(db);
    const open = await makeRoom(db, owner.id, 'public');
    const hidden = await makeRoom(db, owner.id, 'private');
    const at = (h: number) => new Date(Date.UTC(2030, 0, 1, h));
    const mk = (roomId: string, h: number) =>
      db.repos.sessions.create({
        roomId,
        title: `s${h}`,
        scheduledAt: at(h),
        settings: { chat_enabled: true },
      });
    const [s3, s1] = [await mk(open.id, 3), await mk(open.id, 1)];
    await mk(hidden.id, 2);
    await db.repos.sessions.transition(s3.id, ['scheduled', 'backstage'], 'live', {
      liveAt: new Date(),
    });
    const listed = await db.repos.sessions.list({
      roomIds: [open.id, hidden.id],
      publicOnly: true,
      ...page,
    });
    expect(listed.items.map((s) => s.title)).toEqual(['s1', 's3']);
    expect(
      (
        await db.repos.sessions.list({ roomIds: [open.id, hidden.id], status: 'live', ...page })
      ).items.map((s) => s.id),
    ).toEqual([s3.id]);
    expect(
      (
        await db.repos.sessions.list({
          roomIds: [open.id, hidden.id],
          from: at(2),
          to: at(3),
          ...page,
        })
      ).total,
    ).toBe(2);
    expect((await db.repos.sessions.list({ roomIds: [], ...page })).total).toBe(0);
    expect(await db.repos.sessions.countByStatus([open.id, hidden.id])).toEqual({
      scheduled: 2,
      backstage: 0,
      live: 1,
      ended: 0,
    });
    expect((await db.repos.sessions.findWithRoom(s1.id))?.room.id).toBe(open.id);
    expect((await db.repos.sessions.findById(s1.id))?.settings).toEqual({ chat_enabled: true });
    expect(await db.repos.sessions.transition(s1.id, ['live'], 'ended')).toBeNull();
  });
});

describe(`participants, reminders and bans (${dialect})`, () => {
  it('gives and takes session roles', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const user = await makeUser(db);
    await db.repos.sessionParticipants.put(session.id, user.id, 'moderator');
    await db.repos.sessionParticipants.put(session.id, user.id, 'cohost');
    expect(await db.repos.sessionParticipants.roleOf(session.id, user.id)).toBe('cohost');
    expect(await db.repos.sessionParticipants.remove(session.id, user.id, 'moderator')).toBe(false);
    expect(await db.repos.sessionParticipants.list(session.id)).toHaveLength(1);
    expect(await db.repos.sessionParticipants.remove(session.id, user.id, 'cohost')).toBe(true);
  });

  it('subscribes to reminders idempotently', async () => {
    const { db } = t;
    const room = await makeRoom(db);
    const user = await makeUser(db, 'viewer');
    await db.repos.reminders.subscribe(room.id, user.id);
    await db.repos.reminders.subscribe(room.id, user.id);
    expect(await db.repos.reminders.subscriberIds(room.id)).toEqual([user.id]);
    expect(await db.repos.reminders.unsubscribe(room.id, user.id)).toBe(true);
    expect(await db.repos.reminders.find(room.id, user.id)).toBeNull();
  });

  it('holds a ban while it is in force: session or room scope, expiry, lifting', async () => {
    const { db } = t;
    const room = await makeRoom(db);
    const [s1, s2] = await many(2, () => makeSession(db, room.id));
    const [mod, a, b] = await many(3, () => makeUser(db));
    const scope1 = { sessionId: s1!.id, roomId: room.id };
    const scope2 = { sessionId: s2!.id, roomId: room.id };
    await db.repos.bans.create({
      roomId: room.id,
      sessionId: s1!.id,
      userId: a!.id,
      scope: 'session',
      createdBy: mod!.id,
    });
    await db.repos.bans.create({
      roomId: room.id,
      sessionId: s1!.id,
      userId: b!.id,
      scope: 'room',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await db.repos.bans.activeFor(a!.id, scope1)).not.toBeNull();
    expect(await db.repos.bans.activeFor(a!.id, scope2)).toBeNull();
    expect(await db.repos.bans.activeFor(b!.id, scope2)).not.toBeNull();
    expect(await db.repos.bans.activeFor(b!.id, scope2, new Date(Date.now() + 120_000))).toBeNull();
    expect((await db.repos.bans.listActive(scope2)).map((x) => x.ban.userId)).toEqual([b!.id]);
    expect(await db.repos.bans.lift(a!.id, scope1)).toBe(1);
    expect(await db.repos.bans.activeFor(a!.id, scope1)).toBeNull();
  });
});

describe(`chat (${dialect})`, () => {
  it('pages newest first in one stable order when times are equal, hiding deleted messages', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const user = await makeUser(db, 'viewer');
    const same = new Date('2030-01-01T00:00:00Z');
    const sent = [];
    for (let i = 0; i < 7; i++)
      sent.push(await db.repos.chat.create(session.id, user.id, `m${i}`, same));
    await db.repos.chat.softDelete(sent[3]!.id, user.id);
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const p = await db.repos.chat.page(session.id, { before, limit: 2 });
      seen.push(...p.items.map((m) => m.text));
      if (!p.hasMore) break;
      before = p.items.at(-1)!.id;
    }
    expect(seen).toEqual(['m6', 'm5', 'm4', 'm2', 'm1', 'm0']);
    expect(await db.repos.chat.softDelete(sent[3]!.id, user.id)).toBeNull();
    expect((await db.repos.chat.page(session.id, { before: sent[0]!.id, limit: 5 })).items).toEqual(
      [],
    );
    expect(
      (
        await db.repos.chat.page(session.id, {
          before: '00000000-0000-7000-8000-000000000000',
          limit: 5,
        })
      ).anchorFound,
    ).toBe(false);
    expect(await db.repos.chat.lastSentAt(session.id, user.id)).toEqual(same);
  });
});

describe(`polls (${dialect})`, () => {
  it('replaces a vote with the next one and counts results', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [host, v1, v2] = await many(3, () => makeUser(db));
    const poll = await db.repos.polls.create({
      sessionId: session.id,
      question: 'Q',
      multipleChoice: true,
      createdBy: host!.id,
      options: ['a', 'b', 'c'],
    });
    const [a, b, c] = poll.options.map((o) => o.id);
    expect(poll.options.map((o) => o.label)).toEqual(['a', 'b', 'c']);
    await db.repos.polls.vote(poll.id, v1!.id, [a!, b!]);
    await db.repos.polls.vote(poll.id, v1!.id, [c!]);
    await db.repos.polls.vote(poll.id, v2!.id, [c!]);
    expect(await db.repos.polls.ballotOf(poll.id, v1!.id)).toEqual([c]);
    const results = await db.repos.polls.results(poll.id);
    expect(results).toMatchObject({
      totalBallots: 2,
      options: [{ votes: 0 }, { votes: 0 }, { votes: 2 }],
    });
    expect(await db.repos.polls.close(poll.id)).toMatchObject({ status: 'closed' });
    expect(await db.repos.polls.close(poll.id)).toBeNull();
    expect((await db.repos.polls.listBySession(session.id))[0]?.options).toHaveLength(3);
  });
});

describe(`stage (${dialect})`, () => {
  it('queues hands first in, first out, with positions, and withdraws them', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const users = await many(3, () => makeUser(db, 'viewer'));
    for (const u of users)
      await db.repos.handRaises.enqueue(session.id, u.id, `hi from ${u.displayName}`);
    expect((await db.repos.handRaises.listPending(session.id)).map((h) => h.userId)).toEqual(
      users.map((u) => u.id),
    );
    expect(await db.repos.handRaises.position(session.id, users[2]!.id)).toBe(3);
    await db.repos.handRaises.withdrawAll(session.id, users[0]!.id);
    expect(await db.repos.handRaises.position(session.id, users[2]!.id)).toBe(2);
    expect(await db.repos.handRaises.position(session.id, users[0]!.id)).toBeNull();
    expect((await db.repos.handRaises.latest(session.id, users[0]!.id))?.status).toBe('withdrawn');
  });

  it('adds, counts, updates and removes stage participants', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const user = await makeUser(db, 'viewer');
    await db.repos.stage.add({
      sessionId: session.id,
      userId: user.id,
      canPublishAudio: true,
      canPublishVideo: true,
      source: 'direct',
    });
    await expect(
      db.repos.stage.add({ sessionId: session.id, userId: user.id, source: 'direct' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.repos.stage.count(session.id)).toBe(1);
    expect(
      await db.repos.stage.updatePermissions(session.id, user.id, { canPublishScreen: true }),
    ).toMatchObject({
      canPublishAudio: true,
      canPublishScreen: true,
    });
    expect((await db.repos.stage.list(session.id))[0]?.displayName).toBe(user.displayName);
    expect(await db.repos.stage.remove(session.id, user.id)).toBe(true);
    expect(await db.repos.stage.find(session.id, user.id)).toBeNull();
  });
});

describe(`recordings, playbacks and webhooks (${dialect})`, () => {
  it('tracks recordings and storage use per state', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const owner = await makeUser(db);
    const rec = await db.repos.recordings.create({
      sessionId: session.id,
      ownerId: owner.id,
      title: 'r',
      startedAt: new Date(),
    });
    await db.repos.recordings.update(rec.id, {
      status: 'ready',
      sizeBytes: 5_000_000_000,
      durationSeconds: 60,
    });
    const usage = await db.repos.recordings.usageByStatus();
    expect(usage.find((u) => u.status === 'ready')).toMatchObject({
      count: 1,
      bytes: 5_000_000_000,
    });
    expect((await db.repos.recordings.listByOwner(owner.id, page)).total).toBe(1);
    expect(await db.repos.recordings.delete(rec.id)).toMatchObject({ id: rec.id });
    expect(await db.repos.recordings.findById(rec.id)).toBeNull();
  });

  it('keeps one default playback per session', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [p1, p2] = await many(2, (i) =>
      db.repos.playbacks.create({
        sessionId: session.id,
        kind: 'live',
        signed: i === 1,
        allowedDomains: ['example.com'],
      }),
    );
    expect(await db.repos.playbacks.defaultFor(session.id)).toBeNull();
    await Promise.all([
      db.repos.playbacks.setDefault(p1!.id),
      db.repos.playbacks.setDefault(p2!.id),
    ]);
    expect(
      (await db.repos.playbacks.listBySession(session.id)).filter((p) => p.isDefault),
    ).toHaveLength(1);
    expect((await db.repos.playbacks.findById(p2!.id))?.allowedDomains).toEqual(['example.com']);
  });

  it('processes a webhook event id once', async () => {
    const { db } = t;
    expect(await db.repos.webhookEvents.isProcessed('evt-1')).toBe(false);
    const results = await many(3, () => db.repos.webhookEvents.markProcessed('evt-1', 'livekit'));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.repos.webhookEvents.isProcessed('evt-1')).toBe(true);
    expect(await db.repos.webhookEvents.isProcessed('evt-2')).toBe(false);
  });
});

describe(`attendance (${dialect})`, () => {
  it('opens, closes and closes all intervals, listing who is watching', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [a, b] = await many(2, () => makeUser(db, 'viewer'));
    await db.repos.attendance.open(session.id, a!.id, new Date('2030-01-01T00:00:00Z'));
    await db.repos.attendance.open(session.id, b!.id, new Date('2030-01-01T00:01:00Z'));
    expect(
      await db.repos.attendance.close(session.id, a!.id, new Date('2030-01-01T00:05:00Z')),
    ).toBe(true);
    expect(await db.repos.attendance.close(session.id, a!.id)).toBe(false);
    expect((await db.repos.attendance.active(session.id)).map((v) => v.userId)).toEqual([b!.id]);
    await db.repos.attendance.open(session.id, a!.id, new Date('2030-01-01T00:06:00Z'));
    expect(await db.repos.attendance.closeAll(session.id, new Date('2030-01-01T00:10:00Z'))).toBe(
      2,
    );
    const rows = await db.repos.attendance.withUsers(session.id);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.interval.leftAt instanceof Date)).toBe(true);
  });
});

describe(`realtime nodes (${dialect})`, () => {
  it('keeps heartbeats, finds silent nodes and closes the intervals a node opened', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [a, b, c] = await many(3, () => makeUser(db, 'viewer'));
    const [crashed, alive] = [`node-${Date.now()}-x`, `node-${Date.now()}-y`];
    await db.repos.realtimeNodes.beat(crashed, new Date('2030-01-01T00:00:00Z'));
    await db.repos.realtimeNodes.beat(crashed, new Date('2030-01-01T00:01:00Z'));
    await db.repos.realtimeNodes.beat(alive, new Date('2030-01-01T00:09:00Z'));
    const silent = await db.repos.realtimeNodes.silentSince(new Date('2030-01-01T00:05:00Z'));
    expect(silent.filter((n) => [crashed, alive].includes(n.id))).toEqual([
      { id: crashed, heartbeatAt: new Date('2030-01-01T00:01:00Z') },
    ]);
    const joined = new Date('2030-01-01T00:00:30Z');
    await db.repos.attendance.open(session.id, a!.id, joined, crashed);
    await db.repos.attendance.open(session.id, b!.id, joined, alive);
    await db.repos.attendance.open(session.id, c!.id, joined);
    expect(await db.repos.attendance.closeOpenedBy(crashed, silent[0]!.heartbeatAt)).toBe(1);
    expect((await db.repos.attendance.active(session.id)).map((v) => v.userId).sort()).toEqual(
      [b!.id, c!.id].sort(),
    );
    const [closed] = (await db.repos.attendance.intervals(session.id)).filter(
      (i) => i.userId === a!.id,
    );
    expect(closed).toMatchObject({ nodeId: crashed, leftAt: new Date('2030-01-01T00:01:00Z') });
    // Opened after the node's last heartbeat: closed at its join, never before it.
    const late = new Date('2030-01-01T00:02:00Z');
    await db.repos.attendance.open(session.id, a!.id, late, crashed);
    expect(await db.repos.attendance.closeOpenedBy(crashed, silent[0]!.heartbeatAt)).toBe(1);
    const lateInterval = (await db.repos.attendance.intervals(session.id)).find(
      (i) => i.userId === a!.id && i.joinedAt.getTime() === late.getTime(),
    );
    expect(lateInterval?.leftAt).toEqual(late);
    expect(await db.repos.realtimeNodes.remove(crashed, new Date('2030-01-01T00:00:00Z'))).toBe(
      false,
    );
    expect(await db.repos.realtimeNodes.remove(crashed, silent[0]!.heartbeatAt)).toBe(true);
    expect(await db.repos.realtimeNodes.remove(alive)).toBe(true);
  });
});

describe(`session lifecycle helpers and dashboard reads (${dialect})`, () => {
  it('lists sessions with their rooms', async () => {
    const { db } = t;
    const room = await makeRoom(db);
    const session = await makeSession(db, room.id);
    const listed = await db.repos.sessions.listWithRooms({ roomId: room.id, ...page });
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({
      session: { id: session.id },
      room: { id: room.id, visibility: 'public' },
    });
  });

  it('appoints a role without demoting a role it must keep', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const user = await makeUser(db);
    expect(
      await db.repos.sessionParticipants.putUnless(session.id, user.id, 'moderator', ['cohost']),
    ).toMatchObject({ role: 'moderator' });
    expect(
      await db.repos.sessionParticipants.putUnless(session.id, user.id, 'cohost', []),
    ).toMatchObject({ role: 'cohost' });
    expect(
      await db.repos.sessionParticipants.putUnless(session.id, user.id, 'moderator', ['cohost']),
    ).toBeNull();
    expect(await db.repos.sessionParticipants.roleOf(session.id, user.id)).toBe('cohost');
  });

  it('deletes a session only while its status allows it', async () => {
    const { db } = t;
    const session = await makeSession(db);
    await db.repos.sessions.transition(session.id, ['scheduled'], 'live');
    expect(await db.repos.sessions.deleteInStatus(session.id, ['scheduled', 'ended'])).toBe(false);
    expect(await db.repos.sessions.findById(session.id)).not.toBeNull();
    await db.repos.sessions.transition(session.id, ['live'], 'ended');
    expect(await db.repos.sessions.deleteInStatus(session.id, ['scheduled', 'ended'])).toBe(true);
    expect(await db.repos.sessions.findById(session.id)).toBeNull();
  });

  it('merges settings keys so concurrent patches of different keys both land', async () => {
    const { db } = t;
    const session = await makeSession(db);
    await Promise.all([
      db.repos.sessions.mergeSettings(session.id, { chat_enabled: false }),
      db.repos.sessions.mergeSettings(session.id, {
        slow_mode_seconds: 5,
        polls_enabled: undefined,
      }),
    ]);
    expect((await db.repos.sessions.findById(session.id))?.settings).toEqual({
      chat_enabled: false,
      slow_mode_seconds: 5,
    });
    expect(
      await db.repos.sessions.mergeSettings('00000000-0000-7000-8000-000000000000', {}),
    ).toBeNull();
  });

  it('counts open viewers per session and the activity of a set of rooms', async () => {
    const { db } = t;
    const owner = await makeUser(db);
    const library = await db.repos.libraries.create('Dash', owner.id);
    const room = await makeRoom(db, owner.id);
    const libraryRoom = await db.repos.rooms.create({
      ownerId: (await makeUser(db)).id,
      libraryId: library.id,
      name: 'In library',
      visibility: 'public',
    });
    const [live, ended] = await many(2, () => makeSession(db, room.id));
    await db.repos.sessions.transition(live!.id, ['scheduled'], 'live');
    await db.repos.sessions.transition(ended!.id, ['scheduled'], 'ended');
    const [a, b] = await many(2, () => makeUser(db, 'viewer'));
    const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 0, minute));
    await db.repos.attendance.open(live!.id, a!.id, at(0));
    await db.repos.attendance.open(live!.id, b!.id, at(1));
    await db.repos.attendance.open(ended!.id, a!.id, at(0));
    await db.repos.attendance.close(ended!.id, a!.id, at(10));
    await db.repos.recordings.create({
      sessionId: ended!.id,
      ownerId: owner.id,
      title: 'rec',
      startedAt: at(0),
    });

    expect(await db.repos.sessions.viewerCounts([live!.id, ended!.id])).toEqual({ [live!.id]: 2 });
    expect(await db.repos.sessions.viewerCounts([])).toEqual({});
    expect(await db.repos.sessions.viewerCount(live!.id)).toBe(2);
    expect(await db.repos.sessions.viewerCount(ended!.id)).toBe(0);
    expect(await db.repos.sessions.roomIdsIn({ ownerId: owner.id })).toEqual([room.id]);
    expect(await db.repos.sessions.roomIdsIn({ libraryId: library.id })).toEqual([libraryRoom.id]);
    const activity = await db.repos.sessions.activityIn([room.id, libraryRoom.id]);
    expect(activity).toMatchObject({ recordings: 1, liveViewers: 2 });
    expect(activity.intervals).toHaveLength(3);
    expect(activity.intervals.filter((i) => i.leftAt === null)).toHaveLength(2);
    expect(await db.repos.sessions.activityIn([])).toEqual({
      recordings: 0,
      liveViewers: 0,
      intervals: [],
    });
  });
});

describe(`libraries, presets and admins: pages and locks (${dialect})`, () => {
  /** Runs `first` holding `lock`, then `second` taking the same lock; returns the order of events. */
  const lockOrder = async (
    lock: (r: Parameters<Parameters<typeof t.db.transaction>[0]>[0]) => Promise<unknown>,
  ) => {
    const events: string[] = [];
    let locked!: () => void;
    const firstLocked = new Promise<void>((resolve) => (locked = resolve));
    const first = t.db.transaction(async (r) => {
      await lock(r);
      events.push('first locked');
      locked();
      await new Promise((resolve) => setTimeout(resolve, 150));
      events.push('first done');
    });
    await firstLocked;
    const second = t.db.transaction(async (r) => {
      await lock(r);
      events.push('second locked');
    });
    await Promise.all([first, second]);
    return events;
  };

  it('pages the libraries of a user with role and member count, and pages members', async () => {
    const { db } = t;
    const [owner, member, other] = await many(3, () => makeUser(db));
    const first = await db.repos.libraries.create('First', owner!.id);
    const second = await db.repos.libraries.create('Second', other!.id);
    await db.repos.libraries.putMember(first.id, member!.id, 'member');
    await db.repos.libraries.putMember(second.id, member!.id, 'owner');
    const page1 = await db.repos.libraries.pageForUser(member!.id, { page: 1, limit: 1 });
    expect(page1).toMatchObject({ total: 2, page: 1, limit: 1 });
    expect(page1.items).toEqual([
      expect.objectContaining({ id: first.id, memberRole: 'member', memberCount: 2 }),
    ]);
    const page2 = await db.repos.libraries.pageForUser(member!.id, { page: 2, limit: 1 });
    expect(page2.items).toEqual([
      expect.objectContaining({ id: second.id, memberRole: 'owner', memberCount: 2 }),
    ]);
    expect((await db.repos.libraries.pageForUser(owner!.id, page)).items).toHaveLength(1);
    expect(await db.repos.libraries.memberCount(first.id)).toBe(2);
    expect(await db.repos.libraries.memberCount('00000000-0000-7000-8000-000000000000')).toBe(0);
    const members = await db.repos.libraries.memberPage(first.id, { page: 2, limit: 1 });
    expect(members.total).toBe(2);
    expect(members.items).toEqual([
      expect.objectContaining({ userId: member!.id, role: 'member', email: member!.email }),
    ]);
  });

  it('makes membership changes of one library take turns', async () => {
    const { db } = t;
    const library = await db.repos.libraries.create('Locked', (await makeUser(db)).id);
    expect(await lockOrder((r) => r.libraries.lock(library.id))).toEqual([
      'first locked',
      'first done',
      'second locked',
    ]);
  });

  it('pages the presets of an owner, by library', async () => {
    const { db } = t;
    const owner = await makeUser(db);
    const library = await db.repos.libraries.create('Presets', owner.id);
    const make = (name: string, libraryId: string | null) =>
      db.repos.presets.create({
        ownerId: owner.id,
        libraryId,
        name,
        output: {},
        layout: 'speaker',
        defaultSettings: {},
      });
    const personal = await make('personal', null);
    const shared = await make('shared', library.id);
    const names = async (libraryId?: string | null) =>
      (await db.repos.presets.pageByOwner(owner.id, { ...page, libraryId })).items.map(
        (p) => p.name,
      );
    expect(await names()).toEqual([personal.name, shared.name]);
    expect(await names(library.id)).toEqual([shared.name]);
    expect(await names(null)).toEqual([personal.name]);
    const second = await db.repos.presets.pageByOwner(owner.id, { page: 2, limit: 1 });
    expect(second).toMatchObject({ total: 2, items: [{ id: shared.id }] });
  });

  it('locks and lists the enabled admins', async () => {
    const { db } = t;
    const [admin, disabledAdmin] = await many(2, () => makeUser(db, 'admin'));
    await db.repos.users.update(disabledAdmin!.id, { disabled: true });
    const ids = await db.transaction((r) => r.users.lockEnabledAdmins());
    expect(ids).toContain(admin!.id);
    expect(ids).not.toContain(disabledAdmin!.id);
    expect(await lockOrder((r) => r.users.lockEnabledAdmins())).toEqual([
      'first locked',
      'first done',
      'second locked',
    ]);
  });
});

describe(`engagement reads and the room lock (${dialect})`, () => {
  it('pages chat with each author’s name and badges, and sums a user’s recent activity', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [moderator, guest, viewer] = await many(3, () => makeUser(db, 'viewer'));
    await db.repos.sessionParticipants.put(session.id, moderator!.id, 'moderator');
    await db.repos.stage.add({ sessionId: session.id, userId: guest!.id, source: 'direct' });
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    await db.repos.chat.create(session.id, moderator!.id, 'rules', new Date(t0));
    await db.repos.chat.create(session.id, guest!.id, 'hello', new Date(t0 + 1000));
    for (let i = 0; i < 3; i++) {
      await db.repos.chat.create(session.id, viewer!.id, `v${i}`, new Date(t0 + 2000 + i * 1000));
    }
    const { items } = await db.repos.chat.page(session.id, { limit: 10 });
    expect(items.map((m) => [m.text, m.author])).toEqual([
      ['v2', { displayName: viewer!.displayName, participantRole: null, onStage: false }],
      ['v1', { displayName: viewer!.displayName, participantRole: null, onStage: false }],
      ['v0', { displayName: viewer!.displayName, participantRole: null, onStage: false }],
      ['hello', { displayName: guest!.displayName, participantRole: null, onStage: true }],
      [
        'rules',
        { displayName: moderator!.displayName, participantRole: 'moderator', onStage: false },
      ],
    ]);
    expect(await db.repos.chat.activitySince(session.id, viewer!.id, new Date(t0 + 2000))).toEqual({
      count: 2,
      first: new Date(t0 + 3000),
      last: new Date(t0 + 4000),
    });
    expect(await db.repos.chat.activitySince(session.id, guest!.id, new Date(t0 + 1000))).toEqual({
      count: 0,
      first: null,
      last: null,
    });
  });

  it('pages polls with their options, and reads results and ballots of many polls at once', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [host, v1, v2] = await many(3, () => makeUser(db));
    const polls = [];
    for (const question of ['A?', 'B?', 'C?']) {
      polls.push(
        await db.repos.polls.create({
          sessionId: session.id,
          question,
          multipleChoice: true,
          createdBy: host!.id,
          options: ['x', 'y'],
        }),
      );
    }
    const [a, b, c] = polls;
    await db.repos.polls.vote(a!.id, v1!.id, [a!.options[0]!.id, a!.options[1]!.id]);
    await db.repos.polls.vote(a!.id, v2!.id, [a!.options[1]!.id]);
    await db.repos.polls.vote(c!.id, v1!.id, [c!.options[0]!.id]);
    const second = await db.repos.polls.pageBySession(session.id, { page: 2, limit: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, limit: 2 });
    expect(second.items.map((p) => [p.question, p.options.length])).toEqual([['C?', 2]]);
    const results = await db.repos.polls.resultsFor([a!.id, b!.id, c!.id]);
    expect(results.map((r) => [r.totalBallots, r.options.map((o) => o.votes)])).toEqual([
      [2, [1, 2]],
      [0, [0, 0]],
      [1, [1, 0]],
    ]);
    expect(await db.repos.polls.resultsFor([])).toEqual([]);
    expect(await db.repos.polls.ballotsOf([a!.id, b!.id, c!.id], v1!.id)).toEqual({
      [a!.id]: [a!.options[0]!.id, a!.options[1]!.id].sort(),
      [c!.id]: [c!.options[0]!.id],
    });
  });

  it('pages pending hand raises and join requests first in, first out, with names', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const users = await many(3, () => makeUser(db, 'viewer'));
    for (const u of users) await db.repos.handRaises.enqueue(session.id, u.id);
    await db.repos.handRaises.resolve(session.id, users[0]!.id, 'rejected', null);
    await db.repos.joinRequests.enqueue(session.id, users[2]!.id, 'me too');
    const hands = await db.repos.handRaises.pendingPage(session.id, { page: 1, limit: 1 });
    expect(hands.total).toBe(2);
    expect(hands.items.map((h) => [h.entry.userId, h.displayName])).toEqual([
      [users[1]!.id, users[1]!.displayName],
    ]);
    const requests = await db.repos.joinRequests.pendingPage(session.id, page);
    expect(requests.items.map((r) => [r.entry.message, r.displayName])).toEqual([
      ['me too', users[2]!.displayName],
    ]);
  });

  it('pages the bans in force, newest first', async () => {
    const { db } = t;
    const room = await makeRoom(db);
    const session = await makeSession(db, room.id);
    const users = await many(3, () => makeUser(db, 'viewer'));
    for (const [i, u] of users.entries()) {
      await db.repos.bans.create({
        roomId: room.id,
        sessionId: session.id,
        userId: u.id,
        scope: i === 2 ? 'room' : 'session',
        expiresAt: i === 0 ? new Date(Date.now() - 1000) : null,
      });
    }
    const scope = { sessionId: session.id, roomId: room.id };
    const found = await db.repos.bans.pageActive(scope, { page: 1, limit: 1 });
    expect(found.total).toBe(2);
    expect(found.items.map((b) => [b.ban.userId, b.displayName])).toEqual([
      [users[2]!.id, users[2]!.displayName],
    ]);
  });

  it('pages active viewers with badges, and attendees by first arrival with their intervals', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [cohost, guest, viewer] = await many(3, () => makeUser(db, 'viewer'));
    await db.repos.sessionParticipants.put(session.id, cohost!.id, 'cohost');
    await db.repos.stage.add({ sessionId: session.id, userId: guest!.id, source: 'direct' });
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    const at = (s: number) => new Date(t0 + s * 1000);
    await db.repos.attendance.open(session.id, viewer!.id, at(0));
    await db.repos.attendance.close(session.id, viewer!.id, at(10));
    await db.repos.attendance.open(session.id, cohost!.id, at(5));
    await db.repos.attendance.open(session.id, guest!.id, at(7));
    await db.repos.attendance.open(session.id, viewer!.id, at(20));
    const active = await db.repos.attendance.activePage(session.id, page);
    expect(active.total).toBe(3);
    expect(active.items.map((v) => [v.userId, v.participantRole, v.onStage])).toEqual([
      [cohost!.id, 'cohost', false],
      [guest!.id, null, true],
      [viewer!.id, null, false],
    ]);
    const attendees = await db.repos.attendance.attendeesPage(session.id, { page: 1, limit: 2 });
    expect(attendees.total).toBe(3);
    expect(attendees.items.map((a) => [a.userId, a.firstJoinAt])).toEqual([
      [viewer!.id, at(0)],
      [cohost!.id, at(5)],
    ]);
    const intervals = await db.repos.attendance.intervalsOf(session.id, [viewer!.id]);
    expect(intervals.map((i) => [i.joinedAt, i.leftAt])).toEqual([
      [at(0), at(10)],
      [at(20), null],
    ]);
    expect(await db.repos.attendance.intervalsOf(session.id, [])).toEqual([]);
  });

  it('finds the sessions of a room where a user is on stage or queued', async () => {
    const { db } = t;
    const room = await makeRoom(db);
    const [onStage, handUp, asked, idle] = await many(4, () => makeSession(db, room.id));
    const otherRoom = await makeSession(db);
    const user = await makeUser(db, 'viewer');
    await db.repos.stage.add({ sessionId: onStage!.id, userId: user.id, source: 'direct' });
    await db.repos.stage.add({ sessionId: otherRoom.id, userId: user.id, source: 'direct' });
    await db.repos.handRaises.enqueue(handUp!.id, user.id);
    await db.repos.joinRequests.enqueue(asked!.id, user.id);
    await db.repos.handRaises.enqueue(idle!.id, user.id);
    await db.repos.handRaises.resolve(idle!.id, user.id, 'rejected', null);
    expect(await db.repos.stage.sessionsInvolving(room.id, user.id)).toEqual(
      [onStage!.id, handUp!.id, asked!.id].sort(),
    );
  });

  it('the room lock makes a check-then-write safe: five racing seats on a one-seat stage', async () => {
    const { db } = t;
    const room = await makeRoom(db);
    const session = await makeSession(db, room.id);
    const users = await many(5, () => makeUser(db, 'viewer'));
    const seat = (userId: string) =>
      db.transaction(async (r) => {
        await r.bans.lockRoom(room.id);
        if ((await r.stage.count(session.id)) >= 1) return false;
        await r.stage.add({ sessionId: session.id, userId, source: 'direct' });
        return true;
      });
    const seated = await Promise.all(users.map((u) => seat(u.id)));
    expect(seated.filter(Boolean)).toHaveLength(1);
    expect(await db.repos.stage.count(session.id)).toBe(1);
  });
});
