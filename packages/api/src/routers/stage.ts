// Both stage sections of the contract: the attendee side (asking for the stage, leaving it, the
// stage token) and stage management by staff.
import {
  AddToStageRequest,
  HandRaiseListResponse,
  HandRaiseResponse,
  Id,
  IdParam,
  JoinRequestListResponse,
  JoinRequestParam,
  JoinRequestResponse,
  MyHandRaiseResponse,
  MyJoinRequestResponse,
  PaginationQuery,
  RaiseHandRequest,
  Reason,
  SessionUserParam,
  StageListResponse,
  StageParticipantResponse,
  StageTokenResponse,
  UpdateStagePermissionsRequest,
  CreateJoinRequestRequest,
  StageRemovalResponse,
} from '@vidinfra/domain';
import { operation } from '../operation.ts';

const attendeeOps = {
  raiseHand: operation({
    name: 'Raise hand to request stage access',
    description:
      "Attendees (signed in, not banned). Puts the caller's hand up with an optional message; staff see it in their queue in realtime. 403 HAND_RAISE_DISABLED when hand raising is off, 409 when the hand is already up.",
    method: 'POST',
    path: '/sessions/{id}/hand',
    caller: 'attendee',
    resource: 'session',
    input: RaiseHandRequest.extend({ id: Id }),
    output: HandRaiseResponse,
    handle: ({ ctx, input: { id: _id, ...hand } }) =>
      ctx.services.stage.raiseHand(ctx.access, ctx.actor, hand),
  }),
  lowerHand: operation({
    name: 'Lower hand',
    description:
      "Attendees (signed in, not banned). Withdraws the caller's raised hand; 404 when it is not raised.",
    method: 'DELETE',
    path: '/sessions/{id}/hand',
    caller: 'attendee',
    resource: 'session',
    input: IdParam,
    output: HandRaiseResponse,
    handle: ({ ctx }) => ctx.services.stage.lowerHand(ctx.access, ctx.actor),
  }),
  myHand: operation({
    name: 'Get my hand raise status',
    description:
      "Attendees (signed in, not banned). The caller's latest hand raise in the session (with its queue position while pending), or null.",
    method: 'GET',
    path: '/sessions/{id}/hand',
    caller: 'attendee',
    resource: 'session',
    input: IdParam,
    output: MyHandRaiseResponse,
    handle: ({ ctx }) => ctx.services.stage.myHand(ctx.access, ctx.actor),
  }),
  list: operation({
    name: 'Get current stage participants',
    description:
      "Attendees (signed in, not banned). Who is on stage with their publish permissions, and the session's stage size limit.",
    method: 'GET',
    path: '/sessions/{id}/stage',
    caller: 'attendee',
    resource: 'session',
    input: IdParam,
    output: StageListResponse,
    handle: ({ ctx }) => ctx.services.stage.list(ctx.access),
  }),
  leave: operation({
    name: 'Leave the stage',
    description:
      'Stage participants. Takes the caller off the stage; their stage media token stops working.',
    method: 'POST',
    path: '/sessions/{id}/stage/leave',
    caller: 'stage_participant',
    resource: 'session',
    input: IdParam,
    output: StageRemovalResponse,
    handle: ({ ctx }) => ctx.services.stage.leave(ctx.access, ctx.actor),
  }),
  token: operation({
    name: 'Get a stage token for LiveKit',
    description:
      "Stage participants. A media token that may publish what the caller's stage permissions allow (audio, video, screen), and no more; fetched again when it expires. 503 when the media backend is unavailable.",
    method: 'POST',
    path: '/sessions/{id}/stage/token',
    caller: 'stage_participant',
    resource: 'session',
    input: IdParam,
    output: StageTokenResponse,
    handle: ({ ctx }) => ctx.services.stage.token(ctx.access, ctx.actor),
  }),
  requestToJoin: operation({
    name: 'Create a join request',
    description:
      'Attendees (signed in, not banned). Asks the staff to be brought on stage, with an optional message. 403 JOIN_REQUESTS_DISABLED when join requests are off, 409 when one is already pending.',
    method: 'POST',
    path: '/sessions/{id}/join_requests',
    caller: 'attendee',
    resource: 'session',
    input: CreateJoinRequestRequest.extend({ id: Id }),
    output: JoinRequestResponse,
    handle: ({ ctx, input: { id: _id, ...request } }) =>
      ctx.services.stage.requestToJoin(ctx.access, ctx.actor, request),
  }),
  myJoinRequest: operation({
    name: 'Get my join request status',
    description:
      "Attendees (signed in, not banned). The caller's latest join request in the session, or null.",
    method: 'GET',
    path: '/sessions/{id}/join_requests/me',
    caller: 'attendee',
    resource: 'session',
    input: IdParam,
    output: MyJoinRequestResponse,
    handle: ({ ctx }) => ctx.services.stage.myJoinRequest(ctx.access, ctx.actor),
  }),
};

const managementOps = {
  add: operation({
    name: 'Add participant to stage',
    description:
      'Host side of the session. Body: user_id, permissions. Brings the user on stage directly; 403 BANNED when the user is banned here, 409 STAGE_FULL at the stage size limit.',
    method: 'POST',
    path: '/sessions/{id}/stage',
    caller: 'host_side',
    resource: 'session',
    input: AddToStageRequest.extend({ id: Id }),
    output: StageParticipantResponse,
    handle: ({ ctx, input: { id: _id, ...request } }) =>
      ctx.services.stage.add(ctx.access, ctx.actor, request),
  }),
  remove: operation({
    name: 'Remove participant from stage',
    description:
      'Host side of the session. Takes the user off the stage with an optional reason; their media token stops working. 404 when they are not on stage.',
    method: 'DELETE',
    path: '/sessions/{id}/stage/{user_id}',
    caller: 'host_side',
    resource: 'session',
    input: SessionUserParam.extend({ reason: Reason.optional() }),
    output: StageRemovalResponse,
    handle: ({ ctx, input: { id: _id, ...removal } }) =>
      ctx.services.stage.remove(ctx.access, removal),
  }),
  updatePermissions: operation({
    name: 'Update stage participant permissions',
    description:
      'Host side of the session. Sets can_publish_audio / can_publish_video / can_publish_screen of someone on stage (404 otherwise); the participant receives the change in realtime.',
    method: 'PATCH',
    path: '/sessions/{id}/stage/{user_id}',
    caller: 'host_side',
    resource: 'session',
    input: UpdateStagePermissionsRequest.extend({ id: Id, user_id: Id }),
    output: StageParticipantResponse,
    handle: ({ ctx, input: { id: _id, ...change } }) =>
      ctx.services.stage.updatePermissions(ctx.access, change),
  }),
  joinRequests: operation({
    name: 'Get pending join requests',
    description:
      'Staff of the session. The join requests waiting for an answer, oldest first; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/sessions/{id}/join_requests',
    caller: 'staff',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: JoinRequestListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.stage.pendingJoinRequests(ctx.access, query),
  }),
  approveJoinRequest: operation({
    name: 'Approve a join request',
    description:
      'Host side of the session. Brings the requester on stage (409 STAGE_FULL at the limit, 403 BANNED when banned); 404 when the request is not of this session, 409 when it was already answered.',
    method: 'POST',
    path: '/sessions/{id}/join_requests/{request_id}/approve',
    caller: 'host_side',
    resource: 'session',
    input: JoinRequestParam,
    output: JoinRequestResponse,
    handle: ({ ctx, input }) =>
      ctx.services.stage.approveJoinRequest(ctx.access, ctx.actor, input.request_id),
  }),
  rejectJoinRequest: operation({
    name: 'Reject a join request',
    description:
      'Staff of the session. Declines the request; 404 when it is not of this session, 409 when it was already answered.',
    method: 'POST',
    path: '/sessions/{id}/join_requests/{request_id}/reject',
    caller: 'staff',
    resource: 'session',
    input: JoinRequestParam,
    output: JoinRequestResponse,
    handle: ({ ctx, input }) =>
      ctx.services.stage.rejectJoinRequest(ctx.access, ctx.actor, input.request_id),
  }),
  hands: operation({
    name: 'Get pending hand raises',
    description:
      'Staff of the session. Raised hands in queue order, with positions; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/sessions/{id}/hands',
    caller: 'staff',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: HandRaiseListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.stage.pendingHands(ctx.access, query),
  }),
  approveHand: operation({
    name: 'Approve a hand raise',
    description:
      'Host side of the session. Brings the user whose hand is up on stage (409 STAGE_FULL at the limit, 403 BANNED when banned); 404 when their hand is not raised.',
    method: 'POST',
    path: '/sessions/{id}/hands/{user_id}/approve',
    caller: 'host_side',
    resource: 'session',
    input: SessionUserParam,
    output: HandRaiseResponse,
    handle: ({ ctx, input }) =>
      ctx.services.stage.approveHand(ctx.access, ctx.actor, input.user_id),
  }),
  rejectHand: operation({
    name: 'Reject a hand raise',
    description:
      "Staff of the session. Lowers the user's hand without bringing them on stage; 404 when it is not raised.",
    method: 'POST',
    path: '/sessions/{id}/hands/{user_id}/reject',
    caller: 'staff',
    resource: 'session',
    input: SessionUserParam,
    output: HandRaiseResponse,
    handle: ({ ctx, input }) => ctx.services.stage.rejectHand(ctx.access, ctx.actor, input.user_id),
  }),
};

export const stageOps = { ...attendeeOps, ...managementOps };
