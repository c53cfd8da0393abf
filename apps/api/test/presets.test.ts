import { DEFAULT_OUTPUT_LADDER, DEFAULT_SESSION_SETTINGS } from '@vidinfra/domain';
import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { makeLibrary, MISSING_ID } from './library-fixtures.ts';

const api = useTestApp();

const rung = { name: '720p', width: 1280, height: 720, video_bitrate_kbps: 2500, fps: 30 };

const createPreset = async (token: string, body: object = {}, base = '/api') => {
  const res = await api.call('POST', `${base}/presets`, {
    token,
    body: { name: 'Webinar', ...body },
  });
  expect(res.status).toBe(200);
  return res.body.data as { id: string; library_id?: string };
};

const presetCount = async (ownerId: string) =>
  (await api.db.repos.presets.listByOwner(ownerId)).length;

describe(`presets (${dialect})`, () => {
  it('creates a preset owned by the caller, filling in the defaults', async () => {
    const host = await api.account('host');
    const res = await api.call('POST', '/api/presets', {
      token: host.token,
      body: { name: 'Webinar' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      owner_id: host.id,
      name: 'Webinar',
      outputs: DEFAULT_OUTPUT_LADDER,
      layout: 'speaker',
      default_settings: DEFAULT_SESSION_SETTINGS,
      is_default: false,
    });
    expect(res.body.data.library_id).toBeUndefined();
    expect(await api.db.repos.presets.findById(res.body.data.id)).toMatchObject({
      ownerId: host.id,
      libraryId: null,
    });
  });

  it('keeps a custom ladder, layout and default settings; admins may create too', async () => {
    const admin = await api.account('admin');
    const res = await api.call('POST', '/api/presets', {
      token: admin.token,
      body: {
        name: 'Panel',
        outputs: [rung],
        layout: 'grid',
        default_settings: { max_stage_size: 8, auto_record: true },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      owner_id: admin.id,
      outputs: [rung],
      layout: 'grid',
      default_settings: { ...DEFAULT_SESSION_SETTINGS, max_stage_size: 8, auto_record: true },
    });
    const fetched = await api.call('GET', `/api/presets/${res.body.data.id}`, {
      token: admin.token,
    });
    expect(fetched.body.data).toEqual(res.body.data);
  });

  it('refuses anonymous and viewer callers, writing nothing', async () => {
    const viewer = await api.account('viewer');
    const anonymous = await api.call('POST', '/api/presets', { body: { name: 'x' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('UNAUTHORIZED');
    const forbidden = await api.call('POST', '/api/presets', {
      token: viewer.token,
      body: { name: 'x' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error?.code).toBe('FORBIDDEN');
    expect((await api.call('GET', '/api/presets', { token: viewer.token })).status).toBe(403);
    expect(await presetCount(viewer.id)).toBe(0);
  });

  it.each([
    ['default settings that are not session settings', { default_settings: { colour: 'red' } }],
    ['an out-of-range setting', { default_settings: { max_stage_size: 0 } }],
    ['two renditions with one name', { outputs: [rung, rung] }],
    ['an empty ladder', { outputs: [] }],
    ['an unknown layout', { layout: 'mosaic' }],
    ['an unknown field', { is_default: true }],
  ])('answers 400 for %s and writes nothing', async (_, body) => {
    const host = await api.account('host');
    const res = await api.call('POST', '/api/presets', {
      token: host.token,
      body: { name: 'Bad', ...body },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    expect(await presetCount(host.id)).toBe(0);
  });

  it('lists only the caller’s presets, paginated', async () => {
    const [host, other] = [await api.account('host'), await api.account('host')];
    const mine = [
      await createPreset(host.token, { name: 'A' }),
      await createPreset(host.token, { name: 'B' }),
      await createPreset(host.token, { name: 'C' }),
    ];
    await createPreset(other.token);
    const first = await api.call('GET', '/api/presets?page=1&limit=2', { token: host.token });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ total: 3, page: 1, limit: 2 });
    const second = await api.call('GET', '/api/presets?page=2&limit=2', { token: host.token });
    const ids = [...first.body.data.items, ...second.body.data.items].map(
      (p: { id: string }) => p.id,
    );
    expect(ids).toEqual(mine.map((p) => p.id));
    const tooBig = await api.call('GET', '/api/presets?limit=101', { token: host.token });
    expect(tooBig.status).toBe(400);
  });

  it('shows, updates and deletes a preset for its owner only', async () => {
    const [owner, other] = [await api.account('host'), await api.account('admin')];
    const preset = await createPreset(owner.token, {
      default_settings: { chat_enabled: false },
    });
    const path = `/api/presets/${preset.id}`;
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'Taken' }],
      ['DELETE', undefined],
    ] as const) {
      const refused = await api.call(method, path, { token: other.token, body });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('FORBIDDEN');
      expect((await api.call(method, path, { body })).status).toBe(401);
    }
    const updated = await api.call('PATCH', path, {
      token: owner.token,
      body: { name: 'Renamed', layout: 'single', default_settings: { slow_mode_seconds: 10 } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      name: 'Renamed',
      layout: 'single',
      outputs: DEFAULT_OUTPUT_LADDER,
      default_settings: { chat_enabled: false, slow_mode_seconds: 10 },
    });
    const deleted = await api.call('DELETE', path, { token: owner.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toEqual({ id: preset.id, deleted: true });
    const gone = await api.call('GET', path, { token: owner.token });
    expect(gone.status).toBe(404);
    expect(gone.body.error?.code).toBe('NOT_FOUND');
  });

  it('refuses a bad update, changing nothing', async () => {
    const owner = await api.account('host');
    const preset = await createPreset(owner.token);
    for (const body of [
      { default_settings: { latency_mode: 'instant' } },
      { name: '' },
      { owner_id: MISSING_ID },
    ]) {
      const res = await api.call('PATCH', `/api/presets/${preset.id}`, {
        token: owner.token,
        body,
      });
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('VALIDATION_ERROR');
    }
    const stored = await api.db.repos.presets.findById(preset.id);
    expect(stored).toMatchObject({ name: 'Webinar', defaultSettings: {} });
    expect(stored?.updatedAt).toBeNull();
  });

  it('answers 404 for an unknown preset and 400 for a malformed id', async () => {
    const host = await api.account('host');
    const missing = await api.call('GET', `/api/presets/${MISSING_ID}`, { token: host.token });
    expect(missing.status).toBe(404);
    const malformed = await api.call('POST', '/api/presets/nope/default', { token: host.token });
    expect(malformed.status).toBe(400);
  });

  it('keeps exactly one default per owner', async () => {
    const [owner, other] = [await api.account('host'), await api.account('host')];
    const [a, b] = [await createPreset(owner.token), await createPreset(owner.token)];
    const othersDefault = await createPreset(other.token);
    expect(
      (await api.call('POST', `/api/presets/${othersDefault.id}/default`, { token: other.token }))
        .status,
    ).toBe(200);
    const first = await api.call('POST', `/api/presets/${a.id}/default`, { token: owner.token });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ id: a.id, is_default: true });
    const second = await api.call('POST', `/api/presets/${b.id}/default`, { token: owner.token });
    expect(second.body.data).toMatchObject({ id: b.id, is_default: true });
    const list = await api.call('GET', '/api/presets', { token: owner.token });
    expect(
      list.body.data.items.map((p: { id: string; is_default: boolean }) => [p.id, p.is_default]),
    ).toEqual([
      [a.id, false],
      [b.id, true],
    ]);
    expect((await api.db.repos.presets.defaultFor(other.id))?.id).toBe(othersDefault.id);
    const refused = await api.call('POST', `/api/presets/${a.id}/default`, { token: other.token });
    expect(refused.status).toBe(403);
    expect((await api.db.repos.presets.defaultFor(owner.id))?.id).toBe(b.id);
  });

  it('leaves no default after deleting it; sessions that used it keep their settings', async () => {
    const owner = await api.account('host');
    const preset = await createPreset(owner.token, { default_settings: { auto_record: true } });
    await api.call('POST', `/api/presets/${preset.id}/default`, { token: owner.token });
    const room = await api.db.repos.rooms.create({
      ownerId: owner.id,
      name: 'Room',
      visibility: 'public',
    });
    const session = await api.db.repos.sessions.create({
      roomId: room.id,
      presetId: preset.id,
      title: 'From a preset',
      scheduledAt: new Date(Date.now() + 3_600_000),
      settings: { auto_record: true },
    });
    const deleted = await api.call('DELETE', `/api/presets/${preset.id}`, { token: owner.token });
    expect(deleted.status).toBe(200);
    expect(await api.db.repos.presets.defaultFor(owner.id)).toBeNull();
    expect(await api.db.repos.sessions.findById(session.id)).toMatchObject({
      presetId: null,
      settings: { auto_record: true },
    });
  });
});

describe(`presets in a library (${dialect})`, () => {
  it('refuses callers who are not members of the library', async () => {
    const [owner, outsider] = [await api.account('host'), await api.account('host')];
    const libraryId = await makeLibrary(api, owner);
    const base = `/api/libraries/${libraryId}/presets`;
    const list = await api.call('GET', base, { token: outsider.token });
    expect(list.status).toBe(403);
    const create = await api.call('POST', base, { token: outsider.token, body: { name: 'x' } });
    expect(create.status).toBe(403);
    expect(await presetCount(outsider.id)).toBe(0);
    expect((await api.call('GET', base)).status).toBe(401);
    expect(
      (await api.call('GET', `/api/libraries/${MISSING_ID}/presets`, { token: owner.token }))
        .status,
    ).toBe(404);
  });

  it('creates presets that belong to the library and lists them there only', async () => {
    const [owner, member] = [await api.account('host'), await api.account('host')];
    const libraryId = await makeLibrary(api, owner, [member]);
    const base = `/api/libraries/${libraryId}`;
    const inLibrary = await createPreset(member.token, { name: 'Shared' }, base);
    expect(inLibrary.library_id).toBe(libraryId);
    expect((await api.db.repos.presets.findById(inLibrary.id))?.libraryId).toBe(libraryId);
    const personal = await createPreset(member.token, { name: 'Personal' });
    const scoped = await api.call('GET', `${base}/presets`, { token: member.token });
    expect(scoped.status).toBe(200);
    expect(scoped.body.data.items.map((p: { id: string }) => p.id)).toEqual([inLibrary.id]);
    const everywhere = await api.call('GET', '/api/presets', { token: member.token });
    expect(everywhere.body.data.items.map((p: { id: string }) => p.id)).toEqual([
      inLibrary.id,
      personal.id,
    ]);
    const ownersView = await api.call('GET', `${base}/presets`, { token: owner.token });
    expect(ownersView.body.data.total).toBe(0);
  });

  it('answers 404 for a preset of another library or of none', async () => {
    const host = await api.account('host');
    const [first, second] = [await makeLibrary(api, host), await makeLibrary(api, host)];
    const inFirst = await createPreset(host.token, {}, `/api/libraries/${first}`);
    const personal = await createPreset(host.token);
    for (const id of [inFirst.id, personal.id]) {
      for (const [method, path] of [
        ['GET', `/presets/${id}`],
        ['PATCH', `/presets/${id}`],
        ['DELETE', `/presets/${id}`],
        ['POST', `/presets/${id}/default`],
      ] as const) {
        const res = await api.call(method, `/api/libraries/${second}${path}`, {
          token: host.token,
          body: method === 'PATCH' ? { name: 'Moved' } : undefined,
        });
        expect(res.status).toBe(404);
        expect(res.body.error?.code).toBe('NOT_FOUND');
      }
    }
    expect(await api.db.repos.presets.findById(inFirst.id)).toMatchObject({
      name: 'Webinar',
      isDefault: false,
    });
    const own = await api.call('GET', `/api/libraries/${first}/presets/${inFirst.id}`, {
      token: host.token,
    });
    expect(own.status).toBe(200);
    expect(own.body.data.library_id).toBe(first);
  });

  it('keeps a library preset to its owner, even for other members', async () => {
    const [owner, member] = [await api.account('host'), await api.account('host')];
    const libraryId = await makeLibrary(api, owner, [member]);
    const base = `/api/libraries/${libraryId}`;
    const preset = await createPreset(owner.token, {}, base);
    const refused = await api.call('PATCH', `${base}/presets/${preset.id}`, {
      token: member.token,
      body: { name: 'Mine now' },
    });
    expect(refused.status).toBe(403);
    const updated = await api.call('PATCH', `${base}/presets/${preset.id}`, {
      token: owner.token,
      body: { name: 'Still mine' },
    });
    expect(updated.body.data).toMatchObject({ name: 'Still mine', library_id: libraryId });
    const setDefault = await api.call('POST', `${base}/presets/${preset.id}/default`, {
      token: owner.token,
    });
    expect(setDefault.body.data.is_default).toBe(true);
    const deleted = await api.call('DELETE', `${base}/presets/${preset.id}`, {
      token: owner.token,
    });
    expect(deleted.status).toBe(200);
    expect(await api.db.repos.presets.findById(preset.id)).toBeNull();
  });
});
