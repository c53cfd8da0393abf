// Session staff appointments: co-hosts (by the owner) and moderators (by the host side).
import { z } from 'zod';
import { paginated } from './common.ts';
import { Id, Timestamp, userRef } from './fields.ts';

export const AddParticipantRoleRequest = z
  .strictObject({ user_id: Id })
  .meta({ id: 'AddParticipantRoleRequest' });
export type AddParticipantRoleRequest = z.infer<typeof AddParticipantRoleRequest>;

export const StaffRole = z.enum(['owner', 'cohost', 'moderator']).meta({ id: 'StaffRole' });
export type StaffRole = z.infer<typeof StaffRole>;

export const SessionParticipantResponse = z
  .object({
    session_id: Id,
    ...userRef,
    role: StaffRole,
    added_at: Timestamp,
    /** Absent for the owner, whose role comes from owning the room. */
    added_by: Id.optional(),
  })
  .meta({ id: 'SessionParticipantResponse' });
export type SessionParticipantResponse = z.infer<typeof SessionParticipantResponse>;

export const SessionParticipantsListResponse = paginated(SessionParticipantResponse).meta({
  id: 'SessionParticipantsListResponse',
});
export type SessionParticipantsListResponse = z.infer<typeof SessionParticipantsListResponse>;
