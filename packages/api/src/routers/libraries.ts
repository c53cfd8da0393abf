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
    method: 'POST',
    path: '/libraries',
    caller: 'host',
    input: CreateLibraryRequest,
    output: LibraryResponse,
    handle: ({ ctx, input }) => ctx.services.libraries.create(ctx.actor!, input),
  }),
  list: operation({
    name: 'Get Library List',
    method: 'GET',
    path: '/libraries',
    caller: 'any',
    input: PaginationQuery,
    output: LibraryListResponse,
    handle: ({ ctx, input }) => ctx.services.libraries.listMine(ctx.actor!, input),
  }),
  get: operation({
    name: 'Get Library Details',
    method: 'GET',
    path: '/libraries/{library_id}',
    caller: 'member',
    resource: 'library',
    input: LibraryParam,
    output: LibraryResponse,
    handle: ({ ctx, input }) =>
      ctx.services.libraries.get(input.library_id, ctx.access!.context.libraryRole!),
  }),
  members: operation({
    name: 'Members',
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
