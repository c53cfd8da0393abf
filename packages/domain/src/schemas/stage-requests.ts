// Asking for the stage: hand raises (a queue) and join requests, and how staff resolve them.
import { z } from 'zod';
import { paginated } from './common.ts';
import { Id, Timestamp, trimmedText, userRef } from './fields.ts';

export const RaiseHandRequest = z
  .strictObject({ message: trimmedText(1, 200).optional() })
  .meta({ id: 'RaiseHandRequest' });
export type RaiseHandRequest = z.infer<typeof RaiseHandRequest>;

/** Where a hand raise or join request stands: `withdrawn` = lowered / cancelled by its author. */
export const StageRequestStatus = z
  .enum(['pending', 'approved', 'rejected', 'withdrawn'])
  .meta({ id: 'StageRequestStatus' });
export type StageRequestStatus = z.infer<typeof StageRequestStatus>;

const resolution = {
  status: StageRequestStatus,
  resolved_at: Timestamp.optional(),
  /** The staff member who approved or rejected it. */
  resolved_by: Id.optional(),
};

export const HandRaiseResponse = z
  .object({
    id: Id,
    session_id: Id,
    ...userRef,
    message: z.string().optional(),
    /** 1-based place in the queue while `pending`; absent once resolved. */
    position: z.number().int().min(1).optional(),
    raised_at: Timestamp,
    ...resolution,
  })
  .meta({ id: 'HandRaiseResponse' });
export type HandRaiseResponse = z.infer<typeof HandRaiseResponse>;

/** `GET /sessions/{id}/hand`: the caller's latest hand raise, or null. */
export const MyHandRaiseResponse = z
  .object({ hand: HandRaiseResponse.nullable() })
  .meta({ id: 'MyHandRaiseResponse' });
export type MyHandRaiseResponse = z.infer<typeof MyHandRaiseResponse>;

export const HandRaiseListResponse = paginated(HandRaiseResponse).meta({
  id: 'HandRaiseListResponse',
});
export type HandRaiseListResponse = z.infer<typeof HandRaiseListResponse>;

export const JoinRequestResponse = z
  .object({
    id: Id,
    session_id: Id,
    ...userRef,
    message: z.string().optional(),
    created_at: Timestamp,
    ...resolution,
  })
  .meta({ id: 'JoinRequestResponse' });
export type JoinRequestResponse = z.infer<typeof JoinRequestResponse>;

/** `GET /sessions/{id}/join_requests/me`: the caller's latest join request, or null. */
export const MyJoinRequestResponse = z
  .object({ request: JoinRequestResponse.nullable() })
  .meta({ id: 'MyJoinRequestResponse' });
export type MyJoinRequestResponse = z.infer<typeof MyJoinRequestResponse>;

export const JoinRequestListResponse = paginated(JoinRequestResponse).meta({
  id: 'JoinRequestListResponse',
});
export type JoinRequestListResponse = z.infer<typeof JoinRequestListResponse>;

/** `POST /sessions/{id}/join_requests`: an optional note to staff, like a hand raise's. */
export const CreateJoinRequestRequest = z
  .strictObject({ message: trimmedText(1, 200).optional() })
  .meta({ id: 'CreateJoinRequestRequest' });
export type CreateJoinRequestRequest = z.infer<typeof CreateJoinRequestRequest>;
