import { and, count, desc, eq, gt, isNull, lt, max, min, or } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { ChatMessage, SessionParticipant } from '../rows.ts';
import { countRows } from './paging.ts';

/** Who wrote a message, as a chat list shows them (name and session badges). */
export interface ChatAuthor {
  displayName: string;
  /** Their staff role in the session, if they have one. */
  participantRole: SessionParticipant['role'] | null;
  onStage: boolean;
}

export type ChatMessageWithAuthor = ChatMessage & { author: ChatAuthor };

/** A user's messages in a session within a time window. */
export interface ChatActivity {
  count: number;
  first: Date | null;
  last: Date | null;
}

export const chatRepository = ({ db, t }: Executor) => {
  const visible = (sessionId: string) =>
    and(eq(t.chatMessages.sessionId, sessionId), isNull(t.chatMessages.deletedAt));
  const byAuthor = (sessionId: string, userId: string) =>
    and(eq(t.chatMessages.sessionId, sessionId), eq(t.chatMessages.userId, userId));
  return {
    async create(
      sessionId: string,
      userId: string,
      text: string,
      at = new Date(),
    ): Promise<ChatMessage> {
      const [row] = await db
        .insert(t.chatMessages)
        .values({ sessionId, userId, text, createdAt: at })
        .returning();
      return row!;
    },

    async findById(id: string): Promise<ChatMessage | null> {
      const [row] = await db.select().from(t.chatMessages).where(eq(t.chatMessages.id, id));
      return row ?? null;
    },

    /**
     * Newest first, `limit` at a time, continuing strictly before the message `before`. The order
     * is (created_at, id), so messages with equal times keep one stable order across pages. Each
     * message comes with its author's name and session badges, in the same query.
     */
    async page(sessionId: string, options: { before?: string; limit: number }) {
      let cursor;
      if (options.before) {
        const [anchor] = await db
          .select({ id: t.chatMessages.id, createdAt: t.chatMessages.createdAt })
          .from(t.chatMessages)
          .where(
            and(eq(t.chatMessages.id, options.before), eq(t.chatMessages.sessionId, sessionId)),
          );
        if (!anchor) {
          return { items: [] as ChatMessageWithAuthor[], hasMore: false, anchorFound: false };
        }
        cursor = or(
          lt(t.chatMessages.createdAt, anchor.createdAt),
          and(eq(t.chatMessages.createdAt, anchor.createdAt), lt(t.chatMessages.id, anchor.id)),
        );
      }
      const rows = await db
        .select({
          message: t.chatMessages,
          displayName: t.users.displayName,
          participantRole: t.sessionParticipants.role,
          stageUserId: t.stageParticipants.userId,
        })
        .from(t.chatMessages)
        .innerJoin(t.users, eq(t.users.id, t.chatMessages.userId))
        .leftJoin(
          t.sessionParticipants,
          and(
            eq(t.sessionParticipants.sessionId, t.chatMessages.sessionId),
            eq(t.sessionParticipants.userId, t.chatMessages.userId),
          ),
        )
        .leftJoin(
          t.stageParticipants,
          and(
            eq(t.stageParticipants.sessionId, t.chatMessages.sessionId),
            eq(t.stageParticipants.userId, t.chatMessages.userId),
          ),
        )
        .where(and(visible(sessionId), cursor))
        .orderBy(desc(t.chatMessages.createdAt), desc(t.chatMessages.id))
        .limit(options.limit + 1);
      const items = rows.slice(0, options.limit).map((row): ChatMessageWithAuthor => ({
        ...row.message,
        author: {
          displayName: row.displayName,
          participantRole: row.participantRole,
          onStage: row.stageUserId !== null,
        },
      }));
      return { items, hasMore: rows.length > options.limit, anchorFound: true };
    },

    /** Soft delete: the row stays for moderation records, lists no longer show it. */
    async softDelete(id: string, deletedBy: string, at = new Date()): Promise<ChatMessage | null> {
      const [row] = await db
        .update(t.chatMessages)
        .set({ deletedAt: at, deletedBy })
        .where(and(eq(t.chatMessages.id, id), isNull(t.chatMessages.deletedAt)))
        .returning();
      return row ?? null;
    },

    /** When the user last wrote in the session (for slow mode). */
    async lastSentAt(sessionId: string, userId: string): Promise<Date | null> {
      const [row] = await db
        .select({ createdAt: t.chatMessages.createdAt })
        .from(t.chatMessages)
        .where(byAuthor(sessionId, userId))
        .orderBy(desc(t.chatMessages.createdAt))
        .limit(1);
      return row?.createdAt ?? null;
    },

    /**
     * The user's messages in the session after `since`, deleted ones included (slow mode and the
     * rate limit): how many, the first and the last. A range scan of the session's time index.
     */
    async activitySince(sessionId: string, userId: string, since: Date): Promise<ChatActivity> {
      const [row] = await db
        .select({
          n: count(),
          first: min(t.chatMessages.createdAt),
          last: max(t.chatMessages.createdAt),
        })
        .from(t.chatMessages)
        .where(and(byAuthor(sessionId, userId), gt(t.chatMessages.createdAt, since)));
      return {
        count: Number(row?.n ?? 0),
        first: row?.first ?? null,
        last: row?.last ?? null,
      };
    },

    /** How many messages the user wrote since `since` (for the per-user rate limit). */
    async countSince(userId: string, since: Date): Promise<number> {
      return countRows(
        db,
        t.chatMessages,
        and(eq(t.chatMessages.userId, userId), gt(t.chatMessages.createdAt, since)),
      );
    },
  };
};
