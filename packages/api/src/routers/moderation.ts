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
    method: 'POST',
    path: '/sessions/{id}/bans',
    caller: 'staff',
    resource: 'session',
    input: BanParticipantRequest.extend({ id: Id }),
    output: BannedParticipantResponse,
    handle: ({ ctx, input: { id: _id, ...ban } }) =>
      ctx.services.moderation.ban(ctx.access!, ctx.actor!, ban),
  }),
  unban: operation({
    name: 'Unban a participant',
    method: 'DELETE',
    path: '/sessions/{id}/bans/{user_id}',
    caller: 'staff',
    resource: 'session',
    input: SessionUserParam,
    output: UnbanResponse,
    handle: ({ ctx, input }) => ctx.services.moderation.unban(ctx.access!, input.user_id),
  }),
  list: operation({
    name: 'Get banned participants list',
    method: 'GET',
    path: '/sessions/{id}/bans',
    caller: 'staff',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: BannedParticipantsListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.moderation.list(ctx.access!, query),
  }),
  mine: operation({
    name: 'Check if current user is banned',
    method: 'GET',
    path: '/sessions/{id}/bans/me',
    caller: 'any',
    resource: 'session',
    input: IdParam,
    output: BanStatusResponse,
    handle: ({ ctx }) => ctx.services.moderation.mine(ctx.access!, ctx.actor!),
  }),
};
