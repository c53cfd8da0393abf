import {
  BanParticipantRequest,
  BannedParticipantResponse,
  BannedParticipantsListResponse,
  BanStatusResponse,
  Id,
  IdParam,
  PaginationQuery,
  SessionUserParam,
  UnbanResponse,
} from '@vidinfra/domain';
import { operation } from '../operation.ts';

export const moderationOps = {
  ban: operation({
    name: 'Ban a participant',
    description:
      'Staff of the session. Bars the user from this session or (`scope: room`) every session of its room, optionally until `expires_at`. Takes them off the stage and out of the stage queues and the media room. 422 for the host side (never banned), 409 ALREADY_EXISTS when a ban already covers them.',
    method: 'POST',
    path: '/sessions/{id}/bans',
    caller: 'staff',
    resource: 'session',
    input: BanParticipantRequest.extend({ id: Id }),
    output: BannedParticipantResponse,
    handle: ({ ctx, input: { id: _id, ...ban } }) =>
      ctx.services.moderation.ban(ctx.access, ctx.actor, ban),
  }),
  unban: operation({
    name: 'Unban a participant',
    description:
      "Staff of the session. Lifts every ban in force on the user here (the session's and the room's); 404 when they are not banned.",
    method: 'DELETE',
    path: '/sessions/{id}/bans/{user_id}',
    caller: 'staff',
    resource: 'session',
    input: SessionUserParam,
    output: UnbanResponse,
    handle: ({ ctx, input }) => ctx.services.moderation.unban(ctx.access, input.user_id),
  }),
  list: operation({
    name: 'Get banned participants list',
    description:
      'Staff of the session. The bans in force here (session and room), paginated with `page` and `limit`.',
    method: 'GET',
    path: '/sessions/{id}/bans',
    caller: 'staff',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: BannedParticipantsListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.moderation.list(ctx.access, query),
  }),
  mine: operation({
    name: 'Check if current user is banned',
    description:
      'Any signed-in caller. Whether a ban covers the caller in this session, with its scope, reason and expiry.',
    method: 'GET',
    path: '/sessions/{id}/bans/me',
    caller: 'any',
    resource: 'session',
    input: IdParam,
    output: BanStatusResponse,
    handle: ({ ctx }) => ctx.services.moderation.mine(ctx.access, ctx.actor),
  }),
};
