import { describe, expect, it } from 'vitest';
import { AT, LATER, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  BanParticipantRequest,
  BanStatusResponse,
  BannedParticipantResponse,
  BannedParticipantsListResponse,
} from './moderation.ts';

describe('BanParticipantRequest', () => {
  const user_id = uuid();

  it('bans from the session by default', () => {
    expect(parses(BanParticipantRequest, { user_id })).toEqual({ user_id, scope: 'session' });
  });

  it('takes a reason, a room scope and an expiry', () => {
    const input = { user_id, reason: ' spam ', scope: 'room', expires_at: LATER };
    expect(parses(BanParticipantRequest, input)).toEqual({ ...input, reason: 'spam' });
  });

  it('rejects bad scope, expiry, reason and unknown keys', () => {
    rejectsAt(BanParticipantRequest, { user_id, scope: 'platform' }, ['scope']);
    rejectsAt(BanParticipantRequest, { user_id, expires_at: 'tomorrow' }, ['expires_at']);
    rejectsAt(BanParticipantRequest, { user_id, reason: 'r'.repeat(501) }, ['reason']);
    rejectsAt(BanParticipantRequest, { user_id, silent: true }, []);
  });
});

describe('ban responses', () => {
  const ban = {
    id: uuid(),
    session_id: uuid(),
    room_id: uuid(),
    user_id: uuid(),
    display_name: 'Spammer',
    scope: 'room',
    reason: 'spam',
    banned_by: uuid(),
    created_at: AT,
  };

  it('allow room bans without a session and bans by the system', () => {
    const { session_id: _s, banned_by: _b, ...roomBan } = ban;
    expect(BannedParticipantResponse.safeParse(roomBan).success).toBe(true);
  });

  it('list bans in pages', () => {
    expect(parses(BannedParticipantResponse, ban)).toEqual(ban);
    const page = { items: [ban], total: 1, page: 1, limit: 20 };
    expect(BannedParticipantsListResponse.safeParse(page).success).toBe(true);
  });

  it('tell callers whether they are banned', () => {
    expect(parses(BanStatusResponse, { banned: false })).toEqual({ banned: false });
    expect(BanStatusResponse.safeParse({ banned: true, scope: 'session' }).success).toBe(true);
  });
});
