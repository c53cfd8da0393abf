import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { makeLibrary, MISSING_ID } from './library-fixtures.ts';

const api = useTestApp();

const librariesOf = async (userId: string) =>
  (await api.db.repos.libraries.listForUser(userId)).map((library) => library.id);

const membersOf = async (libraryId: string) =>
  Object.fromEntries(
    (await api.db.repos.libraries.members(libraryId)).map((member) => [member.userId, member.role]),
  );

describe(`libraries (${dialect})`, () => {
  it('makes the creator the owner of a new library', async () => {
    const host = await api.account('host');
    const res = await api.call('POST', '/api/libraries', {
      token: host.token,
      body: { name: ' Team  ' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      name: 'Team',
      owner_id: host.id,
      role: 'owner',
      member_count: 1,
    });
    expect(await membersOf(res.body.data.id)).toEqual({ [host.id]: 'owner' });
    const admin = await api.account('admin');
    const byAdmin = await api.call('POST', '/api/libraries', {
      token: admin.token,
      body: { name: 'Ops' },
    });
    expect(byAdmin.status).toBe(200);
  });

  it('refuses viewers, anonymous callers and bad input, writing nothing', async () => {
    const [viewer, host] = [await api.account('viewer'), await api.account('host')];
    const forbidden = await api.call('POST', '/api/libraries', {
      token: viewer.token,
      body: { name: 'Mine' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.code).toBe('FORBIDDEN');
    expect((await api.call('POST', '/api/libraries', { body: { name: 'x' } })).status).toBe(401);
    for (const body of [{ name: '' }, { name: 'x', owner_id: host.id }, {}]) {
      const res = await api.call('POST', '/api/libraries', { token: host.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    }
    expect(await librariesOf(viewer.id)).toEqual([]);
    expect(await librariesOf(host.id)).toEqual([]);
  });

  it('lists the libraries the caller belongs to, with the caller’s role', async () => {
    const [owner, viewer, stranger] = [
      await api.account('host'),
      await api.account('viewer'),
      await api.account('viewer'),
    ];
    const shared = await makeLibrary(api, owner, [viewer]);
    const own = await makeLibrary(api, owner);
    const mine = await api.call('GET', '/api/libraries', { token: owner.token });
    expect(mine.status).toBe(200);
    expect(mine.body.data).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(
      mine.body.data.items.map((l: { id: string; role: string; member_count: number }) => [
        l.id,
        l.role,
        l.member_count,
      ]),
    ).toEqual([
      [shared, 'owner', 2],
      [own, 'owner', 1],
    ]);
    const paged = await api.call('GET', '/api/libraries?page=2&limit=1', { token: owner.token });
    expect(paged.body.data.items.map((l: { id: string }) => l.id)).toEqual([own]);
    const theirs = await api.call('GET', '/api/libraries', { token: viewer.token });
    expect(theirs.body.data.items).toEqual([
      expect.objectContaining({ id: shared, role: 'member' }),
    ]);
    const none = await api.call('GET', '/api/libraries', { token: stranger.token });
    expect(none.body.data).toMatchObject({ items: [], total: 0 });
    expect((await api.call('GET', '/api/libraries')).status).toBe(401);
  });

  it('shows a library and its members to members only', async () => {
    const [owner, member, admin] = [
      await api.account('host'),
      await api.account('viewer'),
      await api.account('admin'),
    ];
    const libraryId = await makeLibrary(api, owner, [member]);
    const details = await api.call('GET', `/api/libraries/${libraryId}`, { token: member.token });
    expect(details.status).toBe(200);
    expect(details.body.data).toMatchObject({
      id: libraryId,
      owner_id: owner.id,
      role: 'member',
      member_count: 2,
    });
    const members = await api.call('GET', `/api/libraries/${libraryId}/members`, {
      token: member.token,
    });
    expect(members.status).toBe(200);
    expect(members.body.data).toMatchObject({ total: 2, page: 1 });
    expect(
      members.body.data.items.map((m: { user_id: string; role: string; library_id: string }) => [
        m.user_id,
        m.role,
        m.library_id,
      ]),
    ).toEqual([
      [owner.id, 'owner', libraryId],
      [member.id, 'member', libraryId],
    ]);
    expect(members.body.data.items[0].email).toBe(owner.email);
    for (const path of [`/api/libraries/${libraryId}`, `/api/libraries/${libraryId}/members`]) {
      const refused = await api.call('GET', path, { token: admin.token });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('FORBIDDEN');
      expect((await api.call('GET', path)).status).toBe(401);
    }
    const missing = await api.call('GET', `/api/libraries/${MISSING_ID}`, { token: owner.token });
    expect(missing.status).toBe(404);
    expect((await api.call('GET', '/api/libraries/nope', { token: owner.token })).status).toBe(400);
  });
});

describe(`library members (${dialect})`, () => {
  it('lets the owner add members and change their role', async () => {
    const [owner, user] = [await api.account('host'), await api.account('viewer', 'Dana')];
    const libraryId = await makeLibrary(api, owner);
    const path = `/api/libraries/${libraryId}/members`;
    const added = await api.call('POST', path, {
      token: owner.token,
      body: { user_id: user.id },
    });
    expect(added.status).toBe(200);
    expect(added.body.data).toMatchObject({
      library_id: libraryId,
      user_id: user.id,
      display_name: 'Dana',
      email: user.email,
      role: 'member',
    });
    const promoted = await api.call('POST', path, {
      token: owner.token,
      body: { user_id: user.id, role: 'owner' },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.data).toMatchObject({ role: 'owner', added_at: added.body.data.added_at });
    expect(await membersOf(libraryId)).toEqual({ [owner.id]: 'owner', [user.id]: 'owner' });
  });

  it('refuses non-owners and bad input, writing nothing', async () => {
    const [owner, member, user] = [
      await api.account('host'),
      await api.account('host'),
      await api.account('viewer'),
    ];
    const libraryId = await makeLibrary(api, owner, [member]);
    const path = `/api/libraries/${libraryId}/members`;
    const byMember = await api.call('POST', path, {
      token: member.token,
      body: { user_id: user.id },
    });
    expect(byMember.status).toBe(403);
    const admin = await api.account('admin');
    expect(
      (await api.call('POST', path, { token: admin.token, body: { user_id: user.id } })).status,
    ).toBe(403);
    expect((await api.call('POST', path, { body: { user_id: user.id } })).status).toBe(401);
    for (const body of [
      { user_id: user.id, role: 'admin' },
      { user_id: 'nope' },
      { user_id: user.id, note: 'hi' },
    ]) {
      const res = await api.call('POST', path, { token: owner.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    }
    const unknown = await api.call('POST', path, {
      token: owner.token,
      body: { user_id: MISSING_ID },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('NOT_FOUND');
    const removal = await api.call('DELETE', `${path}/${owner.id}`, { token: member.token });
    expect(removal.status).toBe(403);
    expect(await membersOf(libraryId)).toEqual({ [owner.id]: 'owner', [member.id]: 'member' });
  });

  it('removes members, 404 when not a member', async () => {
    const [owner, member] = [await api.account('host'), await api.account('viewer')];
    const libraryId = await makeLibrary(api, owner, [member]);
    const path = `/api/libraries/${libraryId}/members/${member.id}`;
    const removed = await api.call('DELETE', path, { token: owner.token });
    expect(removed.status).toBe(200);
    expect(removed.body.data).toEqual({ library_id: libraryId, user_id: member.id, removed: true });
    expect(await librariesOf(member.id)).toEqual([]);
    const again = await api.call('DELETE', path, { token: owner.token });
    expect(again.status).toBe(404);
    expect(again.body.error?.code).toBe('NOT_FOUND');
    const formerMember = await api.call('GET', `/api/libraries/${libraryId}`, {
      token: member.token,
    });
    expect(formerMember.status).toBe(403);
  });

  it('never leaves a library without an owner', async () => {
    const [owner, second] = [await api.account('host'), await api.account('host')];
    const libraryId = await makeLibrary(api, owner, [second]);
    const members = `/api/libraries/${libraryId}/members`;
    const leaving = await api.call('DELETE', `${members}/${owner.id}`, { token: owner.token });
    expect(leaving.status).toBe(409);
    expect(leaving.body.error?.code).toBe('CONFLICT');
    const demoting = await api.call('POST', members, {
      token: owner.token,
      body: { user_id: owner.id, role: 'member' },
    });
    expect(demoting.status).toBe(409);
    expect(await membersOf(libraryId)).toEqual({ [owner.id]: 'owner', [second.id]: 'member' });
    await api.call('POST', members, {
      token: owner.token,
      body: { user_id: second.id, role: 'owner' },
    });
    const handedOver = await api.call('DELETE', `${members}/${owner.id}`, { token: owner.token });
    expect(handedOver.status).toBe(200);
    expect(await membersOf(libraryId)).toEqual({ [second.id]: 'owner' });
  });

  it('keeps an owner when two owners remove each other at once', async () => {
    const [first, second] = [await api.account('host'), await api.account('host')];
    const libraryId = await makeLibrary(api, first);
    await api.call('POST', `/api/libraries/${libraryId}/members`, {
      token: first.token,
      body: { user_id: second.id, role: 'owner' },
    });
    const results = await Promise.all([
      api.call('DELETE', `/api/libraries/${libraryId}/members/${second.id}`, {
        token: first.token,
      }),
      api.call('DELETE', `/api/libraries/${libraryId}/members/${first.id}`, {
        token: second.token,
      }),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await api.db.repos.libraries.countOwners(libraryId)).toBe(1);
  });
});
