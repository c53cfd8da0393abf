// Session chat: sending under the session's settings, slow mode, a per-user rate limit and bans;
// newest-first cursor pages; soft delete by the author or staff.
import {
  DomainError,
  isStaff,
  type ChatCursorQuery,
  type ChatMessageResponse,
  type ChatMessagesResponse,
  type CreateChatMessageRequest,
} from '@vidinfra/domain';
import type { Repositories } from '@vidinfra/db';
import type { LoadedSession, SessionAccess } from './access.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { recordEvent } from './events.ts';
import { lockAgainstBans } from './engagement/shared.ts';
import { sessionRoleOf } from './session-facts.ts';
import { toChatMessageResponse } from './engagement/wire.ts';

/** Every author, staff included, may send this many messages per window in one session. */
export const CHAT_RATE_LIMIT = Object.freeze({ messages: 10, windowSeconds: 10 });

const secondsUntil = (at: number, now: Date) => Math.max(1, Math.ceil((at - now.getTime()) / 1000));

/**
 * Refuses a message that comes too soon: RATE_LIMITED past the per-user limit, SLOW_MODE within
 * `slowModeSeconds` of the author's previous message. Both say when to retry.
 */
async function enforcePace(
  r: Repositories,
  sessionId: string,
  userId: string,
  at: Date,
  slowModeSeconds: number,
): Promise<void> {
  const windowMs = CHAT_RATE_LIMIT.windowSeconds * 1000;
  const recent = await r.chat.activitySince(sessionId, userId, new Date(at.getTime() - windowMs));
  if (recent.count >= CHAT_RATE_LIMIT.messages && recent.first) {
    throw new DomainError('RATE_LIMITED', 'too many messages: wait a moment', {
      retryAfterSeconds: secondsUntil(recent.first.getTime() + windowMs, at),
    });
  }
  if (slowModeSeconds <= 0) return;
  const slowMs = slowModeSeconds * 1000;
  const last =
    slowMs <= windowMs
      ? recent.last
      : (await r.chat.activitySince(sessionId, userId, new Date(at.getTime() - slowMs))).last;
  if (last && last.getTime() + slowMs > at.getTime()) {
    throw new DomainError('SLOW_MODE', undefined, {
      retryAfterSeconds: secondsUntil(last.getTime() + slowMs, at),
    });
  }
}

export const chatService = ({ db, now }: Deps) => ({
  async list(
    { session, room }: LoadedSession,
    query: ChatCursorQuery,
  ): Promise<ChatMessagesResponse> {
    const page = await db.repos.chat.page(session.id, query);
    if (!page.anchorFound) {
      const message = 'no message of this session has that id';
      throw new DomainError('VALIDATION_ERROR', `before: ${message}`, {
        details: [{ field: 'before', message }],
      });
    }
    const items = page.items.map((message) =>
      toChatMessageResponse(
        message,
        message.author.displayName,
        sessionRoleOf(room, message.userId, message.author.participantRole, message.author.onStage),
      ),
    );
    return {
      items,
      has_more: page.hasMore,
      next_before: page.hasMore ? items.at(-1)?.id : undefined,
    };
  },

  /**
   * Writes the message unless chat is off, the author is banned (checked under the room lock a
   * ban takes, so no message lands after a ban commits) or writes too fast. Staff skip slow mode.
   */
  async send(
    target: SessionAccess,
    actor: Actor,
    input: CreateChatMessageRequest,
  ): Promise<ChatMessageResponse> {
    const role = target.context.sessionRole ?? 'viewer';
    const at = now();
    return db.transaction(async (r) => {
      const settings = await lockAgainstBans(r, target, actor.id, at);
      if (!settings.chat_enabled) throw new DomainError('CHAT_DISABLED');
      const slowMode = isStaff(role, actor.role) ? 0 : settings.slow_mode_seconds;
      await enforcePace(r, target.session.id, actor.id, at, slowMode);
      const message = await r.chat.create(target.session.id, actor.id, input.text, at);
      const response = toChatMessageResponse(message, actor.displayName, role);
      await recordEvent(r, 'chat.message_created', target.session.id, response);
      return response;
    });
  },

  /**
   * Soft delete of a message of the session `sessionId` (as the path names it): gone from lists,
   * kept for the record; everyone's clients drop it.
   */
  async delete(sessionId: string, actor: Actor, messageId: string) {
    const notFound = () => new DomainError('NOT_FOUND', 'message not found');
    const message = await db.repos.chat.findById(messageId);
    if (!message || message.sessionId !== sessionId || message.deletedAt) throw notFound();
    return db.transaction(async (r) => {
      if (!(await r.chat.softDelete(messageId, actor.id, now()))) throw notFound();
      await recordEvent(r, 'chat.message_deleted', sessionId, {
        session_id: sessionId,
        message_id: messageId,
      });
      return { id: messageId, session_id: sessionId, deleted: true as const };
    });
  },
});
