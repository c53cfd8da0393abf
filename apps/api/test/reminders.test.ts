import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { makeLibrary, makeRoom, MISSING_ID } from './library-fixtures.ts';

const api = useTestApp();

const subscribers = (roomId: string) => api.db.repos.reminders.subscriberIds(roomId);

describe(`reminders (${dialect})`, () => {
  it('subscribes idempotently and reports the subscription', async () => {
    const [host, viewer] = [await api.account('host'), await api.account('viewer')];
    const roomId = await makeRoom(api, host);
    const path = `/api/rooms/${roomId}/reminders`;
    const first = await api.call('POST', path, { token: viewer.token });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ room_id: roomId, subscribed: true });
    expect(typeof first.body.data.subscribed_at).toBe('string');
    const second = await api.call('POST', path, { token: viewer.token });
    expect(second.status).toBe(200);
    expect(second.body.data).toEqual(first.body.data);
    expect(await subscribers(roomId)).toEqual([viewer.id]);
    const status = await api.call('GET', `${path}/me`, { token: viewer.token });
    expect(status.status).toBe(200);
    expect(status.body.data).toEqual(first.body.data);
    const hostStatus = await api.call('GET', `${path}/me`, { token: host.token });
    expect(hostStatus.body.data).toEqual({ room_id: roomId, subscribed: false });
  });

  it('unsubscribes idempotently', async () => {
    const [host, viewer] = [await api.account('host'), await api.account('viewer')];
    const roomId = await makeRoom(api, host);
    const path = `/api/rooms/${roomId}/reminders`;
    await api.call('POST', path, { token: viewer.token });
    await api.call('POST', path, { token: host.token });
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await api.call('DELETE', path, { token: viewer.token });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ room_id: roomId, subscribed: false });
    }
    expect(await subscribers(roomId)).toEqual([host.id]);
    const status = await api.call('GET', `${path}/me`, { token: viewer.token });
    expect(status.body.data.subscribed).toBe(false);
  });

  it('refuses anonymous callers, writing nothing', async () => {
    const host = await api.account('host');
    const roomId = await makeRoom(api, host);
    const path = `/api/rooms/${roomId}/reminders`;
    for (const [method, url] of [
      ['POST', path],
      ['DELETE', path],
      ['GET', `${path}/me`],
    ] as const) {
      const res = await api.call(method, url);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('UNAUTHORIZED');
    }
    expect(await subscribers(roomId)).toEqual([]);
  });

  it('answers 404 for an unknown room and 400 for a malformed id or a body', async () => {
    const viewer = await api.account('viewer');
    const missing = await api.call('POST', `/api/rooms/${MISSING_ID}/reminders`, {
      token: viewer.token,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('NOT_FOUND');
    const malformed = await api.call('GET', '/api/rooms/nope/reminders/me', {
      token: viewer.token,
    });
    expect(malformed.status).toBe(400);
    const host = await api.account('host');
    const roomId = await makeRoom(api, host);
    const withBody = await api.call('POST', `/api/rooms/${roomId}/reminders`, {
      token: viewer.token,
      body: { channel: 'email' },
    });
    expect(withBody.status).toBe(400);
    expect(withBody.body.error?.code).toBe('VALIDATION_ERROR');
    expect(await subscribers(roomId)).toEqual([]);
  });

  it('works for a private room with a signed-in caller', async () => {
    const [host, viewer] = [await api.account('host'), await api.account('viewer')];
    const roomId = await makeRoom(api, host, { visibility: 'private' });
    const res = await api.call('POST', `/api/rooms/${roomId}/reminders`, { token: viewer.token });
    expect(res.status).toBe(200);
    expect(res.body.data.subscribed).toBe(true);
    expect(await subscribers(roomId)).toEqual([viewer.id]);
  });
});

describe(`reminders in a library (${dialect})`, () => {
  it('lets members subscribe to the library’s rooms and refuses everyone else', async () => {
    const [owner, member, outsider] = [
      await api.account('host'),
      await api.account('viewer'),
      await api.account('viewer'),
    ];
    const libraryId = await makeLibrary(api, owner, [member]);
    const roomId = await makeRoom(api, owner, { libraryId });
    const path = `/api/libraries/${libraryId}/rooms/${roomId}/reminders`;
    const refused = await api.call('POST', path, { token: outsider.token });
    expect(refused.status).toBe(403);
    expect((await api.call('GET', `${path}/me`, { token: outsider.token })).status).toBe(403);
    expect((await api.call('POST', path)).status).toBe(401);
    expect(await subscribers(roomId)).toEqual([]);
    const subscribed = await api.call('POST', path, { token: member.token });
    expect(subscribed.status).toBe(200);
    expect(subscribed.body.data).toMatchObject({ room_id: roomId, subscribed: true });
    const status = await api.call('GET', `${path}/me`, { token: member.token });
    expect(status.body.data.subscribed).toBe(true);
    const unsubscribed = await api.call('DELETE', path, { token: member.token });
    expect(unsubscribed.body.data.subscribed).toBe(false);
    expect(await subscribers(roomId)).toEqual([]);
  });

  it('answers 404 for a room of another library or of none', async () => {
    const owner = await api.account('host');
    const [first, second] = [await makeLibrary(api, owner), await makeLibrary(api, owner)];
    const rooms = [await makeRoom(api, owner, { libraryId: first }), await makeRoom(api, owner)];
    for (const roomId of rooms) {
      const res = await api.call('POST', `/api/libraries/${second}/rooms/${roomId}/reminders`, {
        token: owner.token,
      });
      expect(res.status).toBe(404);
      expect(res.body.error?.code).toBe('NOT_FOUND');
      expect(await subscribers(roomId)).toEqual([]);
    }
  });
});
