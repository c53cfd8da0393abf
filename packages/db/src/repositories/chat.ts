import { and, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { ChatMessage } from '../rows.ts';
import { countRows } from './paging.ts';

export const chatRepository = ({ db, t }: Executor) => {
  const visible = (sessionId: string) =>
    and(eq(t.chatMessages.sessionId, sessionId), isNull(t.chatMessages.deletedAt));
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
     * is (created_at, id), so messages with equal times keep one stable order across pages.
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
        if (!anchor) return { items: [] as ChatMessage[], hasMore: false, anchorFound: false };
        cursor = or(
          lt(t.chatMessages.createdAt, anchor.createdAt),
          and(eq(t.chatMessages.createdAt, anchor.createdAt), lt(t.chatMessages.id, anchor.id)),
        );
      }
      const rows = await db
        .select()
        .from(t.chatMessages)
        .where(and(visible(sessionId), cursor))
        .orderBy(desc(t.chatMessages.createdAt), desc(t.chatMessages.id))
        .limit(options.limit + 1);
      return {
        items: rows.slice(0, options.limit),
        hasMore: rows.length > options.limit,
        anchorFound: true,
      };
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
        .where(and(eq(t.chatMessages.sessionId, sessionId), eq(t.chatMessages.userId, userId)))
        .orderBy(desc(t.chatMessages.createdAt))
        .limit(1);
      return row?.createdAt ?? null;
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
