import {
  AddLibraryMemberRequest,
  CreateLibraryRequest,
  Id,
  LibraryListResponse,
  LibraryMemberListResponse,
  LibraryMemberParam,
  LibraryMemberResponse,
  LibraryParam,
  LibraryResponse,
  PaginationQuery,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

const RemoveMemberResponse = z.object({
  library_id: Id,
  user_id: Id,
  removed: z.literal(true),
});

export const librariesOps = {
  create: operation({
    name: 'Create New Library',
    description: 'Hosts (and admins). Creates a library; the creator becomes its owner member.',
    method: 'POST',
    path: '/libraries',
    caller: 'host',
    input: CreateLibraryRequest,
    output: LibraryResponse,
    handle: ({ ctx, input }) => ctx.services.libraries.create(ctx.actor, input),
  }),
  list: operation({
    name: 'Get Library List',
    description:
      'Any signed-in caller. The libraries the caller belongs to, with their role and member count; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/libraries',
    caller: 'any',
    input: PaginationQuery,
    output: LibraryListResponse,
    handle: ({ ctx, input }) => ctx.services.libraries.listMine(ctx.actor, input),
  }),
  get: operation({
    name: 'Get Library Details',
    description:
      "Members of the library. The library with the caller's role and its member count; 404 when there is none.",
    method: 'GET',
    path: '/libraries/{library_id}',
    caller: 'member',
    resource: 'library',
    input: LibraryParam,
    output: LibraryResponse,
    handle: ({ ctx }) => ctx.services.libraries.get(ctx.access),
  }),
  members: operation({
    name: 'Members',
    description:
      'Members of the library. Its members with their roles; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/libraries/{library_id}/members',
    caller: 'member',
    resource: 'library',
    input: PaginationQuery.extend({ library_id: Id }),
    output: LibraryMemberListResponse,
    handle: ({ ctx, input: { library_id, ...query } }) =>
      ctx.services.libraries.members(library_id, query),
  }),
  addMember: operation({
    name: 'Add Member',
    description:
      "Owners of the library. Adds the user with the role (owner or member), or changes a member's role; 404 for an unknown user, 409 when it would leave the library without an owner.",
    method: 'POST',
    path: '/libraries/{library_id}/members',
    caller: 'library_owner',
    resource: 'library',
    input: AddLibraryMemberRequest.extend({ library_id: Id }),
    output: LibraryMemberResponse,
    handle: ({ ctx, input: { library_id, ...member } }) =>
      ctx.services.libraries.putMember(library_id, member),
  }),
  removeMember: operation({
    name: 'Remove Member',
    description:
      'Owners of the library. Removes the member; 404 when the user is not a member, 409 when they are its last owner.',
    method: 'DELETE',
    path: '/libraries/{library_id}/members/{user_id}',
    caller: 'library_owner',
    resource: 'library',
    input: LibraryMemberParam,
    output: RemoveMemberResponse,
    handle: ({ ctx, input }) =>
      ctx.services.libraries.removeMember(input.library_id, input.user_id),
  }),
};
