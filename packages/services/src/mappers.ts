// Rows as the wire shows them: snake_case keys, ISO times, absent instead of null.
import type { RoomAnalytics, RoomResponse, SessionResponse, UserResponse } from '@vidinfra/domain';
import type { Room, Session, User } from '@vidinfra/db';
import { settingsOf } from './session-facts.ts';

export const iso = (date: Date): string => date.toISOString();
export const isoOrUndefined = (date: Date | null | undefined): string | undefined =>
  date ? date.toISOString() : undefined;
export const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

export const toUserResponse = (user: User): UserResponse => ({
  id: user.id,
  email: orUndefined(user.email),
  display_name: user.displayName,
  role: user.role,
  disabled: user.disabled,
  created_at: iso(user.createdAt),
});

export const toRoomResponse = (room: Room, analytics?: RoomAnalytics): RoomResponse => ({
  id: room.id,
  owner_id: room.ownerId,
  library_id: orUndefined(room.libraryId),
  name: room.name,
  description: orUndefined(room.description),
  visibility: room.visibility,
  analytics,
  created_at: iso(room.createdAt),
  updated_at: iso(room.updatedAt ?? room.createdAt),
});

export const toSessionResponse = (
  session: Session,
  room: Pick<Room, 'libraryId'>,
  viewerCount = 0,
): SessionResponse => ({
  id: session.id,
  room_id: session.roomId,
  library_id: orUndefined(room.libraryId),
  preset_id: orUndefined(session.presetId),
  title: session.title,
  description: orUndefined(session.description),
  status: session.status,
  scheduled_at: iso(session.scheduledAt),
  started_at: isoOrUndefined(session.startedAt),
  live_at: isoOrUndefined(session.liveAt),
  ended_at: isoOrUndefined(session.endedAt),
  settings: settingsOf(session),
  viewer_count: viewerCount,
  host_media: { video: !session.hostVideoOff, audio: !session.hostAudioOff },
  created_at: iso(session.createdAt),
  updated_at: iso(session.updatedAt ?? session.createdAt),
});
