import {
  AddParticipantRoleRequest,
  Id,
  IdParam,
  PaginationQuery,
  SessionParticipantResponse,
  SessionParticipantsListResponse,
  SessionUserParam,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

const ParticipantRemovedResponse = z.object({
  session_id: Id,
  user_id: Id,
  role: z.enum(['cohost', 'moderator']),
  removed: z.literal(true),
});

interface Described {
  name: string;
  description: string;
}

/** Add and remove rows of one session role. */
const roleOps = (
  role: 'cohost' | 'moderator',
  caller: 'owner' | 'host_side',
  docs: { add: Described; remove: Described },
) => {
  const collection = `/sessions/{id}/${role}s` as const;
  return {
    add: operation({
      ...docs.add,
      method: 'POST',
      path: collection,
      caller,
      resource: 'session',
      input: AddParticipantRoleRequest.extend({ id: Id }),
      output: SessionParticipantResponse,
      handle: ({ ctx, input }) =>
        ctx.services.participants.appoint(ctx.access, { user_id: input.user_id, role }),
    }),
    remove: operation({
      ...docs.remove,
      method: 'DELETE',
      path: `${collection}/{user_id}`,
      caller,
      resource: 'session',
      input: SessionUserParam,
      output: ParticipantRemovedResponse,
      handle: ({ ctx, input }) =>
        ctx.services.participants.dismiss(ctx.access, { user_id: input.user_id, role }),
    }),
  };
};

const cohosts = roleOps('cohost', 'owner', {
  add: {
    name: 'Add a co-host to a session',
    description:
      "The room's owner (or an admin). Body: user_id. Makes the user a co-host (host side): a moderator is promoted; 404 for an unknown user, 409 for the room's owner.",
  },
  remove: {
    name: 'Remove a co-host from a session',
    description:
      "The room's owner (or an admin). 404 when the user is not a co-host of the session.",
  },
});
const moderators = roleOps('moderator', 'host_side', {
  add: {
    name: 'Add a moderator to a session',
    description:
      "Host side of the session. Body: user_id. Makes the user a moderator (staff); 404 for an unknown user, 409 for the room's owner or a co-host (not demoted).",
  },
  remove: {
    name: 'Remove a moderator from a session',
    description: 'Host side of the session. 404 when the user is not a moderator of the session.',
  },
});

export const participantsOps = {
  list: operation({
    name: 'Get session participants (co-hosts, moderators)',
    description:
      'Staff of the session. Its co-hosts and moderators in the order they were appointed; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/sessions/{id}/participants',
    caller: 'staff',
    resource: 'session',
    input: PaginationQuery.extend(IdParam.shape),
    output: SessionParticipantsListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.participants.list(ctx.access, query),
  }),
  addCohost: cohosts.add,
  removeCohost: cohosts.remove,
  addModerator: moderators.add,
  removeModerator: moderators.remove,
};
