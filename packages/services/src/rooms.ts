import {
  DomainError,
  type CreateRoomRequest,
  type RoomAnalytics,
  type RoomListQuery,
  type RoomListResponse,
  type RoomResponse,
  type UpdateRoomRequest,
} from '@vidinfra/domain';
import type { Room } from '@vidinfra/db';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { toRoomResponse } from './mappers.ts';
import { watchSeconds } from './attendance-math.ts';

export const roomsService = ({ db, now }: Deps) => {
  const analytics = async (room: Room): Promise<RoomAnalytics> => {
    const [total, live, intervals] = await Promise.all([
      db.repos.sessions.countInRoom(room.id),
      db.repos.sessions.countInRoom(room.id, 'live'),
      db.repos.attendance.intervalsInRoom(room.id),
    ]);
    return {
      total_sessions: total,
      live_sessions: live,
      total_viewers: new Set(intervals.map((i) => i.userId)).size,
      total_watch_seconds: watchSeconds(intervals, now()),
    };
  };

  return {
    async create(
      libraryId: string | null,
      actor: Actor,
      input: CreateRoomRequest,
    ): Promise<RoomResponse> {
      const room = await db.repos.rooms.create({
        ownerId: actor.id,
        libraryId,
        name: input.name,
        description: input.description ?? null,
        visibility: input.visibility,
      });
      return toRoomResponse(room, await analytics(room));
    },

    /** `withAnalytics` for host-side callers only. */
    async get(room: Room, withAnalytics: boolean): Promise<RoomResponse> {
      return toRoomResponse(room, withAnalytics ? await analytics(room) : undefined);
    },

    async listPublic(libraryId: string | null, query: RoomListQuery): Promise<RoomListResponse> {
      const page = await db.repos.rooms.listPublic({ ...query, libraryId: libraryId ?? undefined });
      return { ...page, items: page.items.map((room) => toRoomResponse(room)) };
    },

    async listMine(
      libraryId: string | null,
      actor: Actor,
      query: RoomListQuery,
    ): Promise<RoomListResponse> {
      const page = await db.repos.rooms.listByOwner(actor.id, {
        ...query,
        libraryId: libraryId ?? undefined,
      });
      const items = await Promise.all(
        page.items.map(async (room) => toRoomResponse(room, await analytics(room))),
      );
      return { ...page, items };
    },

    async update(room: Room, patch: UpdateRoomRequest): Promise<RoomResponse> {
      const updated = await db.repos.rooms.update(room.id, patch);
      if (!updated) throw new DomainError('NOT_FOUND', 'room not found');
      return toRoomResponse(updated, await analytics(updated));
    },

    /** Refuses while one of the room's sessions is live. */
    async delete(room: Room): Promise<{ id: string; deleted: true }> {
      return db.transaction(async (r) => {
        if ((await r.sessions.countInRoom(room.id, 'live')) > 0) {
          throw new DomainError('SESSION_LIVE', 'the room has a live session; end it first');
        }
        await r.rooms.delete(room.id);
        return { id: room.id, deleted: true as const };
      });
    },
  };
};
