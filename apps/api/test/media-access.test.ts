// Stage removal and bans take media access away at once: the media backend is told to
// disconnect the user, after the change committed (and not when it was refused).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cast, expectError, ok } from './engagement-fixtures.ts';
import { dialect, useTestApp } from './harness.ts';

const api = useTestApp();
const removals = () => vi.spyOn(api.media, 'removeParticipant');

afterEach(() => vi.restoreAllMocks());

describe(`media access follows stage and bans (${dialect})`, () => {
  it('removing a participant from the stage disconnects them from the media room', async () => {
    const c = await cast(api);
    const removeParticipant = removals();
    ok(
      await api.call('POST', `/api/sessions/${c.sessionId}/stage`, {
        token: c.owner.token,
        body: { user_id: c.viewer.id },
      }),
    );
    const remove = () =>
      api.call('DELETE', `/api/sessions/${c.sessionId}/stage/${c.viewer.id}`, {
        token: c.owner.token,
      });
    ok(await remove());
    expect(removeParticipant.mock.calls).toEqual([[c.sessionId, c.viewer.id]]);
    expectError(await remove(), 404, 'NOT_FOUND');
    expect(removeParticipant).toHaveBeenCalledTimes(1);
  });

  it('a ban disconnects the user from the media room, once', async () => {
    const c = await cast(api);
    const removeParticipant = removals();
    const ban = () =>
      api.call('POST', `/api/sessions/${c.sessionId}/bans`, {
        token: c.moderator.token,
        body: { user_id: c.viewer.id, scope: 'room' },
      });
    ok(await ban());
    expect(removeParticipant.mock.calls).toEqual([[c.sessionId, c.viewer.id]]);
    expectError(await ban(), 409, 'ALREADY_EXISTS');
    expect(removeParticipant).toHaveBeenCalledTimes(1);
  });

  it('a media backend that fails to disconnect does not undo or fail the ban', async () => {
    const c = await cast(api);
    removals().mockRejectedValue(new Error('media server unreachable'));
    ok(
      await api.call('POST', `/api/sessions/${c.sessionId}/bans`, {
        token: c.owner.token,
        body: { user_id: c.viewer.id, scope: 'session' },
      }),
    );
    const me = ok(
      await api.call('GET', `/api/sessions/${c.sessionId}/bans/me`, { token: c.viewer.token }),
    );
    expect(me.banned).toBe(true);
  });
});
