// Rooms: the containers sessions are scheduled in.
import { z } from 'zod';
import { PaginationQuery, SearchTerm, paginated } from './common.ts';
import { Count, Description, Id, Seconds, Timestamp, Title, Visibility } from './fields.ts';

const roomFields = {
  name: Title,
  description: Description.optional(),
  visibility: Visibility.default('public'),
};

export const CreateRoomRequest = z.strictObject(roomFields).meta({ id: 'CreateRoomRequest' });
export type CreateRoomRequest = z.infer<typeof CreateRoomRequest>;

export const UpdateRoomRequest = z
  .strictObject({ ...roomFields, visibility: Visibility })
  .partial()
  .meta({ id: 'UpdateRoomRequest' });
export type UpdateRoomRequest = z.infer<typeof UpdateRoomRequest>;

export const RoomAnalytics = z
  .object({
    total_sessions: Count,
    live_sessions: Count,
    /** Distinct viewers over all sessions of the room. */
    total_viewers: Count,
    total_watch_seconds: Seconds,
  })
  .meta({ id: 'RoomAnalytics' });
export type RoomAnalytics = z.infer<typeof RoomAnalytics>;

/** `analytics` is present only for host-side callers. */
export const RoomResponse = z
  .object({
    id: Id,
    owner_id: Id,
    library_id: Id.optional(),
    name: z.string(),
    description: z.string().optional(),
    visibility: Visibility,
    analytics: RoomAnalytics.optional(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'RoomResponse' });
export type RoomResponse = z.infer<typeof RoomResponse>;

/** `GET /rooms?q=&page=&limit=` */
export const RoomListQuery = PaginationQuery.extend({ q: SearchTerm.optional() }).meta({
  id: 'RoomListQuery',
});
export type RoomListQuery = z.infer<typeof RoomListQuery>;

export const RoomListResponse = paginated(RoomResponse).meta({ id: 'RoomListResponse' });
export type RoomListResponse = z.infer<typeof RoomListResponse>;
