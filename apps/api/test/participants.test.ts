import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { cast, expectError, MISSING_ID } from './session-fixtures.ts';

const api = useTestApp();

const staffOf = async (sessionId: string) =>
  (await api.db.repos.sessionParticipants.list(sessionId))
    .map(({ role, userId }) => `${role}:${userId}`)
    .sort();

describe(`participants: list (${dialect})`, () => {
  it('lists co-hosts and moderators to staff, paginated', async () => {
    const { people, sessionId } = await cast(api);
    const path = `/api/sessions/${sessionId}/participants`;
    const listed = await api.call('GET', path, { token: people.moderator.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(listed.body.data.items).toEqual([
      {
        session_id: sessionId,
        user_id: people.cohost.id,
        display_name: 'Co Host',
        role: 'cohost',
        added_at: expect.any(String),
      },
      {
        session_id: sessionId,
        user_id: people.moderator.id,
        display_name: 'Mod Erator',
        role: 'moderator',
        added_at: expect.any(String),
      },
    ]);
    const second = await api.call('GET', `${path}?limit=1&page=2`, { token: people.owner.token });
    expect(second.body.data.items.map((p: { user_id: string }) => p.user_id)).toEqual([
      people.moderator.id,
    ]);
    expect((await api.call('GET', path, { token: people.admin.token })).status).toBe(200);
    expectError(await api.call('GET', path, { token: people.viewer.token }), 403, 'FORBIDDEN');
    expectError(await api.call('GET', path, { token: people.stage.token }), 403, 'FORBIDDEN');
    expectError(await api.call('GET', path), 401, 'UNAUTHORIZED');
    expectError(await api.call('GET', `${path}?limit=0`, { token: people.owner.token }), 400);
    expectError(
      await api.call('GET', `/api/sessions/${MISSING_ID}/participants`, {
        token: people.owner.token,
      }),
      404,
      'NOT_FOUND',
    );
  });
});

describe(`participants: co-hosts (${dialect})`, () => {
  it('lets the owner add and remove a co-host, who then acts on the host side', async () => {
    const { people, sessionId } = await cast(api);
    const path = `/api/sessions/${sessionId}/cohosts`;
    const added = await api.call('POST', path, {
      token: people.owner.token,
      body: { user_id: people.viewer.id },
    });
    expect(added.status).toBe(200);
    expect(added.body.data).toMatchObject({
      session_id: sessionId,
      user_id: people.viewer.id,
      role: 'cohost',
    });
    const share = `/api/sessions/${sessionId}/share_urls`;
    expect((await api.call('GET', share, { token: people.viewer.token })).status).toBe(200);
    const again = await api.call('POST', path, {
      token: people.owner.token,
      body: { user_id: people.viewer.id },
    });
    expect(again.status).toBe(200);
    expect(await staffOf(sessionId)).toHaveLength(3);

    const promoted = await api.call('POST', path, {
      token: people.owner.token,
      body: { user_id: people.moderator.id },
    });
    expect(promoted.body.data.role).toBe('cohost');

    const removed = await api.call('DELETE', `${path}/${people.viewer.id}`, {
      token: people.owner.token,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.data).toEqual({
      session_id: sessionId,
      user_id: people.viewer.id,
      role: 'cohost',
      removed: true,
    });
    expectError(await api.call('GET', share, { token: people.viewer.token }), 403, 'FORBIDDEN');
    expectError(
      await api.call('DELETE', `${path}/${people.viewer.id}`, { token: people.owner.token }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses everyone but the owner, unknown users, and the owner themself', async () => {
    const { people, sessionId } = await cast(api);
    const path = `/api/sessions/${sessionId}/cohosts`;
    const before = await staffOf(sessionId);
    const body = { user_id: people.viewer.id };
    expectError(await api.call('POST', path, { body }), 401, 'UNAUTHORIZED');
    for (const who of ['cohost', 'admin', 'moderator'] as const) {
      expectError(
        await api.call('POST', path, { token: people[who].token, body }),
        403,
        'FORBIDDEN',
      );
    }
    expectError(
      await api.call('DELETE', `${path}/${people.cohost.id}`, { token: people.cohost.token }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api.call('POST', path, { token: people.owner.token, body: { user_id: MISSING_ID } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api.call('POST', path, {
        token: people.owner.token,
        body: { user_id: people.owner.id },
      }),
      409,
      'CONFLICT',
    );
    for (const bad of [{}, { user_id: 'nope' }, { user_id: people.viewer.id, role: 'cohost' }]) {
      expectError(
        await api.call('POST', path, { token: people.owner.token, body: bad }),
        400,
        'VALIDATION_ERROR',
      );
    }
    expectError(
      await api.call('DELETE', `${path}/not-a-uuid`, { token: people.owner.token }),
      400,
      'VALIDATION_ERROR',
    );
    expectError(
      await api.call('DELETE', `${path}/${people.moderator.id}`, { token: people.owner.token }),
      404,
      'NOT_FOUND',
    );
    expect(await staffOf(sessionId)).toEqual(before);
  });
});

describe(`participants: moderators (${dialect})`, () => {
  it('lets the host side add and remove moderators, who then act as staff', async () => {
    const { people, sessionId } = await cast(api);
    const path = `/api/sessions/${sessionId}/moderators`;
    const monitor = `/api/sessions/${sessionId}/monitor_token`;
    expectError(await api.call('GET', monitor, { token: people.viewer.token }), 403);
    const added = await api.call('POST', path, {
      token: people.cohost.token,
      body: { user_id: people.viewer.id },
    });
    expect(added.status).toBe(200);
    expect(added.body.data).toMatchObject({ user_id: people.viewer.id, role: 'moderator' });
    expect((await api.call('GET', monitor, { token: people.viewer.token })).status).toBe(200);
    const byAdmin = await api.call('POST', path, {
      token: people.admin.token,
      body: { user_id: people.stage.id },
    });
    expect(byAdmin.status).toBe(200);
    const removed = await api.call('DELETE', `${path}/${people.viewer.id}`, {
      token: people.owner.token,
    });
    expect(removed.body.data).toMatchObject({ role: 'moderator', removed: true });
    expect(await api.db.repos.sessionParticipants.roleOf(sessionId, people.viewer.id)).toBeNull();
  });

  it('refuses moderators and viewers, the owner, demoting a co-host, and non-moderators', async () => {
    const { people, sessionId } = await cast(api);
    const path = `/api/sessions/${sessionId}/moderators`;
    const before = await staffOf(sessionId);
    const body = { user_id: people.viewer.id };
    expectError(await api.call('POST', path, { body }), 401, 'UNAUTHORIZED');
    expectError(
      await api.call('POST', path, { token: people.moderator.token, body }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api.call('DELETE', `${path}/${people.moderator.id}`, { token: people.viewer.token }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api.call('POST', path, {
        token: people.owner.token,
        body: { user_id: people.owner.id },
      }),
      409,
      'CONFLICT',
    );
    expectError(
      await api.call('POST', path, {
        token: people.owner.token,
        body: { user_id: people.cohost.id },
      }),
      409,
      'CONFLICT',
    );
    expectError(
      await api.call('POST', path, { token: people.owner.token, body: { user_id: MISSING_ID } }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api.call('DELETE', `${path}/${people.cohost.id}`, { token: people.owner.token }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api.call('POST', path, { token: people.owner.token, body: { user_id: 42 } }),
      400,
      'VALIDATION_ERROR',
    );
    expect(await staffOf(sessionId)).toEqual(before);
  });
});
