// What chat, polls, stage, moderation and attendance share: the session the access middleware
// loaded, its settings, the lock that orders them against bans, and who a user is in a session.
import {
  DomainError,
  resolveSessionSettings,
  type SessionRole,
  type SessionSettings,
  type SessionSettingsPatch,
} from '@vidinfra/domain';
import type { Repositories, Room, Session, SessionParticipant, User } from '@vidinfra/db';
import type { ResourceAccess } from '../access.ts';

export interface LoadedSession {
  session: Session;
  room: Room;
}

/** The session and room the access middleware loaded for the operation. */
export function loadedSession(access: ResourceAccess): LoadedSession {
  if (!access.session || !access.room) throw new DomainError('NOT_FOUND', 'session not found');
  return { session: access.session, room: access.room };
}

export const settingsOf = (session: Session): SessionSettings =>
  resolveSessionSettings(session.settings as SessionSettingsPatch);

export const banScope = ({ session, room }: LoadedSession) => ({
  sessionId: session.id,
  roomId: room.id,
});

/**
 * Inside a transaction: takes the room lock that bans take too, then refuses `userId` when a ban
 * covers the session (BANNED, with `bannedMessage`). Returns the session's settings as they
 * stand under the lock.
 */
export async function lockAgainstBans(
  r: Repositories,
  loaded: LoadedSession,
  userId: string,
  now: Date,
  bannedMessage?: string,
): Promise<SessionSettings> {
  await r.bans.lockRoom(loaded.room.id);
  if (await r.bans.activeFor(userId, banScope(loaded), now)) {
    throw new DomainError('BANNED', bannedMessage);
  }
  const session = await r.sessions.findById(loaded.session.id);
  if (!session) throw new DomainError('NOT_FOUND', 'session not found');
  return settingsOf(session);
}

/** A user's role in the session from what is known about them. */
export function sessionRoleOf(
  room: Pick<Room, 'ownerId'>,
  userId: string,
  participantRole: SessionParticipant['role'] | null,
  onStage: boolean,
): SessionRole {
  if (room.ownerId === userId) return 'owner';
  if (participantRole) return participantRole;
  return onStage ? 'participant' : 'viewer';
}

/** The user (NOT_FOUND when there is none). */
export async function requireUser(repos: Repositories, userId: string): Promise<User> {
  const user = await repos.users.findById(userId);
  if (!user) throw new DomainError('NOT_FOUND', 'user not found');
  return user;
}
