import { describe, expect, it } from 'vitest';
import { dialect, useTestDatabase } from './harness.ts';
import { makeRoom, makeSession, makeUser, many } from './fixtures.ts';

const t = useTestDatabase();
const missing = '00000000-0000-7000-8000-000000000000';

describe(`constraints the contract implies (${dialect})`, () => {
  it('unique email, case-insensitively: CONFLICT naming the field, no driver text', async () => {
    const { db } = t;
    const user = await makeUser(db);
    const error = await db.repos.users
      .create({ email: user.email!.toUpperCase(), displayName: 'twin', role: 'viewer' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'email' }] });
    expect(String((error as Error).message)).not.toMatch(/insert|constraint|SQLITE|duplicate key/i);
  });

  it('unique device token', async () => {
    const { db } = t;
    const [a, b] = await many(2, () => makeUser(db, 'viewer'));
    await db.repos.deviceTokens.create('device-hash', a!.id);
    await expect(db.repos.deviceTokens.create('device-hash', b!.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: [{ field: 'tokenHash' }],
    });
    expect(await db.repos.deviceTokens.useToken('device-hash')).toMatchObject({ id: a!.id });
  });

  it('a missing foreign row is NOT_FOUND and nothing of the write stays', async () => {
    const { db } = t;
    await expect(
      db.repos.rooms.create({ ownerId: missing, name: 'orphan', visibility: 'public' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      db.repos.polls.create({
        sessionId: missing,
        question: 'q?',
        multipleChoice: false,
        createdBy: missing,
        options: ['a', 'b'],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(db.repos.libraries.create('no owner', missing)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.repos.libraries.listForUser(missing)).toEqual([]);
  });

  it('one default preset per owner, even when set concurrently', async () => {
    const { db } = t;
    const owner = await makeUser(db);
    const presets = await many(6, (i) =>
      db.repos.presets.create({
        ownerId: owner.id,
        name: `p${i}`,
        output: {},
        layout: 'speaker',
        defaultSettings: {},
      }),
    );
    await Promise.all(presets.map((p) => db.repos.presets.setDefault(p.id)));
    const defaults = (await db.repos.presets.listByOwner(owner.id)).filter((p) => p.isDefault);
    expect(defaults).toHaveLength(1);
    await db.repos.presets.setDefault(presets[2]!.id);
    expect((await db.repos.presets.defaultFor(owner.id))?.id).toBe(presets[2]!.id);
  });

  it('one active recording per session', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const owner = await makeUser(db);
    const start = () =>
      db.repos.recordings.create({
        sessionId: session.id,
        ownerId: owner.id,
        title: 'rec',
        startedAt: new Date(),
      });
    const results = await Promise.allSettled([start(), start(), start()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    }
    const active = await db.repos.recordings.active(session.id);
    await db.repos.recordings.update(active!.id, { status: 'processing', stoppedAt: new Date() });
    await expect(start()).resolves.toMatchObject({ status: 'recording' });
  });

  it('one open attendance interval per user per session, even when opened concurrently', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const viewer = await makeUser(db, 'viewer');
    const opened = await many(8, () => db.repos.attendance.open(session.id, viewer.id));
    expect(new Set(opened.map((i) => i.id)).size).toBe(1);
    expect(await db.repos.attendance.intervals(session.id)).toHaveLength(1);
  });

  it('one ballot per user per poll, even when voting concurrently', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [host, voter] = await many(2, () => makeUser(db));
    const poll = await db.repos.polls.create({
      sessionId: session.id,
      question: 'Pick',
      multipleChoice: false,
      createdBy: host!.id,
      options: ['a', 'b', 'c'],
    });
    await Promise.all(poll.options.map((o) => db.repos.polls.vote(poll.id, voter!.id, [o.id])));
    const results = await db.repos.polls.results(poll.id);
    expect(results.totalBallots).toBe(1);
    expect(results.options.reduce((n, o) => n + o.votes, 0)).toBe(1);
  });

  it('one pending hand raise and one pending join request per user', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const viewer = await makeUser(db, 'viewer');
    await db.repos.handRaises.enqueue(session.id, viewer.id);
    await expect(db.repos.handRaises.enqueue(session.id, viewer.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await db.repos.joinRequests.enqueue(session.id, viewer.id);
    await expect(db.repos.joinRequests.enqueue(session.id, viewer.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await db.repos.handRaises.resolve(session.id, viewer.id, 'rejected', null);
    await expect(
      db.repos.handRaises.enqueue(session.id, viewer.id, 'again'),
    ).resolves.toMatchObject({ status: 'pending' });
  });

  it('deleting a room removes its sessions with it', async () => {
    const { db } = t;
    const room = await makeRoom(db);
    const session = await makeSession(db, room.id);
    expect(await db.repos.rooms.delete(room.id)).toBe(true);
    expect(await db.repos.sessions.findById(session.id)).toBeNull();
  });
});
