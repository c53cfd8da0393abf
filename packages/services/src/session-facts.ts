// What a session's rows say on their own: the settings it runs with and who a user is in it.
import {
  resolveSessionSettings,
  type SessionRole,
  type SessionSettings,
  type SessionSettingsPatch,
} from '@vidinfra/domain';
import type { Room, Session, SessionParticipant } from '@vidinfra/db';

/** The full settings the session runs with. */
export const settingsOf = (session: Pick<Session, 'settings'>): SessionSettings =>
  resolveSessionSettings(session.settings as SessionSettingsPatch);

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
