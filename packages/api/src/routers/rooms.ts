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
    method: 'GET',
    path: '/rooms',
    caller: 'public',
    input: RoomListQuery,
    output: RoomListResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.rooms.listPublic(input, ctx.libraryId),
  }),
  create: operation({
    name: 'Create a new room',
    method: 'POST',
    path: '/rooms',
    caller: 'host',
    input: CreateRoomRequest,
    output: RoomResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.rooms.create(ctx.actor!, input, ctx.libraryId),
  }),
  mine: operation({
    name: 'List my rooms',
    method: 'GET',
    path: '/rooms/mine',
    caller: 'host',
    input: RoomListQuery,
    output: RoomListResponse,
    libraryScoped: true,
    handle: ({ ctx, input }) => ctx.services.rooms.listMine(ctx.actor!, input, ctx.libraryId),
  }),
  get: operation({
    name: 'Get room by ID (public)',
    method: 'GET',
    path: '/rooms/{id}',
    caller: 'public',
    resource: 'room',
    input: IdParam,
    output: RoomResponse,
    libraryScoped: true,
    handle: ({ ctx }) => {
      const room = ctx.access!.room!;
      const hostSide =
        !!ctx.actor && (room.ownerId === ctx.actor.id || isHostSide(null, ctx.actor.role));
      return ctx.services.rooms.get(room, hostSide);
    },
  }),
  update: operation({
    name: 'Update a room',
    method: 'PATCH',
    path: '/rooms/{id}',
    caller: 'owner_or_admin',
    resource: 'room',
    input: UpdateRoomRequest.extend({ id: z.uuid() }),
    output: RoomResponse,
    libraryScoped: true,
    handle: ({ ctx, input: { id: _id, ...patch } }) =>
      ctx.services.rooms.update(ctx.access!.room!, patch),
  }),
  delete: operation({
    name: 'Delete a room',
    method: 'DELETE',
    path: '/rooms/{id}',
    caller: 'owner_or_admin',
    resource: 'room',
    input: IdParam,
    output: DeleteResponse,
    libraryScoped: true,
    handle: ({ ctx }) => ctx.services.rooms.delete(ctx.access!.room!),
  }),
};
