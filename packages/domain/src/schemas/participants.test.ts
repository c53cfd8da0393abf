import { describe, expect, it } from 'vitest';
import { AT, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  AddParticipantRoleRequest,
  SessionParticipantResponse,
  SessionParticipantsListResponse,
} from './participants.ts';

describe('session participants', () => {
  it('are appointed by user_id', () => {
    const user_id = uuid();
    expect(parses(AddParticipantRoleRequest, { user_id })).toEqual({ user_id });
    rejectsAt(AddParticipantRoleRequest, { user_id, role: 'cohost' }, []);
  });

  it('are the owner, co-hosts and moderators', () => {
    const row = {
      session_id: uuid(),
      user_id: uuid(),
      display_name: 'Mia',
      role: 'moderator',
      added_at: AT,
      added_by: uuid(),
    };
    expect(parses(SessionParticipantResponse, row)).toEqual(row);
    rejectsAt(SessionParticipantResponse, { ...row, role: 'viewer' }, ['role']);
    const page = { items: [row], total: 1, page: 1, limit: 20 };
    expect(SessionParticipantsListResponse.safeParse(page).success).toBe(true);
  });
});
