// Bans: per session or for the whole room, optionally expiring.
import { z } from 'zod';
import { paginated } from './common.ts';
import { Id, Reason, Timestamp, userRef } from './fields.ts';

export const BanScope = z.enum(['session', 'room']).meta({ id: 'BanScope' });
export type BanScope = z.infer<typeof BanScope>;

export const BanParticipantRequest = z
  .strictObject({
    user_id: Id,
    reason: Reason.optional(),
    scope: BanScope.default('session'),
    /** Absent = permanent. */
    expires_at: Timestamp.optional(),
  })
  .meta({ id: 'BanParticipantRequest' });
export type BanParticipantRequest = z.infer<typeof BanParticipantRequest>;

export const BannedParticipantResponse = z
  .object({
    id: Id,
    /** The session the ban was issued in; absent for room bans issued outside one. */
    session_id: Id.optional(),
    room_id: Id,
    ...userRef,
    scope: BanScope,
    reason: z.string().optional(),
    banned_by: Id.optional(),
    created_at: Timestamp,
    expires_at: Timestamp.optional(),
  })
  .meta({ id: 'BannedParticipantResponse' });
export type BannedParticipantResponse = z.infer<typeof BannedParticipantResponse>;

export const BannedParticipantsListResponse = paginated(BannedParticipantResponse).meta({
  id: 'BannedParticipantsListResponse',
});
export type BannedParticipantsListResponse = z.infer<typeof BannedParticipantsListResponse>;

/** `GET /sessions/{id}/bans/me`. */
export const BanStatusResponse = z
  .object({
    banned: z.boolean(),
    scope: BanScope.optional(),
    reason: z.string().optional(),
    expires_at: Timestamp.optional(),
  })
  .meta({ id: 'BanStatusResponse' });
export type BanStatusResponse = z.infer<typeof BanStatusResponse>;

export const UnbanResponse = z
  .object({ session_id: Id, user_id: Id, unbanned: z.literal(true) })
  .meta({ id: 'UnbanResponse' });
