// Bans: staff bar a user from a session or its whole room, optionally until a time. A ban takes
// the user off the stage and out of the stage queues (of every session of the room, for a room
// ban); the access rules refuse them from then on.
import {
  DomainError,
  isHostSide,
  type BanParticipantRequest,
  type BannedParticipantResponse,
  type BannedParticipantsListResponse,
  type BanStatusResponse,
  type PaginationQuery,
} from '@vidinfra/domain';
import type { User } from '@vidinfra/db';
import type { LoadedSession } from './access.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { recordEvent } from './events.ts';
import { revokeMediaAccess } from './media-access.ts';
import { isoOrUndefined, orUndefined } from './mappers.ts';
import { banScope, requireUser } from './engagement/shared.ts';
import { takeOffStage, withdrawStageRequests } from './engagement/stage-moves.ts';
import { toBannedParticipantResponse } from './engagement/wire.ts';

export const moderationService = ({ db, media, now }: Deps) => {
  /** The host side (owner, co-hosts, admins) can never be banned. */
  const refuseHostSide = async ({ session, room }: LoadedSession, user: User) => {
    const participantRole = await db.repos.sessionParticipants.roleOf(session.id, user.id);
    const sessionRole = room.ownerId === user.id ? 'owner' : participantRole;
    if (isHostSide(sessionRole, user.role)) {
      throw new DomainError('BUSINESS_RULE', 'the host side cannot be banned');
    }
  };

  const expiryOf = (input: BanParticipantRequest, at: Date): Date | null => {
    if (!input.expires_at) return null;
    const expiresAt = new Date(input.expires_at);
    if (expiresAt <= at) {
      const message = 'must be in the future';
      throw new DomainError('VALIDATION_ERROR', `expires_at ${message}`, {
        details: [{ field: 'expires_at', message }],
      });
    }
    return expiresAt;
  };

  return {
    /**
     * Bans the user under the room lock that chat, votes and stage moves take, so nothing the ban
     * forbids commits after it. A room ban may follow a session ban; anything else already in
     * force is ALREADY_EXISTS.
     */
    async ban(
      target: LoadedSession,
      actor: Actor,
      input: BanParticipantRequest,
    ): Promise<BannedParticipantResponse> {
      const { session, room } = target;
      const at = now();
      const expiresAt = expiryOf(input, at);
      const user = await requireUser(db.repos, input.user_id);
      await refuseHostSide(target, user);
      const { response, cleared } = await db.transaction(async (r) => {
        await r.bans.lockRoom(room.id);
        const existing = await r.bans.activeFor(user.id, banScope(target), at);
        if (existing && (existing.scope === 'room' || input.scope === 'session')) {
          throw new DomainError('ALREADY_EXISTS', 'the user is already banned here');
        }
        const ban = await r.bans.create({
          roomId: room.id,
          sessionId: session.id,
          userId: user.id,
          scope: input.scope,
          reason: input.reason ?? null,
          expiresAt,
          createdBy: actor.id,
        });
        const cleared =
          input.scope === 'room' ? await r.stage.sessionsInvolving(room.id, user.id) : [session.id];
        for (const sessionId of cleared) {
          await takeOffStage(r, sessionId, user.id, 'banned');
          await withdrawStageRequests(r, sessionId, user.id);
        }
        const response = toBannedParticipantResponse(ban, user.displayName);
        await recordEvent(r, 'moderation.banned', session.id, response);
        return { response, cleared };
      });
      // Out of this session's media room, and of every session whose stage the ban cleared.
      await revokeMediaAccess(media, [...new Set([session.id, ...cleared])], user.id);
      return response;
    },

    /** Lifts every ban in force on the user here (the session's and the room's). */
    async unban(target: LoadedSession, userId: string) {
      const sessionId = target.session.id;
      return db.transaction(async (r) => {
        await r.bans.lockRoom(target.room.id);
        if (!(await r.bans.lift(userId, banScope(target), now()))) {
          throw new DomainError('NOT_FOUND', 'the user is not banned here');
        }
        await recordEvent(r, 'moderation.unbanned', sessionId, {
          session_id: sessionId,
          user_id: userId,
        });
        return { session_id: sessionId, user_id: userId, unbanned: true as const };
      });
    },

    async list(
      target: LoadedSession,
      query: PaginationQuery,
    ): Promise<BannedParticipantsListResponse> {
      const page = await db.repos.bans.pageActive(banScope(target), query, now());
      return {
        ...page,
        items: page.items.map((row) => toBannedParticipantResponse(row.ban, row.displayName)),
      };
    },

    async mine(target: LoadedSession, actor: Actor): Promise<BanStatusResponse> {
      const ban = await db.repos.bans.activeFor(actor.id, banScope(target), now());
      if (!ban) return { banned: false };
      return {
        banned: true,
        scope: ban.scope,
        reason: orUndefined(ban.reason),
        expires_at: isoOrUndefined(ban.expiresAt),
      };
    },
  };
};
