// Races the services above rely on: each is decided by the database, on both dialects.
import { describe, expect, it } from 'vitest';
import { dialect, useTestDatabase } from './harness.ts';
import { makeSession, makeUser, many } from './fixtures.ts';

const t = useTestDatabase();
const inAMinute = () => new Date(Date.now() + 60_000);

describe(`races (${dialect})`, () => {
  it('an auth code is redeemed once: of ten concurrent redeems exactly one wins', async () => {
    const { db } = t;
    const user = await makeUser(db);
    await db.repos.authCodes.create({
      codeHash: 'code-1',
      userId: user.id,
      purpose: 'studio',
      expiresAt: inAMinute(),
    });
    const results = await many(10, () => db.repos.authCodes.redeem('code-1'));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.repos.authCodes.redeem('code-1')).toBeNull();
  });

  it('an expired auth code is never redeemed', async () => {
    const { db } = t;
    const user = await makeUser(db);
    await db.repos.authCodes.create({
      codeHash: 'code-old',
      userId: user.id,
      purpose: 'handoff',
      expiresAt: new Date(Date.now() - 1),
    });
    expect(await db.repos.authCodes.redeem('code-old')).toBeNull();
    expect(await db.repos.authCodes.purge(new Date())).toBeGreaterThanOrEqual(1);
  });

  it('a refresh token rotates once: concurrent rotations yield one successor', async () => {
    const { db } = t;
    const user = await makeUser(db);
    const { token } = await db.repos.refreshTokens.startFamily(user.id, 'rt-0', inAMinute());
    const results = await many(5, (i) =>
      db.repos.refreshTokens.rotate(token.id, { tokenHash: `rt-1-${i}`, expiresAt: inAMinute() }),
    );
    const winners = results.filter(Boolean);
    expect(winners).toHaveLength(1);
    const found = await db.repos.refreshTokens.findByHash(winners[0]!.tokenHash);
    expect(found?.family.id).toBe(token.familyId);
    expect((await db.repos.refreshTokens.findByHash('rt-0'))?.token.usedAt).toBeInstanceOf(Date);
    expect(await db.repos.refreshTokens.revokeFamily(token.familyId, 'reuse')).toBe(true);
    expect(await db.repos.refreshTokens.revokeFamily(token.familyId, 'reuse')).toBe(false);
    expect((await db.repos.refreshTokens.findByHash('rt-0'))?.family.revokedReason).toBe('reuse');
  });

  it('a session transition is compare-and-set: two racing starts, one winner', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const results = await many(2, () =>
      db.repos.sessions.transition(session.id, ['scheduled'], 'backstage', {
        startedAt: new Date(),
      }),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await db.repos.sessions.findById(session.id))?.status).toBe('backstage');
  });

  it('two concurrent approvals of one hand raise resolve it once', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const [host, viewer] = await many(2, () => makeUser(db));
    await db.repos.handRaises.enqueue(session.id, viewer!.id);
    const results = await many(2, () =>
      db.repos.handRaises.resolve(session.id, viewer!.id, 'approved', host!.id),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('50 users voting at once are 50 ballots', async () => {
    const { db } = t;
    const session = await makeSession(db);
    const host = await makeUser(db);
    const voters = await many(50, () => makeUser(db, 'viewer'));
    const poll = await db.repos.polls.create({
      sessionId: session.id,
      question: 'Best?',
      multipleChoice: true,
      createdBy: host.id,
      options: ['x', 'y'],
    });
    await Promise.all(
      voters.map((v, i) =>
        db.repos.polls.vote(
          poll.id,
          v.id,
          i % 2 ? [poll.options[0]!.id] : poll.options.map((o) => o.id),
        ),
      ),
    );
    const results = await db.repos.polls.results(poll.id);
    expect(results.totalBallots).toBe(50);
    expect(results.options.map((o) => o.votes)).toEqual([50, 25]);
  });

  it('outbox sequence numbers per stream are gap-free and unique under concurrent commits', async () => {
    const { db } = t;
    const stream = `session:${(await makeSession(db)).id}`;
    await many(20, (i) =>
      db.transaction((r) => r.outbox.append(stream, 'chat.message_created', { i })),
    );
    await db.repos.outbox.append('session:other', 'x', {});
    const events = await db.repos.outbox.since(stream, 0, 100);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await db.repos.outbox.since(stream, 18, 100)).toHaveLength(2);
  });
});

describe(`outbox relay claims (${dialect})`, () => {
  it('hands each undelivered event to exactly one of several concurrent claimers, in id order', async () => {
    const { db } = t;
    await db.repos.outbox.claim(10_000); // earlier tests' events
    await many(30, (i) =>
      db.transaction((r) => r.outbox.append('session:claims', 'chat.message_created', { i })),
    );
    const claims = await many(4, () => db.repos.outbox.claim(10));
    const ids = claims.flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rest = await db.repos.outbox.claim(100);
    expect(ids.length + rest.length).toBe(30);
    for (const claim of [...claims, rest])
      expect(claim.map((e) => e.id)).toEqual([...claim.map((e) => e.id)].sort((a, b) => a - b));
    expect(await db.repos.outbox.lastSeq('session:claims')).toBe(30);
    expect(await db.repos.outbox.lastSeq('session:none')).toBe(0);
  });
});
