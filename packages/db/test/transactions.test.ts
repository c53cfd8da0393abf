import { describe, expect, it } from 'vitest';
import { dialect, useTestDatabase } from './harness.ts';
import { makeRoom, makeUser } from './fixtures.ts';

const t = useTestDatabase();

describe(`transactions (${dialect})`, () => {
  it('commits everything the callback wrote', async () => {
    const { db } = t;
    const owner = await makeUser(db);
    const room = await db.transaction(async (r) => {
      const created = await r.rooms.create({
        ownerId: owner.id,
        name: 'committed',
        visibility: 'public',
      });
      await r.outbox.append(`room:${created.id}`, 'room.created', { id: created.id });
      return created;
    });
    expect(await db.repos.rooms.findById(room.id)).toMatchObject({ name: 'committed' });
    expect(await db.repos.outbox.since(`room:${room.id}`, 0, 10)).toHaveLength(1);
  });

  it('leaves no rows behind when the callback throws', async () => {
    const { db } = t;
    const owner = await makeUser(db);
    let roomId = '';
    await expect(
      db.transaction(async (r) => {
        const room = await r.rooms.create({
          ownerId: owner.id,
          name: 'rolled back',
          visibility: 'public',
        });
        roomId = room.id;
        await r.sessions.create({
          roomId: room.id,
          title: 'gone too',
          scheduledAt: new Date(),
          settings: {},
        });
        await r.outbox.append(`room:${room.id}`, 'room.created', {});
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(roomId).not.toBe('');
    expect(await db.repos.rooms.findById(roomId)).toBeNull();
    expect(await db.repos.sessions.countInRoom(roomId)).toBe(0);
    expect(await db.repos.outbox.since(`room:${roomId}`, 0, 10)).toEqual([]);
  });

  it('rolls back when a statement inside fails, and reports the typed error', async () => {
    const { db } = t;
    const existing = await makeUser(db);
    const newEmail = `fresh-${Date.now()}@example.test`;
    await expect(
      db.transaction(async (r) => {
        await r.users.create({ email: newEmail, displayName: 'first', role: 'viewer' });
        await r.users.create({ email: existing.email, displayName: 'dup', role: 'viewer' });
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await db.repos.users.findByEmail(newEmail)).toBeNull();
  });

  it('keeps concurrent transactions apart: no partial writes seen, one rollback spares the other', async () => {
    const { db } = t;
    const owner = await makeUser(db);
    const seen: number[] = [];
    let firstWritten!: () => void;
    const written = new Promise<void>((resolve) => (firstWritten = resolve));
    let readerRead!: () => void;
    const read = new Promise<void>((resolve) => (readerRead = resolve));
    const writer = db.transaction(async (r) => {
      await r.rooms.create({ ownerId: owner.id, name: 'a1', visibility: 'private' });
      firstWritten();
      // Postgres runs the reader's transaction beside this one: it reads while a1 is uncommitted.
      // SQLite queues it behind this one, so there is nothing to wait for.
      if (dialect === 'postgres') await read;
      await r.rooms.create({ ownerId: owner.id, name: 'a2', visibility: 'private' });
      throw new Error('writer fails after two writes');
    });
    const reader = (async () => {
      await written;
      return db.transaction(async (r) => {
        seen.push((await r.rooms.listByOwner(owner.id, { page: 1, limit: 10 })).total);
        readerRead();
        await r.rooms.create({ ownerId: owner.id, name: 'b', visibility: 'private' });
      });
    })();
    const [w, rd] = await Promise.allSettled([writer, reader]);
    expect(w.status).toBe('rejected');
    expect(rd.status).toBe('fulfilled');
    expect(seen).toEqual([0]);
    const rooms = await db.repos.rooms.listByOwner(owner.id, { page: 1, limit: 10 });
    expect(rooms.items.map((room) => room.name)).toEqual(['b']);
  });

  it('serves plain reads while a transaction is open without exposing its writes', async () => {
    const { db } = t;
    const room = await makeRoom(db);
    let inside!: () => void;
    const held = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The transaction stays open until the reads that must not wait for it have answered.
    const tx = db.transaction(async (r) => {
      await r.rooms.update(room.id, { name: 'renamed' });
      inside();
      await released;
    });
    await held;
    // A read-only method reads the last commit at once on both dialects (SQLite: on its read
    // connection); any other call on SQLite waits its turn behind the open transaction.
    const during = db.repos.rooms.findById(room.id);
    const listed = db.repos.rooms.listByOwner(room.ownerId, { page: 1, limit: 10 });
    const unqueued = dialect === 'sqlite' ? [during] : [during, listed];
    await Promise.all(unqueued);
    release();
    await tx;
    expect((await during)?.name).toBe(room.name);
    expect((await listed).items[0]?.name).toBe(dialect === 'sqlite' ? 'renamed' : room.name);
    expect((await db.repos.rooms.findById(room.id))?.name).toBe('renamed');
  });

  it('answers ping', async () => {
    await expect(t.db.ping()).resolves.toBeUndefined();
  });
});
