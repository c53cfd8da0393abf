import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import {
  cast,
  eventNames,
  events,
  expectError,
  makeSession,
  MISSING_ID,
  ok,
  type Account,
  type Cast,
} from './engagement-fixtures.ts';

const api = useTestApp();

const bansPath = (sessionId: string) => `/api/sessions/${sessionId}/bans`;
const ban = (c: Cast, by: Account, body: unknown) =>
  api.call('POST', bansPath(c.sessionId), { token: by.token, body });
const banStatus = async (sessionId: string, who: Account) =>
  ok(await api.call('GET', `${bansPath(sessionId)}/me`, { token: who.token }));
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe(`ban a participant (${dialect})`, () => {
  it('lets staff ban, with reason and expiry, and records the event for staff', async () => {
    const c = await cast(api);
    const expiresAt = inAnHour();
    const banned = ok(
      await ban(c, c.moderator, { user_id: c.viewer.id, reason: ' spam ', expires_at: expiresAt }),
    );
    expect(banned).toMatchObject({
      session_id: c.sessionId,
      room_id: c.roomId,
      user_id: c.viewer.id,
      display_name: 'Viewer',
      scope: 'session',
      reason: 'spam',
      banned_by: c.moderator.id,
      expires_at: expiresAt,
    });
    expect(await banStatus(c.sessionId, c.viewer)).toEqual({
      banned: true,
      scope: 'session',
      reason: 'spam',
      expires_at: expiresAt,
    });
    expect(await banStatus(c.sessionId, c.cohost)).toEqual({ banned: false });
    const recorded = await events(api, 'staff', c.sessionId);
    expect(recorded.map((e) => e.event)).toEqual(['moderation.banned']);
    expect(recorded[0]!.payload).toMatchObject({ user_id: c.viewer.id, scope: 'session' });
    for (const staff of [c.cohost, c.owner, c.admin]) {
      const target = await api.account('viewer');
      ok(await ban(c, staff, { user_id: target.id, scope: 'room' }));
    }
  });

  it('refuses viewers and anonymous callers, and never bans the host side', async () => {
    const c = await cast(api);
    const target = await api.account('viewer');
    expectError(await ban(c, c.viewer, { user_id: target.id }), 403, 'FORBIDDEN');
    expectError(
      await api.call('POST', bansPath(c.sessionId), { body: { user_id: target.id } }),
      401,
      'UNAUTHORIZED',
    );
    for (const hostSide of [c.owner, c.cohost, c.admin]) {
      expectError(await ban(c, c.moderator, { user_id: hostSide.id }), 422, 'BUSINESS_RULE');
    }
    expect(await eventNames(api, 'staff', c.sessionId)).toEqual([]);
    expect(await banStatus(c.sessionId, target)).toEqual({ banned: false });
  });

  it('answers bad input with 400 or 404 and writes nothing', async () => {
    const c = await cast(api);
    const userId = c.viewer.id;
    for (const body of [
      {},
      { user_id: 'nope' },
      { user_id: userId, scope: 'planet' },
      { user_id: userId, reason: '' },
      { user_id: userId, expires_at: 'tomorrow' },
      { user_id: userId, expires_at: new Date(Date.now() - 60_000).toISOString() },
      { user_id: userId, forever: true },
    ]) {
      expectError(await ban(c, c.owner, body), 400, 'VALIDATION_ERROR');
    }
    expectError(await ban(c, c.owner, { user_id: MISSING_ID }), 404, 'NOT_FOUND');
    expect(await banStatus(c.sessionId, c.viewer)).toEqual({ banned: false });
    expect(await eventNames(api, 'staff', c.sessionId)).toEqual([]);
  });

  it('is ALREADY_EXISTS while a ban holds, except a room ban over a session ban', async () => {
    const c = await cast(api);
    ok(await ban(c, c.owner, { user_id: c.viewer.id }));
    expectError(await ban(c, c.owner, { user_id: c.viewer.id }), 409, 'ALREADY_EXISTS');
    ok(await ban(c, c.owner, { user_id: c.viewer.id, scope: 'room' }));
    expectError(
      await ban(c, c.owner, { user_id: c.viewer.id, scope: 'room' }),
      409,
      'ALREADY_EXISTS',
    );
  });

  it('takes the user off the stage and out of the queues, and refuses what bans forbid', async () => {
    const c = await cast(api);
    const path = (rest: string) => `/api/sessions/${c.sessionId}${rest}`;
    const token = c.viewer.token;
    const poll = ok(
      await api.call('POST', path('/polls'), {
        token: c.owner.token,
        body: { question: 'Q', options: ['a', 'b'] },
      }),
    );
    ok(await api.call('POST', path('/hand'), { token }));
    ok(await api.call('POST', path('/join_requests'), { token }));
    ok(
      await api.call('POST', path('/stage'), {
        token: c.owner.token,
        body: { user_id: c.viewer.id },
      }),
    );
    ok(await ban(c, c.moderator, { user_id: c.viewer.id, reason: 'rude' }));

    const stage = ok(await api.call('GET', path('/stage'), { token: c.owner.token }));
    expect(stage.items).toEqual([]);
    const hands = ok(await api.call('GET', path('/hands'), { token: c.owner.token }));
    expect(hands.total).toBe(0);
    const requests = ok(await api.call('GET', path('/join_requests'), { token: c.owner.token }));
    expect(requests.total).toBe(0);
    expect((await api.db.repos.handRaises.latest(c.sessionId, c.viewer.id))?.status).toBe(
      'withdrawn',
    );
    expect((await api.db.repos.joinRequests.latest(c.sessionId, c.viewer.id))?.status).toBe(
      'withdrawn',
    );

    expectError(await api.call('POST', path('/stage/token'), { token }), 403, 'BANNED');
    expectError(
      await api.call('POST', path('/chat'), { token, body: { text: 'hi' } }),
      403,
      'BANNED',
    );
    expectError(
      await api.call('POST', `/api/polls/${poll.id}/vote`, {
        token,
        body: { option_ids: [poll.options[0].id] },
      }),
      403,
      'BANNED',
    );
    expectError(await api.call('POST', path('/hand'), { token }), 403, 'BANNED');
    expectError(await api.call('POST', path('/join_requests'), { token }), 403, 'BANNED');
    expectError(
      await api.call('POST', path('/stage'), {
        token: c.owner.token,
        body: { user_id: c.viewer.id },
      }),
      403,
      'BANNED',
    );

    expect(await eventNames(api, 'session', c.sessionId)).toContain('stage.participant_removed');
    const removed = (await events(api, 'session', c.sessionId)).find(
      (e) => e.event === 'stage.participant_removed',
    );
    expect(removed?.payload).toEqual({
      session_id: c.sessionId,
      user_id: c.viewer.id,
      reason: 'banned',
    });
    expect(await eventNames(api, 'staff', c.sessionId)).toEqual([
      'hand.raised',
      'join_request.created',
      'hand.lowered',
      'moderation.banned',
    ]);
  });

  it('covers the other sessions of the room only with room scope', async () => {
    const c = await cast(api);
    const sibling = await makeSession(api, c.owner.id, { roomId: c.roomId });
    const other = await api.account('viewer');
    ok(await ban(c, c.owner, { user_id: c.viewer.id, scope: 'session' }));
    ok(await ban(c, c.owner, { user_id: other.id, scope: 'room' }));
    expect((await banStatus(sibling.sessionId, c.viewer)).banned).toBe(false);
    expect(await banStatus(sibling.sessionId, other)).toMatchObject({
      banned: true,
      scope: 'room',
    });
    const chat = (who: Account) =>
      api.call('POST', `/api/sessions/${sibling.sessionId}/chat`, {
        token: who.token,
        body: { text: 'hi' },
      });
    ok(await chat(c.viewer));
    expectError(await chat(other), 403, 'BANNED');
  });

  it('a room ban clears the user from the stage and queues of every session of the room', async () => {
    const c = await cast(api);
    const [staged, queued] = [
      await makeSession(api, c.owner.id, { roomId: c.roomId }),
      await makeSession(api, c.owner.id, { roomId: c.roomId }),
    ];
    const path = (sessionId: string, rest: string) => `/api/sessions/${sessionId}${rest}`;
    ok(
      await api.call('POST', path(staged.sessionId, '/stage'), {
        token: c.owner.token,
        body: { user_id: c.viewer.id },
      }),
    );
    ok(await api.call('POST', path(queued.sessionId, '/join_requests'), { token: c.viewer.token }));
    ok(await ban(c, c.moderator, { user_id: c.viewer.id, scope: 'room' }));
    const stage = ok(
      await api.call('GET', path(staged.sessionId, '/stage'), { token: c.owner.token }),
    );
    expect(stage.items).toEqual([]);
    expect((await api.db.repos.joinRequests.latest(queued.sessionId, c.viewer.id))?.status).toBe(
      'withdrawn',
    );
    expect(await eventNames(api, 'session', staged.sessionId)).toEqual([
      'stage.participant_added',
      'stage.participant_removed',
    ]);
  });

  it('ends when the ban expires', async () => {
    const c = await cast(api);
    const expiresAt = new Date(Date.now() + 1000);
    await api.db.repos.bans.create({
      roomId: c.roomId,
      sessionId: c.sessionId,
      userId: c.viewer.id,
      scope: 'session',
      expiresAt,
    });
    expect((await banStatus(c.sessionId, c.viewer)).banned).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() + 50 - Date.now()));
    expect(await banStatus(c.sessionId, c.viewer)).toEqual({ banned: false });
    ok(
      await api.call('POST', `/api/sessions/${c.sessionId}/chat`, {
        token: c.viewer.token,
        body: { text: 'back' },
      }),
    );
  });
});

describe(`unban and list bans (${dialect})`, () => {
  it('lets staff unban; the user may chat again', async () => {
    const c = await cast(api);
    ok(await ban(c, c.owner, { user_id: c.viewer.id, scope: 'room' }));
    const unban = (by: Account) =>
      api.call('DELETE', `${bansPath(c.sessionId)}/${c.viewer.id}`, { token: by.token });
    expectError(await unban(c.viewer), 403, 'FORBIDDEN');
    expect(ok(await unban(c.moderator))).toEqual({
      session_id: c.sessionId,
      user_id: c.viewer.id,
      unbanned: true,
    });
    expectError(await unban(c.moderator), 404, 'NOT_FOUND');
    expect(await banStatus(c.sessionId, c.viewer)).toEqual({ banned: false });
    ok(
      await api.call('POST', `/api/sessions/${c.sessionId}/chat`, {
        token: c.viewer.token,
        body: { text: 'thanks' },
      }),
    );
    expect((await eventNames(api, 'staff', c.sessionId)).at(-1)).toBe('moderation.unbanned');
  });

  it('lists the bans in force to staff, newest first, a page at a time', async () => {
    const c = await cast(api);
    const targets = await Promise.all([1, 2, 3].map(() => api.account('viewer')));
    for (const target of targets) ok(await ban(c, c.owner, { user_id: target.id }));
    ok(
      await api.call('DELETE', `${bansPath(c.sessionId)}/${targets[0]!.id}`, {
        token: c.owner.token,
      }),
    );
    const page = ok(
      await api.call('GET', `${bansPath(c.sessionId)}?limit=1`, { token: c.moderator.token }),
    );
    expect(page).toMatchObject({ total: 2, page: 1, limit: 1 });
    expect(page.items.map((b: { user_id: string }) => b.user_id)).toEqual([targets[2]!.id]);
    expectError(
      await api.call('GET', bansPath(c.sessionId), { token: c.viewer.token }),
      403,
      'FORBIDDEN',
    );
    expectError(await api.call('GET', `${bansPath(c.sessionId)}/me`), 401, 'UNAUTHORIZED');
    expectError(
      await api.call('GET', `${bansPath(MISSING_ID)}/me`, { token: c.viewer.token }),
      404,
      'NOT_FOUND',
    );
  });
});
