// Who the local ingest admits as a publisher (`services.sessions.admitPublisher`): the host side
// of a live session, read again at connect time, with the WebSocket close code of each refusal.
import { describe, expect, it } from 'vitest';
import { dialect, useTestApp } from './harness.ts';
import { cast, MISSING_ID, moveTo, ownedSession } from './session-fixtures.ts';

const api = useTestApp();
const admit = (sessionId: string, userId: string) =>
  api.services.sessions.admitPublisher(sessionId, userId);

describe(`ingest admission (${dialect})`, () => {
  it('admits the owner, a co-host and an admin of a live session', async () => {
    const { sessionId, people } = await cast(api, 'live');
    for (const who of [people.owner, people.cohost, people.admin]) {
      expect(await admit(sessionId, who.id), who.email).toEqual({ ok: true });
    }
  });

  it('refuses viewers, stage guests, moderators, other hosts and the banned with 4403', async () => {
    const { sessionId, people } = await cast(api, 'live');
    const { viewer, stage, moderator, otherHost, banned } = people;
    for (const who of [viewer, stage, moderator, otherHost, banned]) {
      expect(await admit(sessionId, who.id), who.email).toMatchObject({ ok: false, code: 4403 });
    }
    expect(await admit(sessionId, MISSING_ID)).toMatchObject({ ok: false, code: 4403 });
    expect(await admit(sessionId, 'not-a-user')).toMatchObject({ ok: false, code: 4403 });
  });

  it('refuses a co-host banned from the session, and a disabled owner', async () => {
    const { sessionId, roomId, people } = await cast(api, 'live');
    await api.db.repos.bans.create({
      roomId,
      sessionId,
      userId: people.cohost.id,
      scope: 'session',
      createdBy: people.owner.id,
    });
    expect(await admit(sessionId, people.cohost.id)).toEqual({
      ok: false,
      code: 4403,
      reason: 'banned from this session',
    });
    await api.db.repos.users.update(people.owner.id, { disabled: true });
    expect(await admit(sessionId, people.owner.id)).toMatchObject({ ok: false, code: 4403 });
  });

  it('refuses a missing session (4404), one not live yet (4404) and an ended one (4410)', async () => {
    const { owner, sessionId } = await ownedSession(api, 'backstage');
    expect(await admit(MISSING_ID, owner.id)).toMatchObject({ ok: false, code: 4404 });
    expect(await admit('not-a-session', owner.id)).toMatchObject({ ok: false, code: 4404 });
    expect(await admit(sessionId, owner.id)).toEqual({
      ok: false,
      code: 4404,
      reason: 'the session is not live',
    });
    await moveTo(api, owner, sessionId, 'live');
    expect(await admit(sessionId, owner.id)).toEqual({ ok: true });
    await moveTo(api, owner, sessionId, 'ended');
    expect(await admit(sessionId, owner.id)).toEqual({
      ok: false,
      code: 4410,
      reason: 'the session has ended',
    });
  });
});
