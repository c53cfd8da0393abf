import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dialect, PASSWORD, useTestApp } from './harness.ts';
import { MISSING_ID } from './library-fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const api = useTestApp({ DATA_DIR: dataDir });

const login = (email: string, password = PASSWORD) =>
  api.call('POST', '/api/auth/login', { body: { email, password } });
const refresh = (refreshToken: string) =>
  api.call('POST', '/api/auth/refresh', { body: { refresh_token: refreshToken } });

describe(`admin: storage (${dialect})`, () => {
  it('reports recordings per state, HLS bytes and the volume', async () => {
    const admin = await api.account('admin');
    const empty = await api.call('GET', '/api/admin/storage', { token: admin.token });
    expect(empty.status).toBe(200);
    expect(empty.body.data).toMatchObject({
      bytes_used: 0,
      recordings_bytes: 0,
      hls_bytes: 0,
      recordings_by_status: { recording: 0, processing: 0, ready: 0, failed: 0 },
    });
    expect(empty.body.data.total_bytes).toBeGreaterThan(0);
    expect(empty.body.data.free_bytes).toBeGreaterThanOrEqual(0);
    expect(empty.body.data.free_bytes).toBeLessThanOrEqual(empty.body.data.total_bytes);

    const room = await api.db.repos.rooms.create({
      ownerId: admin.id,
      name: 'Storage room',
      visibility: 'public',
    });
    for (const [status, sizeBytes] of [
      ['ready', 1_000],
      ['ready', 2_500],
      ['failed', 300],
      ['recording', null],
    ] as const) {
      const session = await api.db.repos.sessions.create({
        roomId: room.id,
        title: 'Recorded',
        scheduledAt: new Date(),
        settings: {},
      });
      const recording = await api.db.repos.recordings.create({
        sessionId: session.id,
        ownerId: admin.id,
        title: 'Recording',
        startedAt: new Date(),
      });
      await api.db.repos.recordings.update(recording.id, { status, sizeBytes });
    }
    mkdirSync(join(dataDir, 'hls', 'session-a'), { recursive: true });
    writeFileSync(join(dataDir, 'hls', 'session-a', 'index.m3u8'), 'x'.repeat(120));
    writeFileSync(join(dataDir, 'hls', 'session-a', 'seg1.ts'), Buffer.alloc(4_000));
    writeFileSync(join(dataDir, 'hls', 'loose.ts'), Buffer.alloc(80));
    writeFileSync(join(dataDir, 'not-hls.bin'), Buffer.alloc(9_999));

    const res = await api.call('GET', '/api/admin/storage', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      recordings_bytes: 3_800,
      hls_bytes: 4_200,
      bytes_used: 8_000,
      recordings_by_status: { recording: 1, processing: 0, ready: 2, failed: 1 },
      recordings_bytes_by_status: { recording: 0, processing: 0, ready: 3_500, failed: 300 },
    });
    expect(Date.parse(res.body.data.checked_at)).not.toBeNaN();
  });

  it('is for admins only', async () => {
    const host = await api.account('host');
    const forbidden = await api.call('GET', '/api/admin/storage', { token: host.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.code).toBe('FORBIDDEN');
    expect((await api.call('GET', '/api/admin/storage')).status).toBe(401);
  });
});

describe(`admin: users (${dialect})`, () => {
  it('creates a user who can then sign in', async () => {
    const admin = await api.account('admin');
    const email = `new-${Date.now()}@example.test`;
    const res = await api.call('POST', '/api/admin/users', {
      token: admin.token,
      body: {
        email: ` ${email.toUpperCase()} `,
        password: 'a long password',
        display_name: 'New',
        role: 'host',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      email,
      display_name: 'New',
      role: 'host',
      disabled: false,
    });
    const stored = await api.db.repos.users.findById(res.body.data.id);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    const signedIn = await login(email, 'a long password');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.data.user.id).toBe(res.body.data.id);
  });

  it('refuses a taken email with 409 on the email field', async () => {
    const admin = await api.account('admin');
    const existing = await api.account('viewer');
    const res = await api.call('POST', '/api/admin/users', {
      token: admin.token,
      body: {
        email: existing.email.toUpperCase(),
        password: 'a long password',
        display_name: 'Copy',
        role: 'viewer',
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.error?.code).toBe('CONFLICT');
    expect(res.body.error?.details).toEqual([expect.objectContaining({ field: 'email' })]);
    expect((await api.db.repos.users.findById(existing.id))?.displayName).not.toBe('Copy');
  });

  it('refuses bad input and non-admins, writing nothing', async () => {
    const [admin, host] = [await api.account('admin'), await api.account('host')];
    const email = `refused-${Date.now()}@example.test`;
    const valid = { email, password: 'a long password', display_name: 'X', role: 'viewer' };
    for (const body of [
      { ...valid, password: 'short' },
      { ...valid, email: 'not-an-email' },
      { ...valid, role: 'superuser' },
      { ...valid, disabled: true },
    ]) {
      const res = await api.call('POST', '/api/admin/users', { token: admin.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    }
    const forbidden = await api.call('POST', '/api/admin/users', {
      token: host.token,
      body: valid,
    });
    expect(forbidden.status).toBe(403);
    expect((await api.call('POST', '/api/admin/users', { body: valid })).status).toBe(401);
    expect(await api.db.repos.users.findByEmail(email)).toBeNull();
  });

  it('finds users by text and role, paginated, and shows one', async () => {
    const admin = await api.account('admin');
    const marker = `needle${Date.now()}`;
    const hosts = [
      await api.account('host', `${marker} one`),
      await api.account('host', `${marker} two`),
    ];
    await api.account('viewer', `${marker} three`);
    const found = await api.call('GET', `/api/admin/users?q=${marker}&role=host&limit=1`, {
      token: admin.token,
    });
    expect(found.status).toBe(200);
    expect(found.body.data).toMatchObject({ total: 2, page: 1, limit: 1 });
    expect(found.body.data.items.map((u: { id: string }) => u.id)).toEqual([hosts[0]!.id]);
    const all = await api.call('GET', `/api/admin/users?q=${marker.toUpperCase()}`, {
      token: admin.token,
    });
    expect(all.body.data.total).toBe(3);
    const bad = await api.call('GET', '/api/admin/users?role=root', { token: admin.token });
    expect(bad.status).toBe(400);
    const shown = await api.call('GET', `/api/admin/users/${hosts[1]!.id}`, { token: admin.token });
    expect(shown.status).toBe(200);
    expect(shown.body.data).toMatchObject({
      id: hosts[1]!.id,
      role: 'host',
      email: hosts[1]!.email,
    });
    const missing = await api.call('GET', `/api/admin/users/${MISSING_ID}`, { token: admin.token });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('NOT_FOUND');
    const host = hosts[0]!;
    expect((await api.call('GET', '/api/admin/users', { token: host.token })).status).toBe(403);
    expect(
      (await api.call('GET', `/api/admin/users/${host.id}`, { token: host.token })).status,
    ).toBe(403);
  });

  it('updates name and role; a bad update changes nothing', async () => {
    const [admin, user] = [await api.account('admin'), await api.account('viewer')];
    const path = `/api/admin/users/${user.id}`;
    const res = await api.call('PATCH', path, {
      token: admin.token,
      body: { display_name: 'Promoted', role: 'host' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      display_name: 'Promoted',
      role: 'host',
      disabled: false,
    });
    const rooms = await api.call('POST', '/api/rooms', {
      token: user.token,
      body: { name: 'Now I can', visibility: 'public' },
    });
    expect(rooms.status).toBe(200);
    for (const body of [{ role: 'root' }, { display_name: '' }, { email: 'x@example.test' }]) {
      const bad = await api.call('PATCH', path, { token: admin.token, body });
      expect(bad.status).toBe(400);
    }
    const missing = await api.call('PATCH', `/api/admin/users/${MISSING_ID}`, {
      token: admin.token,
      body: { display_name: 'Ghost' },
    });
    expect(missing.status).toBe(404);
    const byHost = await api.call('PATCH', path, { token: user.token, body: { role: 'admin' } });
    expect(byHost.status).toBe(403);
    expect(await api.db.repos.users.findById(user.id)).toMatchObject({
      displayName: 'Promoted',
      role: 'host',
      email: user.email,
    });
  });

  it('disabling a user stops their tokens at once; re-enabling needs a new sign-in', async () => {
    const [admin, user] = [await api.account('admin'), await api.account('host')];
    expect((await api.call('GET', '/api/auth/me', { token: user.token })).status).toBe(200);
    const disabled = await api.call('PATCH', `/api/admin/users/${user.id}`, {
      token: admin.token,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.data.disabled).toBe(true);
    const refused = await api.call('GET', '/api/auth/me', { token: user.token });
    expect([401, 403]).toContain(refused.status);
    expect(refused.body.success).toBe(false);
    expect(refused.body.error?.code).toBe('ACCOUNT_DISABLED');
    const publicWithToken = await api.call('GET', '/api/rooms', { token: user.token });
    expect(publicWithToken.status).toBe(403);
    expect((await login(user.email)).status).toBe(403);
    expect((await refresh(user.refreshToken)).status).not.toBe(200);

    const enabled = await api.call('PATCH', `/api/admin/users/${user.id}`, {
      token: admin.token,
      body: { disabled: false },
    });
    expect(enabled.body.data.disabled).toBe(false);
    const revoked = await refresh(user.refreshToken);
    expect(revoked.status).toBe(401);
    expect((await login(user.email)).status).toBe(200);
  });

  it('refuses to let admins demote or disable themselves', async () => {
    const admin = await api.account('admin');
    for (const body of [{ role: 'host' }, { disabled: true }, { role: 'viewer', disabled: true }]) {
      const res = await api.call('PATCH', `/api/admin/users/${admin.id}`, {
        token: admin.token,
        body,
      });
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('BUSINESS_RULE');
    }
    expect(await api.db.repos.users.findById(admin.id)).toMatchObject({
      role: 'admin',
      disabled: false,
    });
    const renamed = await api.call('PATCH', `/api/admin/users/${admin.id}`, {
      token: admin.token,
      body: { display_name: 'Still admin', role: 'admin', disabled: false },
    });
    expect(renamed.status).toBe(200);
  });

  it('sets a new password and signs the user out everywhere', async () => {
    const [admin, user] = [await api.account('admin'), await api.account('viewer')];
    const secondDevice = await login(user.email);
    const res = await api.call('PUT', `/api/admin/users/${user.id}/password`, {
      token: admin.token,
      body: { password: 'brand new password' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ user_id: user.id, revoked_sessions: 2 });
    expect((await refresh(user.refreshToken)).status).toBe(401);
    expect((await refresh(secondDevice.body.data.refresh_token)).status).toBe(401);
    expect((await login(user.email)).status).toBe(401);
    expect((await login(user.email, 'brand new password')).status).toBe(200);
  });

  it('refuses a bad password update, changing nothing', async () => {
    const [admin, user] = [await api.account('admin'), await api.account('viewer')];
    const path = `/api/admin/users/${user.id}/password`;
    const before = (await api.db.repos.users.findById(user.id))?.passwordHash;
    for (const body of [{ password: 'short' }, {}, { password: 'long enough', old: 'x' }]) {
      expect((await api.call('PUT', path, { token: admin.token, body })).status).toBe(400);
    }
    expect(
      (await api.call('PUT', path, { token: user.token, body: { password: 'long enough!' } }))
        .status,
    ).toBe(403);
    const missing = await api.call('PUT', `/api/admin/users/${MISSING_ID}/password`, {
      token: admin.token,
      body: { password: 'long enough!' },
    });
    expect(missing.status).toBe(404);
    expect((await api.db.repos.users.findById(user.id))?.passwordHash).toBe(before);
    expect((await refresh(user.refreshToken)).status).toBe(200);
  });

  it('revokes every refresh token of a user and says how many', async () => {
    const [admin, user] = [await api.account('admin'), await api.account('host')];
    await login(user.email);
    await login(user.email);
    const path = `/api/admin/users/${user.id}/sessions`;
    const byUser = await api.call('DELETE', path, { token: user.token });
    expect(byUser.status).toBe(403);
    const res = await api.call('DELETE', path, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ user_id: user.id, revoked_sessions: 3 });
    expect((await refresh(user.refreshToken)).status).toBe(401);
    // The access tokens of those logins end with them, not when they expire.
    const signedOut = await api.call('GET', '/api/auth/me', { token: user.token });
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.error?.code).toBe('UNAUTHORIZED');
    const again = await api.call('DELETE', path, { token: admin.token });
    expect(again.body.data.revoked_sessions).toBe(0);
    const missing = await api.call('DELETE', `/api/admin/users/${MISSING_ID}/sessions`, {
      token: admin.token,
    });
    expect(missing.status).toBe(404);
  });

  it('keeps one admin when the last two demote each other at once', async () => {
    const [first, second] = [await api.account('admin'), await api.account('admin')];
    const others = await api.db.repos.users.list({ role: 'admin', page: 1, limit: 100 });
    for (const other of others.items) {
      if (other.id !== first.id && other.id !== second.id) {
        await api.db.repos.users.update(other.id, { disabled: true });
      }
    }
    const results = await Promise.all([
      api.call('PATCH', `/api/admin/users/${second.id}`, {
        token: first.token,
        body: { role: 'host' },
      }),
      api.call('PATCH', `/api/admin/users/${first.id}`, {
        token: second.token,
        body: { disabled: true },
      }),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const loser = results.find((r) => r.status !== 200)!;
    expect(['BUSINESS_RULE', 'FORBIDDEN', 'ACCOUNT_DISABLED']).toContain(loser.body.error?.code);
    const admins = await api.db.repos.users.list({ role: 'admin', page: 1, limit: 100 });
    expect(admins.items.filter((u) => !u.disabled)).toHaveLength(1);
  });
});
