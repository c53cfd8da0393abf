// What chat, polls, stage, moderation and attendance share: the scope of a session's bans, the
// lock that orders them against bans, and the user an operation names.
import { DomainError, type SessionSettings } from '@vidinfra/domain';
import type { Repositories, User } from '@vidinfra/db';
import type { LoadedSession } from '../access.ts';
import { settingsOf } from '../session-facts.ts';

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

/** The user (NOT_FOUND when there is none). */
export async function requireUser(repos: Repositories, userId: string): Promise<User> {
  const user = await repos.users.findById(userId);
  if (!user) throw new DomainError('NOT_FOUND', 'user not found');
  return user;
}
