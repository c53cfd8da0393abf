import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { cast, eventNames, events, expectError, MISSING_ID, ok } from './engagement-fixtures.ts';

const api = useTestApp();

const chatPath = (sessionId: string) => `/api/sessions/${sessionId}/chat`;
const send = (sessionId: string, token: string | undefined, body: unknown) =>
  api.call('POST', chatPath(sessionId), { token, body });
const texts = async (sessionId: string, token: string, query = '') =>
  ok(await api.call('GET', `${chatPath(sessionId)}${query}`, { token })).items.map(
    (m: { text: string }) => m.text,
  );

describe(`send a chat message (${dialect})`, () => {
  it('lets every attendee write, trimmed, with their session role, and records the event', async () => {
    const c = await cast(api);
    const roles = [
      [c.viewer, 'viewer'],
      [c.moderator, 'moderator'],
      [c.cohost, 'cohost'],
      [c.owner, 'owner'],
      [c.admin, 'viewer'],
    ] as const;
    for (const [account, role] of roles) {
      const message = ok(await send(c.sessionId, account.token, { text: `  hi from ${role}  ` }));
      expect(message).toMatchObject({
        session_id: c.sessionId,
        user_id: account.id,
        role,
        text: `hi from ${role}`,
      });
    }
    const created = await events(api, 'session', c.sessionId);
    expect(created.map((e) => e.event)).toEqual(Array(5).fill('chat.message_created'));
    expect(created[0]!.payload).toMatchObject({ user_id: c.viewer.id, text: 'hi from viewer' });
  });

  it('refuses anonymous and banned callers and writes nothing', async () => {
    const c = await cast(api);
    expectError(await send(c.sessionId, undefined, { text: 'hello' }), 401, 'UNAUTHORIZED');
    await api.db.repos.bans.create({
      roomId: c.roomId,
      sessionId: c.sessionId,
      userId: c.viewer.id,
      scope: 'session',
    });
    expectError(await send(c.sessionId, c.viewer.token, { text: 'hello' }), 403, 'BANNED');
    expect(await texts(c.sessionId, c.owner.token)).toEqual([]);
  });

  it('answers bad input with 400 and writes nothing', async () => {
    const c = await cast(api);
    for (const body of [
      { text: '    ' },
      { text: 'x'.repeat(501) },
      {},
      { text: 'hi', colour: 'red' },
      { text: 42 },
    ]) {
      expectError(await send(c.sessionId, c.viewer.token, body), 400, 'VALIDATION_ERROR');
    }
    ok(await send(c.sessionId, c.viewer.token, { text: `  ${'x'.repeat(500)}  ` }));
    expect(await texts(c.sessionId, c.owner.token)).toEqual(['x'.repeat(500)]);
    expectError(await send(MISSING_ID, c.viewer.token, { text: 'hi' }), 404, 'NOT_FOUND');
    expectError(await send('not-a-uuid', c.viewer.token, { text: 'hi' }), 400, 'VALIDATION_ERROR');
  });

  it('refuses messages while chat is off', async () => {
    const c = await cast(api, { settings: { chat_enabled: false } });
    expectError(await send(c.sessionId, c.viewer.token, { text: 'hi' }), 403, 'CHAT_DISABLED');
    expectError(await send(c.sessionId, c.owner.token, { text: 'hi' }), 403, 'CHAT_DISABLED');
    expect(await eventNames(api, 'session', c.sessionId)).toEqual([]);
  });

  it('holds viewers to slow mode with a Retry-After, but not staff', async () => {
    const c = await cast(api, { settings: { slow_mode_seconds: 30 } });
    ok(await send(c.sessionId, c.viewer.token, { text: 'one' }));
    const tooSoon = await send(c.sessionId, c.viewer.token, { text: 'two' });
    expectError(tooSoon, 429, 'SLOW_MODE');
    const retryAfter = Number(tooSoon.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(29);
    expect(retryAfter).toBeLessThanOrEqual(30);
    ok(await send(c.sessionId, c.moderator.token, { text: 'staff one' }));
    ok(await send(c.sessionId, c.moderator.token, { text: 'staff two' }));
    expect(await texts(c.sessionId, c.owner.token)).toEqual(['staff two', 'staff one', 'one']);
  });

  it('rate-limits each author to 10 messages in 10 seconds', async () => {
    const c = await cast(api);
    for (let i = 0; i < 10; i++) ok(await send(c.sessionId, c.cohost.token, { text: `m${i}` }));
    const limited = await send(c.sessionId, c.cohost.token, { text: 'one too many' });
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    ok(await send(c.sessionId, c.viewer.token, { text: 'someone else' }));
    expect(await texts(c.sessionId, c.owner.token, '?limit=100')).toHaveLength(11);
  });
});

describe(`get chat messages (${dialect})`, () => {
  it('pages newest first in one stable order, even for messages sent at the same instant', async () => {
    const c = await cast(api);
    const same = new Date('2030-01-01T00:00:00Z');
    for (let i = 0; i < 5; i++) {
      await api.db.repos.chat.create(c.sessionId, c.viewer.id, `m${i}`, same);
    }
    const seen: string[] = [];
    let before: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const query = `?limit=2${before ? `&before=${before}` : ''}`;
      const page = ok(
        await api.call('GET', `${chatPath(c.sessionId)}${query}`, { token: c.viewer.token }),
      );
      seen.push(...page.items.map((m: { text: string }) => m.text));
      expect(page.items.every((m: { display_name: string }) => m.display_name === 'Viewer')).toBe(
        true,
      );
      if (!page.has_more) {
        expect(page.next_before).toBeUndefined();
        break;
      }
      before = page.next_before;
    }
    expect(seen).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('shows each author with their session role', async () => {
    const c = await cast(api);
    ok(await send(c.sessionId, c.owner.token, { text: 'welcome' }));
    ok(await send(c.sessionId, c.moderator.token, { text: 'be nice' }));
    ok(await send(c.sessionId, c.viewer.token, { text: 'hello' }));
    const page = ok(await api.call('GET', chatPath(c.sessionId), { token: c.viewer.token }));
    expect(page.items.map((m: { role: string }) => m.role)).toEqual([
      'viewer',
      'moderator',
      'owner',
    ]);
  });

  it('refuses anonymous and banned readers, unknown cursors and bad limits', async () => {
    const c = await cast(api);
    expectError(await api.call('GET', chatPath(c.sessionId)), 401, 'UNAUTHORIZED');
    const token = c.viewer.token;
    for (const query of ['?limit=0', '?limit=101', '?before=nope', `?before=${MISSING_ID}`]) {
      expectError(
        await api.call('GET', `${chatPath(c.sessionId)}${query}`, { token }),
        400,
        'VALIDATION_ERROR',
      );
    }
    await api.db.repos.bans.create({
      roomId: c.roomId,
      sessionId: c.sessionId,
      userId: c.viewer.id,
      scope: 'room',
    });
    expectError(await api.call('GET', chatPath(c.sessionId), { token }), 403, 'BANNED');
  });
});

describe(`delete a chat message (${dialect})`, () => {
  it('lets the author delete their message: gone from lists, event recorded', async () => {
    const c = await cast(api);
    const mine = ok(await send(c.sessionId, c.viewer.token, { text: 'oops' }));
    ok(await send(c.sessionId, c.viewer.token, { text: 'keep' }));
    const deleted = ok(
      await api.call('DELETE', `${chatPath(c.sessionId)}/${mine.id}`, { token: c.viewer.token }),
    );
    expect(deleted).toEqual({ id: mine.id, session_id: c.sessionId, deleted: true });
    expect(await texts(c.sessionId, c.viewer.token)).toEqual(['keep']);
    const last = (await events(api, 'session', c.sessionId)).at(-1);
    expect(last).toMatchObject({
      event: 'chat.message_deleted',
      payload: { session_id: c.sessionId, message_id: mine.id },
    });
    expect((await api.db.repos.chat.findById(mine.id))?.deletedAt).toBeInstanceOf(Date);
    expectError(
      await api.call('DELETE', `${chatPath(c.sessionId)}/${mine.id}`, { token: c.viewer.token }),
      404,
      'NOT_FOUND',
    );
  });

  it('lets staff delete anyone’s message and refuses other attendees', async () => {
    const c = await cast(api);
    const other = await api.account('viewer');
    for (const staff of [c.moderator, c.cohost, c.owner, c.admin]) {
      const message = ok(await send(c.sessionId, c.viewer.token, { text: 'spam' }));
      expectError(
        await api.call('DELETE', `${chatPath(c.sessionId)}/${message.id}`, { token: other.token }),
        403,
        'FORBIDDEN',
      );
      ok(
        await api.call('DELETE', `${chatPath(c.sessionId)}/${message.id}`, { token: staff.token }),
      );
    }
    expect(await texts(c.sessionId, c.owner.token)).toEqual([]);
  });

  it('answers 404 for unknown messages and messages of another session', async () => {
    const c = await cast(api);
    const elsewhere = await cast(api);
    const message = ok(await send(elsewhere.sessionId, elsewhere.viewer.token, { text: 'hi' }));
    const token = c.owner.token;
    expectError(
      await api.call('DELETE', `${chatPath(c.sessionId)}/${MISSING_ID}`, { token }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api.call('DELETE', `${chatPath(elsewhere.sessionId)}/${message.id}`, { token }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api.call('DELETE', `${chatPath(c.sessionId)}/${message.id}`, {
        token: elsewhere.owner.token,
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await api.call('DELETE', `${chatPath(c.sessionId)}/nope`, { token }),
      400,
      'VALIDATION_ERROR',
    );
    expect(await texts(elsewhere.sessionId, elsewhere.owner.token)).toEqual(['hi']);
  });
});

describe(`a ban racing chat (${dialect})`, () => {
  it('lets no message through after the ban commits', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await cast(api);
      const sends = (n: number) =>
        Array.from({ length: n }, (_, i) => send(c.sessionId, c.viewer.token, { text: `r${i}` }));
      const ban = api.call('POST', `/api/sessions/${c.sessionId}/bans`, {
        token: c.moderator.token,
        body: { user_id: c.viewer.id },
      });
      const replies = await Promise.all([...sends(4), ban, ...sends(4)]);
      ok(replies[4]!);
      const sent = replies.filter((r, i) => i !== 4 && r.status === 200);
      const refused = replies.filter((r, i) => i !== 4 && r.status !== 200);
      for (const reply of refused) expectError(reply, 403, 'BANNED');
      const banned = (await events(api, 'staff', c.sessionId)).find(
        (e) => e.event === 'moderation.banned',
      )!;
      const created = (await events(api, 'session', c.sessionId)).filter(
        (e) => e.event === 'chat.message_created',
      );
      expect(created).toHaveLength(sent.length);
      for (const message of created) expect(message.id).toBeLessThan(banned.id);
      expectError(await send(c.sessionId, c.viewer.token, { text: 'after' }), 403, 'BANNED');
    }
  });
});
