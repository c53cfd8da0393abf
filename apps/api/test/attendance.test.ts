import { parse } from 'csv-parse/sync';
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
const get = (path: string, who?: Account) => api.call('GET', path, { token: who?.token });

/** The export as REST sends it: the file itself, not an envelope. */
async function download(path: string, who: Account) {
  const response = await api.app.inject({
    method: 'GET',
    url: path,
    headers: { authorization: `Bearer ${who.token}` },
  });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return { headers: response.headers, text: response.body };
}

const TRICKY_NAME = 'Doe, "JD"\nJunior';

/**
 * Intervals an hour long session ago, in seconds after `base` (null: still open):
 * viewer 0–600 and 900–1200; cohost 100–200; tricky 300–open; moderator 350–500.
 * Peak: 350–500 viewer, tricky, moderator = 3 at base+350. Watch time: 900, 100, ~3300, 150.
 */
async function seedIntervals(c: Cast) {
  const base = Date.now() - 3_600_000;
  const t = (s: number) => new Date(base + s * 1000);
  const tricky = await api.account('viewer', TRICKY_NAME);
  const plan: [Account, number, number | null][] = [
    [c.viewer, 0, 600],
    [c.cohost, 100, 200],
    [tricky, 300, null],
    [c.moderator, 350, 500],
    [c.viewer, 900, 1200],
  ];
  for (const [who, from, to] of plan) {
    await api.db.repos.attendance.open(c.sessionId, who.id, t(from));
    if (to !== null) await api.db.repos.attendance.close(c.sessionId, who.id, t(to));
  }
  return { base, t, tricky };
}

describe(`leave a session (${dialect})`, () => {
  it('closes the caller’s open interval', async () => {
    const c = await cast(api);
    await api.db.repos.attendance.open(c.sessionId, c.viewer.id);
    await api.db.repos.attendance.open(c.sessionId, c.moderator.id);
    const leave = (who: Account) => api.call('POST', at(c, '/leave'), { token: who.token });
    expect(ok(await leave(c.viewer))).toEqual({ session_id: c.sessionId, left: true });
    const [interval] = await api.db.repos.attendance.intervals(c.sessionId);
    expect(interval).toMatchObject({ userId: c.viewer.id, leftAt: expect.any(Date) });
    expect(ok(await leave(c.viewer))).toEqual({ session_id: c.sessionId, left: false });
    // The viewer count is the gateway's ephemeral message, never an event in the outbox.
    expect(await api.db.repos.sessions.viewerCount(c.sessionId)).toBe(1);
    const recorded = (await events(api, 'session', c.sessionId)).map((e) => e.event);
    expect(recorded).not.toContain('viewer_count');
    expectError(await api.call('POST', at(c, '/leave')), 401, 'UNAUTHORIZED');
    expectError(
      await api.call('POST', `/api/sessions/${MISSING_ID}/leave`, { token: c.viewer.token }),
      404,
      'NOT_FOUND',
    );
  });
});

describe(`active viewers (${dialect})`, () => {
  it('lists who is watching now, with session roles, to staff only', async () => {
    const c = await cast(api);
    await seedIntervals(c);
    await api.db.repos.attendance.open(c.sessionId, c.owner.id);
    const page = ok(await get(at(c, '/viewers'), c.moderator));
    expect(page.total).toBe(2);
    expect(page.items).toEqual([
      expect.objectContaining({ display_name: TRICKY_NAME, role: 'viewer' }),
      expect.objectContaining({ user_id: c.owner.id, role: 'owner' }),
    ]);
    expectError(await get(at(c, '/viewers'), c.viewer), 403, 'FORBIDDEN');
    expectError(await get(at(c, '/viewers?limit=101'), c.owner), 400, 'VALIDATION_ERROR');
  });
});

describe(`attendance list and statistics (${dialect})`, () => {
  it('folds each attendee’s intervals, in order of first arrival, for the host side', async () => {
    const c = await cast(api);
    const { t, tricky } = await seedIntervals(c);
    for (const hostSide of [c.owner, c.cohost, c.admin]) {
      const list = ok(await get(at(c, '/attendance'), hostSide));
      expect(list.total).toBe(4);
      expect(list.items.map((row: { user_id: string }) => row.user_id)).toEqual([
        c.viewer.id,
        c.cohost.id,
        tricky.id,
        c.moderator.id,
      ]);
    }
    const [viewer, cohost, open] = ok(await get(at(c, '/attendance'), c.owner)).items;
    expect(viewer).toEqual({
      user_id: c.viewer.id,
      display_name: 'Viewer',
      first_join_at: t(0).toISOString(),
      last_leave_at: t(1200).toISOString(),
      total_watch_seconds: 900,
      interval_count: 2,
    });
    expect(cohost).toMatchObject({ total_watch_seconds: 100, interval_count: 1 });
    expect(open.last_leave_at).toBeUndefined();
    expect(open.total_watch_seconds).toBeGreaterThanOrEqual(3300);
    expect(open.total_watch_seconds).toBeLessThanOrEqual(3305);
    const second = ok(await get(at(c, '/attendance?page=2&limit=3'), c.owner));
    expect(second.items.map((row: { user_id: string }) => row.user_id)).toEqual([c.moderator.id]);
    expectError(await get(at(c, '/attendance'), c.moderator), 403, 'FORBIDDEN');
    expectError(await get(at(c, '/attendance')), 401, 'UNAUTHORIZED');
  });

  it('computes unique viewers, peak concurrency and watch time from the intervals', async () => {
    const c = await cast(api);
    const { t } = await seedIntervals(c);
    const stats = ok(await get(at(c, '/attendance/stats'), c.owner));
    expect(stats).toMatchObject({
      session_id: c.sessionId,
      unique_viewers: 4,
      peak_concurrent: 3,
      peak_at: t(350).toISOString(),
      current_viewers: 1,
    });
    // 900 + 100 + 150 closed, plus the open interval's ~3300 seconds up to now.
    expect(stats.total_watch_seconds).toBeGreaterThanOrEqual(4450);
    expect(stats.total_watch_seconds).toBeLessThanOrEqual(4455);
    expect(stats.average_watch_seconds).toBe(Math.round(stats.total_watch_seconds / 4));
    expectError(await get(at(c, '/attendance/stats'), c.moderator), 403, 'FORBIDDEN');
  });

  it('is all zeros before anyone joined', async () => {
    const c = await cast(api);
    expect(ok(await get(at(c, '/attendance/stats'), c.owner))).toEqual({
      session_id: c.sessionId,
      unique_viewers: 0,
      peak_concurrent: 0,
      current_viewers: 0,
      average_watch_seconds: 0,
      total_watch_seconds: 0,
    });
    expect(ok(await get(at(c, '/attendance'), c.owner))).toMatchObject({ items: [], total: 0 });
  });
});

describe(`export attendance data (${dialect})`, () => {
  it('streams CSV per RFC 4180 as an attachment that a CSV parser reads back exactly', async () => {
    const c = await cast(api);
    const { tricky } = await seedIntervals(c);
    const exported = await download(at(c, '/attendance/export?format=csv'), c.owner);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toContain(
      `attachment; filename="attendance-${c.sessionId}.csv"`,
    );
    expect(exported.text).toContain(`"Doe, ""JD""\nJunior"`);
    expect(exported.text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parse(exported.text) as string[][];
    expect(header).toEqual([
      'user_id',
      'display_name',
      'email',
      'first_join_at',
      'last_leave_at',
      'total_watch_seconds',
      'interval_count',
    ]);
    const list = ok(await get(at(c, '/attendance'), c.owner)).items;
    expect(rows).toHaveLength(4);
    expect(rows.map((row) => row[0])).toEqual(list.map((r: { user_id: string }) => r.user_id));
    const trickyRow = rows.find((row) => row[0] === tricky.id)!;
    expect(trickyRow[1]).toBe(TRICKY_NAME);
    expect(trickyRow[2]).toBe(tricky.email);
    expect(trickyRow[4]).toBe('');
    expect(rows[0]!.slice(3)).toEqual([list[0].first_join_at, list[0].last_leave_at, '900', '2']);
    const byDefault = await download(at(c, '/attendance/export'), c.owner);
    expect(byDefault.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('streams JSON with the same rows as the list', async () => {
    const c = await cast(api);
    const { t, tricky } = await seedIntervals(c);
    // Everyone has left: an open interval's watch time grows with the clock between two reads.
    await api.db.repos.attendance.close(c.sessionId, tricky.id, t(700));
    const exported = await download(at(c, '/attendance/export?format=json'), c.cohost);
    expect(exported.headers['content-type']).toMatch(/^application\/json/);
    expect(exported.headers['content-disposition']).toContain(
      `filename="attendance-${c.sessionId}.json"`,
    );
    const rows = JSON.parse(exported.text);
    const list = ok(await get(at(c, '/attendance'), c.owner)).items;
    expect(rows.map(({ email: _email, ...row }: Record<string, unknown>) => row)).toEqual(list);
    expect(rows[0].email).toBe(c.viewer.email);
  });

  it('is an empty file (a header, or []) before anyone joined', async () => {
    const c = await cast(api);
    const csv = await download(at(c, '/attendance/export?format=csv'), c.owner);
    expect(parse(csv.text)).toHaveLength(1);
    const json = await download(at(c, '/attendance/export?format=json'), c.owner);
    expect(JSON.parse(json.text)).toEqual([]);
  });

  it('is documented in OpenAPI as a text/csv or application/json file', async () => {
    const document = (await api.call('GET', '/api/openapi.json')).body as any;
    for (const path of [
      '/sessions/{id}/attendance/export',
      '/libraries/{library_id}/sessions/{id}/attendance/export',
    ]) {
      const content = document.paths[path].get.responses['200'].content;
      expect(Object.keys(content)).toEqual(['text/csv', 'application/json']);
      expect(content['text/csv'].schema.type).toBe('string');
      expect(content['application/json'].schema.type).toBe('array');
    }
  });

  it('answers the file as data over tRPC', async () => {
    const c = await cast(api);
    await seedIntervals(c);
    const input = encodeURIComponent(JSON.stringify({ id: c.sessionId, format: 'csv' }));
    const reply = await api.app.inject({
      method: 'GET',
      url: `/trpc/attendance.export?input=${input}`,
      headers: { authorization: `Bearer ${c.owner.token}` },
    });
    const data = reply.json().result.data;
    expect(data).toMatchObject({ format: 'csv', content_type: 'text/csv; charset=utf-8' });
    expect(parse(data.content)).toHaveLength(5);
  });

  it('refuses unknown formats, staff below the host side and anonymous callers', async () => {
    const c = await cast(api);
    expectError(
      await get(at(c, '/attendance/export?format=xml'), c.owner),
      400,
      'VALIDATION_ERROR',
    );
    expectError(await get(at(c, '/attendance/export?as=csv'), c.owner), 400, 'VALIDATION_ERROR');
    expectError(await get(at(c, '/attendance/export'), c.moderator), 403, 'FORBIDDEN');
    expectError(await get(at(c, '/attendance/export')), 401, 'UNAUTHORIZED');
    expect(await eventNames(api, 'session', c.sessionId)).toEqual([]);
  });
});

describe(`library-scoped attendance (${dialect})`, () => {
  it('serves list, stats and export under the session’s library to its members', async () => {
    const owner = await api.account('host', 'Library owner');
    const library = await api.db.repos.libraries.create('Team', owner.id);
    const c = await cast(api, { libraryId: library.id });
    await api.db.repos.libraries.putMember(library.id, c.owner.id, 'member');
    await seedIntervals(c);
    const scoped = (rest: string) => `/api/libraries/${library.id}/sessions/${c.sessionId}${rest}`;
    for (const rest of ['/attendance', '/attendance/stats']) {
      ok(await get(scoped(rest), c.owner));
      expectError(await get(scoped(rest), c.cohost), 403, 'FORBIDDEN');
    }
    const exported = await download(scoped('/attendance/export?format=json'), c.owner);
    expect(JSON.parse(exported.text)).toHaveLength(4);
    expectError(await get(scoped('/attendance/export'), c.cohost), 403, 'FORBIDDEN');
    expect(ok(await get(scoped('/attendance/stats'), c.owner)).unique_viewers).toBe(4);
    const elsewhere = await cast(api);
    expectError(
      await get(`/api/libraries/${library.id}/sessions/${elsewhere.sessionId}/attendance`, owner),
      404,
      'NOT_FOUND',
    );
    expectError(
      await get(`/api/libraries/${MISSING_ID}/sessions/${c.sessionId}/attendance`, c.owner),
      404,
      'NOT_FOUND',
    );
  });
});
