// Session staff appointments: co-hosts (named by the owner) and moderators (by the host side).
import {
  DomainError,
  type PaginationQuery,
  type SessionParticipantResponse,
  type SessionParticipantsListResponse,
} from '@vidinfra/domain';
import type { SessionParticipant } from '@vidinfra/db';
import type { Deps } from './deps.ts';
import { iso } from './mappers.ts';
import type { LoadedSession } from './access.ts';

type StaffRole = SessionParticipant['role'];

/** Who is given (or loses) which staff role. */
export interface StaffAppointment {
  user_id: string;
  role: StaffRole;
}

export interface ParticipantRemovedResponse {
  session_id: string;
  user_id: string;
  role: StaffRole;
  removed: true;
}

const view = (
  sessionId: string,
  row: { userId: string; role: StaffRole; createdAt: Date },
  displayName: string,
): SessionParticipantResponse => ({
  session_id: sessionId,
  user_id: row.userId,
  display_name: displayName,
  role: row.role,
  added_at: iso(row.createdAt),
});

export const participantsService = ({ db }: Deps) => ({
  /** Co-hosts and moderators, in the order they were appointed. */
  async list(
    { session }: LoadedSession,
    query: PaginationQuery,
  ): Promise<SessionParticipantsListResponse> {
    const rows = await db.repos.sessionParticipants.list(session.id);
    const start = (query.page - 1) * query.limit;
    return {
      items: rows
        .slice(start, start + query.limit)
        .map((row) => view(session.id, row, row.displayName)),
      total: rows.length,
      page: query.page,
      limit: query.limit,
    };
  },

  /**
   * Gives the user the role. The room's owner already outranks both (CONFLICT), and a co-host is
   * not demoted by being made a moderator (CONFLICT); a moderator made co-host is promoted.
   */
  async appoint(
    { session, room }: LoadedSession,
    { user_id: userId, role }: StaffAppointment,
  ): Promise<SessionParticipantResponse> {
    const user = await db.repos.users.findById(userId);
    if (!user) throw new DomainError('NOT_FOUND', 'user not found');
    if (user.id === room.ownerId) {
      throw new DomainError('CONFLICT', 'the room owner already runs this session');
    }
    const row = await db.repos.sessionParticipants.putUnless(
      session.id,
      userId,
      role,
      role === 'moderator' ? ['cohost'] : [],
    );
    if (!row) throw new DomainError('CONFLICT', 'this user is a co-host of the session');
    return view(session.id, row, user.displayName);
  },

  /** NOT_FOUND when the user does not have that role in the session. */
  async dismiss(
    { session }: LoadedSession,
    { user_id: userId, role }: StaffAppointment,
  ): Promise<ParticipantRemovedResponse> {
    if (!(await db.repos.sessionParticipants.remove(session.id, userId, role))) {
      throw new DomainError('NOT_FOUND', `this user is not a ${role} of the session`);
    }
    return { session_id: session.id, user_id: userId, role, removed: true };
  },
});
