import {
  CreateRoomRequest,
  IdParam,
  isHostSide,
  RoomListQuery,
  RoomListResponse,
  RoomResponse,
  UpdateRoomRequest,
  DeleteResponse,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

export const roomOps = {
  list: operation({
    name: 'List all rooms (public)',
    description:
      'Public. Public rooms only (private ones are unlisted), searchable with `q`; paginated with `page` and `limit`.',
    method: 'GET',
    path: '/rooms',
    caller: 'public',
    input: RoomListQuery,
    output: RoomListResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.rooms.listPublic(ctx.libraryId, input),
  }),
  create: operation({
    name: 'Create a new room',
    description:
      'Hosts (and admins). Name, description, visibility (public or private, i.e. unlisted); owned by the caller, and by the library when created under one.',
    method: 'POST',
    path: '/rooms',
    caller: 'host',
    input: CreateRoomRequest,
    output: RoomResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.rooms.create(ctx.libraryId, ctx.actor, input),
  }),
  mine: operation({
    name: 'List my rooms',
    description:
      "Hosts (and admins). The caller's rooms with their analytics; paginated with `page` and `limit`.",
    method: 'GET',
    path: '/rooms/mine',
    caller: 'host',
    input: RoomListQuery,
    output: RoomListResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.rooms.listMine(ctx.libraryId, ctx.actor, input),
  }),
  get: operation({
    name: 'Get room by ID (public)',
    description:
      'Public for public rooms; a private (unlisted) room needs a signed-in caller (401). Analytics (sessions, viewers, watch time) only for the host side.',
    method: 'GET',
    path: '/rooms/{id}',
    caller: 'public',
    resource: 'room',
    input: IdParam,
    output: RoomResponse,
    libraryScoped: true,
    handle: ({ ctx }) => {
      const { room } = ctx.access;
      const hostSide =
        !!ctx.actor && (room.ownerId === ctx.actor.id || isHostSide(null, ctx.actor.role));
      return ctx.services.rooms.get(room, hostSide);
    },
  }),
  update: operation({
    name: 'Update a room',
    description: "The room's owner or an admin. Name, description, visibility.",
    method: 'PATCH',
    path: '/rooms/{id}',
    caller: 'owner_or_admin',
    resource: 'room',
    input: UpdateRoomRequest.extend({ id: z.uuid() }),
    output: RoomResponse,
    libraryScoped: true,
    handle: ({ ctx, input: { id: _id, ...patch } }) =>
      ctx.services.rooms.update(ctx.access.room, patch),
  }),
  delete: operation({
    name: 'Delete a room',
    description:
      "The room's owner or an admin. Refused with 409 SESSION_LIVE while one of its sessions is live.",
    method: 'DELETE',
    path: '/rooms/{id}',
    caller: 'owner_or_admin',
    resource: 'room',
    input: IdParam,
    output: DeleteResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.rooms.delete(ctx.access.room),
  }),
};
