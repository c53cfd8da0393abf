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
    const results = await many(3, () => db.repos.webhookEvents.markProcessed('evt-1', 'livekit'));
    expect(results.filter(Boolean)).toHaveLength(1);
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
