import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import {
  cast,
  eventNames,
  events,
  expectError,
  MISSING_ID,
  ok,
  type Account,
  type Cast,
} from './engagement-fixtures.ts';

const api = useTestApp();

const at = (c: Cast, rest: string) => `/api/sessions/${c.sessionId}${rest}`;
const raiseHand = (c: Cast, who: Account, body?: unknown) =>
  api.call('POST', at(c, '/hand'), { token: who.token, body });
const approveHand = (c: Cast, by: Account, userId: string) =>
  api.call('POST', at(c, `/hands/${userId}/approve`), { token: by.token });
const stageToken = (c: Cast, who: Account) =>
  api.call('POST', at(c, '/stage/token'), { token: who.token });
const stageUserIds = async (c: Cast) =>
  ok(await api.call('GET', at(c, '/stage'), { token: c.viewer.token })).items.map(
    (p: { user_id: string }) => p.user_id,
  );

/** The LiveKit grant inside a media token. */
const grantOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).video;

describe(`hand raises (${dialect})`, () => {
  it('queues attendees first in, first out, one pending hand each', async () => {
    const c = await cast(api);
    const second = await api.account('viewer', 'Second');
    const first = ok(await raiseHand(c, c.viewer, { message: '  a question  ' }));
    expect(first).toMatchObject({
      session_id: c.sessionId,
      user_id: c.viewer.id,
      display_name: 'Viewer',
      message: 'a question',
      status: 'pending',
      position: 1,
    });
    expect(ok(await raiseHand(c, second)).position).toBe(2);
    expectError(await raiseHand(c, c.viewer), 409, 'CONFLICT');
    const mine = ok(await api.call('GET', at(c, '/hand'), { token: second.token }));
    expect(mine.hand).toMatchObject({ status: 'pending', position: 2 });
    const staffEvents = await events(api, 'staff', c.sessionId);
    expect(staffEvents.map((e) => e.event)).toEqual(['hand.raised', 'hand.raised']);
    expect(staffEvents[1]!.payload).toMatchObject({ user_id: second.id, position: 2 });
  });

  it('lowers a hand; the queue moves up', async () => {
    const c = await cast(api);
    const second = await api.account('viewer');
    ok(await raiseHand(c, c.viewer));
    ok(await raiseHand(c, second));
    const lowered = ok(await api.call('DELETE', at(c, '/hand'), { token: c.viewer.token }));
    expect(lowered).toMatchObject({ status: 'withdrawn', user_id: c.viewer.id });
    expect(lowered.position).toBeUndefined();
    expectError(
      await api.call('DELETE', at(c, '/hand'), { token: c.viewer.token }),
      404,
      'NOT_FOUND',
    );
    expect(ok(await api.call('GET', at(c, '/hand'), { token: second.token })).hand.position).toBe(
      1,
    );
    expect(ok(await api.call('GET', at(c, '/hand'), { token: c.cohost.token })).hand).toBeNull();
    expect((await eventNames(api, 'staff', c.sessionId)).at(-1)).toBe('hand.lowered');
  });

  it('refuses hands while hand raising is off, from banned users, and bad input', async () => {
    const off = await cast(api, { settings: { hand_raise_enabled: false } });
    expectError(await raiseHand(off, off.viewer), 403, 'HAND_RAISE_DISABLED');
    const c = await cast(api);
    expectError(
      await raiseHand(c, c.viewer, { message: 'x'.repeat(201) }),
      400,
      'VALIDATION_ERROR',
    );
    expectError(await raiseHand(c, c.viewer, { urgent: true }), 400, 'VALIDATION_ERROR');
    expectError(await api.call('POST', at(c, '/hand')), 401, 'UNAUTHORIZED');
    await api.db.repos.bans.create({
      roomId: c.roomId,
      sessionId: c.sessionId,
      userId: c.viewer.id,
      scope: 'session',
    });
    expectError(await raiseHand(c, c.viewer), 403, 'BANNED');
    expect(await eventNames(api, 'staff', c.sessionId)).toEqual([]);
    expect(await eventNames(api, 'staff', off.sessionId)).toEqual([]);
  });

  it('lists pending hands for staff only, in queue order with positions', async () => {
    const c = await cast(api);
    const others = [await api.account('viewer'), await api.account('viewer')];
    for (const who of [c.viewer, ...others]) ok(await raiseHand(c, who));
    const page = ok(
      await api.call('GET', at(c, '/hands?page=2&limit=2'), { token: c.moderator.token }),
    );
    expect(page).toMatchObject({ total: 3, page: 2, limit: 2 });
    expect(page.items).toEqual([
      expect.objectContaining({ user_id: others[1]!.id, position: 3, status: 'pending' }),
    ]);
    expectError(
      await api.call('GET', at(c, '/hands'), { token: c.viewer.token }),
      403,
      'FORBIDDEN',
    );
  });

  it('approving a hand (host side) puts the user on stage with default permissions', async () => {
    const c = await cast(api);
    ok(await raiseHand(c, c.viewer));
    expectError(await approveHand(c, c.moderator, c.viewer.id), 403, 'FORBIDDEN');
    const approved = ok(await approveHand(c, c.cohost, c.viewer.id));
    expect(approved).toMatchObject({ status: 'approved', resolved_by: c.cohost.id });
    const stage = ok(await api.call('GET', at(c, '/stage'), { token: c.viewer.token }));
    expect(stage).toEqual({
      max_stage_size: 6,
      ice_servers: [],
      media_backend: 'local',
      items: [
        expect.objectContaining({
          user_id: c.viewer.id,
          display_name: 'Viewer',
          role: 'participant',
          source: 'hand_raise',
          added_by: c.cohost.id,
          permissions: {
            can_publish_audio: true,
            can_publish_video: true,
            can_publish_screen: false,
          },
        }),
      ],
    });
    expect(await eventNames(api, 'user', c.viewer.id)).toEqual(['hand.approved']);
    expect(await eventNames(api, 'session', c.sessionId)).toEqual(['stage.participant_added']);
    expectError(await approveHand(c, c.owner, c.viewer.id), 409, 'CONFLICT');
    expectError(await approveHand(c, c.owner, c.moderator.id), 404, 'NOT_FOUND');
    for (const hostSide of [c.owner, c.admin]) {
      const guest = await api.account('viewer');
      ok(await raiseHand(c, guest));
      ok(await approveHand(c, hostSide, guest.id));
    }
    expect(await stageUserIds(c)).toHaveLength(3);
  });

  it('rejecting a hand (staff) tells the requester and seats no one', async () => {
    const c = await cast(api);
    ok(await raiseHand(c, c.viewer));
    const reject = (by: Account) =>
      api.call('POST', at(c, `/hands/${c.viewer.id}/reject`), { token: by.token });
    expectError(await reject(c.viewer), 403, 'FORBIDDEN');
    expect(ok(await reject(c.moderator))).toMatchObject({
      status: 'rejected',
      resolved_by: c.moderator.id,
    });
    expectError(await reject(c.owner), 409, 'CONFLICT');
    expect(await eventNames(api, 'user', c.viewer.id)).toEqual(['hand.rejected']);
    expect(await stageUserIds(c)).toEqual([]);
  });
});

describe(`join requests (${dialect})`, () => {
  const request = (c: Cast, who: Account, body?: unknown) =>
    api.call('POST', at(c, '/join_requests'), { token: who.token, body });

  it('queues a request, shows it to its author and to staff, one pending each', async () => {
    const c = await cast(api);
    const created = ok(await request(c, c.viewer, { message: 'can I join?' }));
    expect(created).toMatchObject({
      user_id: c.viewer.id,
      status: 'pending',
      message: 'can I join?',
    });
    expectError(await request(c, c.viewer), 409, 'CONFLICT');
    const mine = ok(await api.call('GET', at(c, '/join_requests/me'), { token: c.viewer.token }));
    expect(mine.request).toMatchObject({ id: created.id, status: 'pending' });
    const other = ok(await api.call('GET', at(c, '/join_requests/me'), { token: c.owner.token }));
    expect(other.request).toBeNull();
    const pending = ok(
      await api.call('GET', at(c, '/join_requests'), { token: c.moderator.token }),
    );
    expect(pending.items.map((r: { id: string }) => r.id)).toEqual([created.id]);
    expectError(
      await api.call('GET', at(c, '/join_requests'), { token: c.viewer.token }),
      403,
      'FORBIDDEN',
    );
    expect(await eventNames(api, 'staff', c.sessionId)).toEqual(['join_request.created']);
  });

  it('approval (host side) seats the requester; rejection (staff) does not', async () => {
    const c = await cast(api);
    const other = await api.account('viewer');
    const first = ok(await request(c, c.viewer));
    const second = ok(await request(c, other));
    const path = (id: string, action: string) => at(c, `/join_requests/${id}/${action}`);
    expectError(
      await api.call('POST', path(first.id, 'approve'), { token: c.moderator.token }),
      403,
      'FORBIDDEN',
    );
    const approved = ok(
      await api.call('POST', path(first.id, 'approve'), { token: c.owner.token }),
    );
    expect(approved).toMatchObject({ status: 'approved', resolved_by: c.owner.id });
    const rejected = ok(
      await api.call('POST', path(second.id, 'reject'), { token: c.moderator.token }),
    );
    expect(rejected.status).toBe('rejected');
    expectError(
      await api.call('POST', path(second.id, 'approve'), { token: c.owner.token }),
      409,
      'CONFLICT',
    );
    const stage = ok(await api.call('GET', at(c, '/stage'), { token: c.viewer.token }));
    expect(stage.items).toEqual([
      expect.objectContaining({ user_id: c.viewer.id, source: 'join_request' }),
    ]);
    expect(await eventNames(api, 'user', c.viewer.id)).toEqual(['join_request.approved']);
    expect(await eventNames(api, 'user', other.id)).toEqual(['join_request.rejected']);
    expectError(
      await api.call('POST', path(MISSING_ID, 'approve'), { token: c.owner.token }),
      404,
      'NOT_FOUND',
    );
    const elsewhere = await cast(api);
    expectError(
      await api.call('POST', at(elsewhere, `/join_requests/${first.id}/reject`), {
        token: elsewhere.owner.token,
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('is refused while join requests are off, and on bad input', async () => {
    const off = await cast(api, { settings: { join_requests_enabled: false } });
    expectError(await request(off, off.viewer), 403, 'JOIN_REQUESTS_DISABLED');
    const c = await cast(api);
    expectError(await request(c, c.viewer, { message: '' }), 400, 'VALIDATION_ERROR');
    expectError(await request(c, c.viewer, { note: 'x' }), 400, 'VALIDATION_ERROR');
    expect(
      ok(await api.call('GET', at(c, '/join_requests/me'), { token: c.viewer.token })).request,
    ).toBeNull();
  });
});

describe(`stage management (${dialect})`, () => {
  const add = (c: Cast, by: Account, body: unknown) =>
    api.call('POST', at(c, '/stage'), { token: by.token, body });

  it('adds a user directly (host side), with the given permissions over the defaults', async () => {
    const c = await cast(api);
    const added = ok(
      await add(c, c.owner, { user_id: c.viewer.id, permissions: { can_publish_screen: true } }),
    );
    expect(added).toMatchObject({
      user_id: c.viewer.id,
      source: 'direct',
      added_by: c.owner.id,
      permissions: { can_publish_audio: true, can_publish_video: true, can_publish_screen: true },
    });
    expectError(await add(c, c.owner, { user_id: c.viewer.id }), 409, 'CONFLICT');
    expectError(await add(c, c.moderator, { user_id: c.moderator.id }), 403, 'FORBIDDEN');
    expectError(await add(c, c.owner, { user_id: MISSING_ID }), 404, 'NOT_FOUND');
    expectError(await add(c, c.owner, { user_id: 'x' }), 400, 'VALIDATION_ERROR');
    expectError(
      await add(c, c.owner, { user_id: c.moderator.id, permissions: { can_sing: true } }),
      400,
      'VALIDATION_ERROR',
    );
    expect(await stageUserIds(c)).toEqual([c.viewer.id]);
  });

  it('refuses seats past max_stage_size with STAGE_FULL', async () => {
    const c = await cast(api, { settings: { max_stage_size: 2 } });
    const guests = await Promise.all([1, 2, 3].map(() => api.account('viewer')));
    ok(await add(c, c.owner, { user_id: guests[0]!.id }));
    ok(await raiseHand(c, guests[1]!));
    ok(await raiseHand(c, guests[2]!));
    ok(await approveHand(c, c.owner, guests[1]!.id));
    expectError(await approveHand(c, c.owner, guests[2]!.id), 409, 'STAGE_FULL');
    expect(ok(await api.call('GET', at(c, '/hand'), { token: guests[2]!.token })).hand.status).toBe(
      'pending',
    );
    expectError(await add(c, c.cohost, { user_id: c.viewer.id }), 409, 'STAGE_FULL');
    expect(await stageUserIds(c)).toHaveLength(2);
  });

  it('updates permissions, which the stage token follows', async () => {
    const c = await cast(api);
    ok(await add(c, c.owner, { user_id: c.viewer.id }));
    const grant = grantOf(ok(await stageToken(c, c.viewer)).token);
    expect(grant).toMatchObject({ room: c.sessionId, roomJoin: true, canPublish: true });
    expect([...grant.canPublishSources].sort()).toEqual(['camera', 'microphone']);
    const patch = (by: Account, body: unknown, userId = c.viewer.id) =>
      api.call('PATCH', at(c, `/stage/${userId}`), { token: by.token, body });
    expectError(await patch(c.moderator, { can_publish_screen: true }), 403, 'FORBIDDEN');
    expectError(await patch(c.owner, { can_publish_screen: 'yes' }), 400, 'VALIDATION_ERROR');
    expectError(await patch(c.owner, { can_publish_audio: true }, c.cohost.id), 404, 'NOT_FOUND');
    const updated = ok(
      await patch(c.cohost, { can_publish_audio: false, can_publish_screen: true }),
    );
    expect(updated.permissions).toEqual({
      can_publish_audio: false,
      can_publish_video: true,
      can_publish_screen: true,
    });
    const token = ok(await stageToken(c, c.viewer));
    expect(token.permissions).toEqual(updated.permissions);
    expect([...grantOf(token.token).canPublishSources].sort()).toEqual([
      'camera',
      'screen_share',
      'screen_share_audio',
    ]);
    ok(await patch(c.owner, { can_publish_video: false, can_publish_screen: false }));
    expect(grantOf(ok(await stageToken(c, c.viewer)).token).canPublish).toBe(false);
    expect(await eventNames(api, 'session', c.sessionId)).toEqual([
      'stage.participant_added',
      'stage.permissions_updated',
      'stage.permissions_updated',
    ]);
  });

  it('removing a participant revokes their stage token', async () => {
    const c = await cast(api);
    expectError(await stageToken(c, c.viewer), 403, 'FORBIDDEN');
    ok(await add(c, c.owner, { user_id: c.viewer.id }));
    const token = ok(await stageToken(c, c.viewer));
    expect(token).toMatchObject({ room: c.sessionId, ws_url: expect.stringMatching(/^ws/) });
    const remove = (by: Account) =>
      api.call('DELETE', at(c, `/stage/${c.viewer.id}?reason=off%20topic`), { token: by.token });
    expectError(await remove(c.moderator), 403, 'FORBIDDEN');
    expect(ok(await remove(c.cohost))).toEqual({
      session_id: c.sessionId,
      user_id: c.viewer.id,
      removed: true,
    });
    expectError(await remove(c.owner), 404, 'NOT_FOUND');
    expectError(await stageToken(c, c.viewer), 403, 'FORBIDDEN');
    expect((await events(api, 'session', c.sessionId)).at(-1)).toMatchObject({
      event: 'stage.participant_removed',
      payload: { user_id: c.viewer.id, reason: 'off topic' },
    });
    expect(await stageUserIds(c)).toEqual([]);
  });

  it('lets a participant leave the stage', async () => {
    const c = await cast(api);
    ok(await add(c, c.owner, { user_id: c.viewer.id }));
    const leave = () => api.call('POST', at(c, '/stage/leave'), { token: c.viewer.token });
    expect(ok(await leave())).toMatchObject({ user_id: c.viewer.id, removed: true });
    expectError(await leave(), 403, 'FORBIDDEN');
    expectError(await api.call('POST', at(c, '/stage/leave')), 401, 'UNAUTHORIZED');
    expect(await stageUserIds(c)).toEqual([]);
    expect((await eventNames(api, 'session', c.sessionId)).at(-1)).toBe(
      'stage.participant_removed',
    );
  });

  it('shows the stage to attendees, not to anonymous callers', async () => {
    const c = await cast(api, { settings: { max_stage_size: 4 } });
    expect(ok(await api.call('GET', at(c, '/stage'), { token: c.viewer.token }))).toEqual({
      items: [],
      max_stage_size: 4,
      ice_servers: [],
      media_backend: 'local',
    });
    expectError(await api.call('GET', at(c, '/stage')), 401, 'UNAUTHORIZED');
    expectError(
      await api.call('GET', `/api/sessions/${MISSING_ID}/stage`, { token: c.viewer.token }),
      404,
      'NOT_FOUND',
    );
  });
});

describe(`stage races (${dialect})`, () => {
  it('two concurrent approvals of one hand raise make one stage participant', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await cast(api);
      ok(await raiseHand(c, c.viewer));
      const replies = await Promise.all([
        approveHand(c, c.owner, c.viewer.id),
        approveHand(c, c.cohost, c.viewer.id),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await stageUserIds(c)).toEqual([c.viewer.id]);
      expect(await eventNames(api, 'session', c.sessionId)).toEqual(['stage.participant_added']);
    }
  });

  it('concurrent approvals never seat more than max_stage_size', async () => {
    const c = await cast(api, { settings: { max_stage_size: 3 } });
    const guests = await Promise.all(Array.from({ length: 8 }, () => api.account('viewer')));
    for (const guest of guests) ok(await raiseHand(c, guest));
    const replies = await Promise.all(
      guests.map((guest, i) => approveHand(c, i % 2 ? c.owner : c.cohost, guest.id)),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(3);
    for (const reply of replies.filter((r) => r.status !== 200))
      expectError(reply, 409, 'STAGE_FULL');
    expect(await stageUserIds(c)).toHaveLength(3);
    const pending = ok(await api.call('GET', at(c, '/hands'), { token: c.owner.token }));
    expect(pending.total).toBe(5);
  });
});
