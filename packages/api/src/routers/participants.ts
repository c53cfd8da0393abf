import {
  AddParticipantRoleRequest,
  Id,
  IdParam,
  PaginationQuery,
  SessionParticipantResponse,
  SessionParticipantsListResponse,
  SessionUserParam,
  type Caller,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation, type OperationContext } from '../operation.ts';

const ParticipantRemovedResponse = z.object({
  session_id: Id,
  user_id: Id,
  role: z.enum(['cohost', 'moderator']),
  removed: z.literal(true),
});

const target = (ctx: OperationContext) => ({
  session: ctx.access!.session!,
  room: ctx.access!.room!,
});

/** Add and remove rows of one session role. */
const roleOps = (
  role: 'cohost' | 'moderator',
  caller: Caller,
  names: { add: string; remove: string },
) => {
  const collection = `/sessions/{id}/${role}s` as const;
  return {
    add: operation({
      name: names.add,
      method: 'POST',
      path: collection,
      caller,
      resource: 'session',
      input: AddParticipantRoleRequest.extend({ id: Id }),
      output: SessionParticipantResponse,
      handle: ({ ctx, input }) =>
        ctx.services.participants.appoint(target(ctx), input.user_id, role),
    }),
    remove: operation({
      name: names.remove,
      method: 'DELETE',
      path: `${collection}/{user_id}`,
      caller,
      resource: 'session',
      input: SessionUserParam,
      output: ParticipantRemovedResponse,
      handle: ({ ctx, input }) =>
        ctx.services.participants.dismiss(target(ctx), input.user_id, role),
    }),
  };
};

const cohosts = roleOps('cohost', 'owner', {
  add: 'Add a co-host to a session',
  remove: 'Remove a co-host from a session',
});
const moderators = roleOps('moderator', 'host_side', {
  add: 'Add a moderator to a session',
  remove: 'Remove a moderator from a session',
});

export const participantsOps = {
  list: operation({
    name: 'Get session participants (co-hosts, moderators)',
    method: 'GET',
    path: '/sessions/{id}/participants',
    caller: 'staff',
    resource: 'session',
    input: PaginationQuery.extend(IdParam.shape),
    output: SessionParticipantsListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.participants.list(target(ctx), query),
  }),
  addCohost: cohosts.add,
  removeCohost: cohosts.remove,
  addModerator: moderators.add,
  removeModerator: moderators.remove,
};
