import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import {
  cast,
  eventNames,
  events,
  expectError,
  MISSING_ID,
  ok,
  type Cast,
} from './engagement-fixtures.ts';

const api = useTestApp();

const pollsPath = (sessionId: string) => `/api/sessions/${sessionId}/polls`;
const createPoll = (c: Cast, token: string, body: unknown) =>
  api.call('POST', pollsPath(c.sessionId), { token, body });
const vote = (pollId: string, token: string | undefined, optionIds: string[]) =>
  api.call('POST', `/api/polls/${pollId}/vote`, { token, body: { option_ids: optionIds } });
const results = (pollId: string, token: string) =>
  api.call('GET', `/api/polls/${pollId}/results`, { token });
const colours = { question: 'Favourite colour?', options: ['Red', 'Green', 'Blue'] };

describe(`create a poll (${dialect})`, () => {
  it('lets staff create single and multiple choice polls and records the event', async () => {
    const c = await cast(api);
    for (const staff of [c.moderator, c.cohost, c.owner, c.admin]) {
      const poll = ok(await createPoll(c, staff.token, colours));
      expect(poll).toMatchObject({
        session_id: c.sessionId,
        question: 'Favourite colour?',
        multiple_choice: false,
        status: 'open',
        total_voters: 0,
        my_option_ids: [],
        created_by: staff.id,
      });
      expect(poll.options).toEqual(
        ['Red', 'Green', 'Blue'].map((text, position) => ({
          id: expect.any(String),
          text,
          position,
          vote_count: 0,
          percentage: 0,
        })),
      );
    }
    const multi = ok(await createPoll(c, c.owner.token, { ...colours, multiple_choice: true }));
    expect(multi.multiple_choice).toBe(true);
    const recorded = await events(api, 'session', c.sessionId);
    expect(recorded.map((e) => e.event)).toEqual(Array(5).fill('poll.created'));
    expect(recorded[0]!.payload.my_option_ids).toBeUndefined();
  });

  it('refuses viewers and anonymous callers', async () => {
    const c = await cast(api);
    expectError(await createPoll(c, c.viewer.token, colours), 403, 'FORBIDDEN');
    expectError(
      await api.call('POST', pollsPath(c.sessionId), { body: colours }),
      401,
      'UNAUTHORIZED',
    );
  });

  it('answers bad input with 400 and writes nothing', async () => {
    const c = await cast(api);
    const eleven = Array.from({ length: 11 }, (_, i) => `o${i}`);
    for (const body of [
      { question: 'Q', options: ['only one'] },
      { question: 'Q', options: eleven },
      { question: 'Q', options: ['Yes', 'yes'] },
      { question: 'Q', options: ['Yes', '   '] },
      { question: '  ', options: ['a', 'b'] },
      { question: 'Q', options: ['a', 'b'], multiple_choice: 'yes' },
      { question: 'Q', options: ['a', 'b'], anonymous: true },
    ]) {
      expectError(await createPoll(c, c.owner.token, body), 400, 'VALIDATION_ERROR');
    }
    ok(await createPoll(c, c.owner.token, { question: 'Q', options: eleven.slice(0, 10) }));
    const list = ok(await api.call('GET', pollsPath(c.sessionId), { token: c.owner.token }));
    expect(list.total).toBe(1);
  });

  it('is refused with POLLS_DISABLED while polls are off', async () => {
    const c = await cast(api, { settings: { polls_enabled: false } });
    expectError(await createPoll(c, c.owner.token, colours), 403, 'POLLS_DISABLED');
    expect(await eventNames(api, 'session', c.sessionId)).toEqual([]);
  });
});

describe(`vote on a poll (${dialect})`, () => {
  it('counts one ballot per user, a new vote replacing the old, with percentages', async () => {
    const c = await cast(api);
    const poll = ok(await createPoll(c, c.owner.token, colours));
    const [red, green, blue] = poll.options.map((o: { id: string }) => o.id);
    const mine = ok(await vote(poll.id, c.viewer.token, [red]));
    expect(mine.my_option_ids).toEqual([red]);
    ok(await vote(poll.id, c.moderator.token, [green]));
    ok(await vote(poll.id, c.owner.token, [green]));
    const changed = ok(await vote(poll.id, c.viewer.token, [blue]));
    expect(changed.my_option_ids).toEqual([blue]);
    const seen = ok(await results(poll.id, c.viewer.token));
    expect(seen.total_voters).toBe(3);
    expect(seen.my_option_ids).toEqual([blue]);
    expect(seen.options.map((o: { vote_count: number }) => o.vote_count)).toEqual([0, 2, 1]);
    expect(seen.options.map((o: { percentage: number }) => o.percentage)).toEqual([0, 66.7, 33.3]);
    expect(ok(await results(poll.id, c.cohost.token)).my_option_ids).toEqual([]);
    const updates = (await events(api, 'session', c.sessionId)).filter(
      (e) => e.event === 'poll.updated',
    );
    expect(updates).toHaveLength(4);
    expect(updates.at(-1)!.payload).toMatchObject({ total_voters: 3 });
    expect(updates.at(-1)!.payload.my_option_ids).toBeUndefined();
  });

  it('takes several options on a multiple choice poll; percentages are of voters', async () => {
    const c = await cast(api);
    const poll = ok(await createPoll(c, c.owner.token, { ...colours, multiple_choice: true }));
    const [red, green, blue] = poll.options.map((o: { id: string }) => o.id);
    ok(await vote(poll.id, c.viewer.token, [red, blue]));
    ok(await vote(poll.id, c.moderator.token, [blue]));
    const seen = ok(await results(poll.id, c.viewer.token));
    expect(seen.my_option_ids).toEqual([red, blue].sort());
    expect(seen.options.map((o: { percentage: number }) => o.percentage)).toEqual([50, 0, 100]);
    expect(green).toBeDefined();
  });

  it('refuses bad ballots with 400/422 and writes nothing', async () => {
    const c = await cast(api);
    const poll = ok(await createPoll(c, c.owner.token, colours));
    const other = ok(
      await createPoll(c, c.owner.token, { question: 'Other', options: ['x', 'y'] }),
    );
    const [red, green] = poll.options.map((o: { id: string }) => o.id);
    expectError(await vote(poll.id, c.viewer.token, [red, green]), 422, 'BUSINESS_RULE');
    expectError(
      await vote(poll.id, c.viewer.token, [other.options[0].id]),
      400,
      'VALIDATION_ERROR',
    );
    expectError(await vote(poll.id, c.viewer.token, []), 400, 'VALIDATION_ERROR');
    expectError(await vote(poll.id, c.viewer.token, [red, red]), 400, 'VALIDATION_ERROR');
    expectError(await vote(poll.id, c.viewer.token, ['not-an-id']), 400, 'VALIDATION_ERROR');
    expectError(
      await api.call('POST', `/api/polls/${poll.id}/vote`, {
        token: c.viewer.token,
        body: { option_ids: [red], extra: 1 },
      }),
      400,
      'VALIDATION_ERROR',
    );
    expect(ok(await results(poll.id, c.viewer.token)).total_voters).toBe(0);
    expectError(await vote(MISSING_ID, c.viewer.token, [red]), 404, 'NOT_FOUND');
    expectError(await vote(poll.id, undefined, [red]), 401, 'UNAUTHORIZED');
  });

  it('refuses banned users and votes while polls are off', async () => {
    const c = await cast(api);
    const poll = ok(await createPoll(c, c.owner.token, colours));
    const red = poll.options[0].id;
    await api.db.repos.bans.create({
      roomId: c.roomId,
      sessionId: c.sessionId,
      userId: c.viewer.id,
      scope: 'session',
    });
    expectError(await vote(poll.id, c.viewer.token, [red]), 403, 'BANNED');
    expectError(await results(poll.id, c.viewer.token), 403, 'BANNED');
    await api.db.repos.sessions.mergeSettings(c.sessionId, { polls_enabled: false });
    expectError(await vote(poll.id, c.moderator.token, [red]), 403, 'POLLS_DISABLED');
    expect(ok(await results(poll.id, c.owner.token)).total_voters).toBe(0);
  });

  it('counts exactly 50 ballots when 50 users vote at once', async () => {
    const c = await cast(api);
    const poll = ok(await createPoll(c, c.owner.token, colours));
    const voters = await Promise.all(Array.from({ length: 50 }, () => api.account('viewer')));
    const replies = await Promise.all(
      voters.map((v, i) => vote(poll.id, v.token, [poll.options[i % 3].id])),
    );
    for (const reply of replies) ok(reply);
    const seen = ok(await results(poll.id, c.owner.token));
    expect(seen.total_voters).toBe(50);
    expect(seen.options.map((o: { vote_count: number }) => o.vote_count)).toEqual([17, 17, 16]);
  });
});

describe(`close a poll (${dialect})`, () => {
  it('lets staff close it; votes and a second close are then 409 POLL_CLOSED', async () => {
    const c = await cast(api);
    const poll = ok(await createPoll(c, c.owner.token, colours));
    const red = poll.options[0].id;
    ok(await vote(poll.id, c.viewer.token, [red]));
    expectError(
      await api.call('POST', `/api/polls/${poll.id}/close`, { token: c.viewer.token }),
      403,
      'FORBIDDEN',
    );
    const closed = ok(
      await api.call('POST', `/api/polls/${poll.id}/close`, { token: c.moderator.token }),
    );
    expect(closed).toMatchObject({ status: 'closed', total_voters: 1 });
    expect(closed.closed_at).toEqual(expect.any(String));
    expectError(await vote(poll.id, c.viewer.token, [red]), 409, 'POLL_CLOSED');
    expectError(
      await api.call('POST', `/api/polls/${poll.id}/close`, { token: c.owner.token }),
      409,
      'POLL_CLOSED',
    );
    expect(ok(await results(poll.id, c.viewer.token)).options[0].vote_count).toBe(1);
    expect((await eventNames(api, 'session', c.sessionId)).at(-1)).toBe('poll.closed');
    expectError(
      await api.call('POST', `/api/polls/${MISSING_ID}/close`, { token: c.owner.token }),
      404,
      'NOT_FOUND',
    );
  });
});

describe(`get polls for a session (${dialect})`, () => {
  it('lists the polls oldest first, a page at a time, with the caller’s choices', async () => {
    const c = await cast(api);
    const polls = [];
    for (const question of ['First?', 'Second?', 'Third?']) {
      polls.push(ok(await createPoll(c, c.owner.token, { question, options: ['a', 'b'] })));
    }
    ok(await vote(polls[1].id, c.viewer.token, [polls[1].options[1].id]));
    const page = ok(
      await api.call('GET', `${pollsPath(c.sessionId)}?page=1&limit=2`, { token: c.viewer.token }),
    );
    expect(page).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(page.items.map((p: { question: string }) => p.question)).toEqual(['First?', 'Second?']);
    expect(page.items[0].my_option_ids).toEqual([]);
    expect(page.items[1].my_option_ids).toEqual([polls[1].options[1].id]);
    expect(page.items[1].options[1]).toMatchObject({ vote_count: 1, percentage: 100 });
    const rest = ok(
      await api.call('GET', `${pollsPath(c.sessionId)}?page=2&limit=2`, { token: c.viewer.token }),
    );
    expect(rest.items.map((p: { question: string }) => p.question)).toEqual(['Third?']);
    expectError(await api.call('GET', pollsPath(c.sessionId)), 401, 'UNAUTHORIZED');
    expectError(
      await api.call('GET', `${pollsPath(c.sessionId)}?limit=500`, { token: c.viewer.token }),
      400,
      'VALIDATION_ERROR',
    );
  });
});
