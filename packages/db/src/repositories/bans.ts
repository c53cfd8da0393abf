import { and, desc, eq, gt, isNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { Ban, NewBan } from '../rows.ts';
import { countRows, offsetOf, paged, type PageRequest } from './paging.ts';
import { readOnly } from './read-only.ts';

export const bansRepository = ({ db, t, dialect, prepared }: Executor) => {
  /** Bans in force at `now` that cover the session: its own, or its room's (values or placeholders). */
  type Value<T> = T | SQLWrapper;
  const inForce = (scope: { sessionId: Value<string>; roomId: Value<string> }, now: Value<Date>) =>
    and(
      or(
        and(eq(t.bans.scope, 'session'), eq(t.bans.sessionId, scope.sessionId)),
        and(eq(t.bans.scope, 'room'), eq(t.bans.roomId, scope.roomId)),
      ),
      isNull(t.bans.liftedAt),
      or(isNull(t.bans.expiresAt), gt(t.bans.expiresAt, now)),
    );

  const listActive = (scope: { sessionId: string; roomId: string }, now: Date) =>
    db
      .select({ ban: t.bans, displayName: t.users.displayName })
      .from(t.bans)
      .innerJoin(t.users, eq(t.users.id, t.bans.userId))
      .where(inForce(scope, now))
      .orderBy(desc(t.bans.createdAt), desc(t.bans.id));

  return {
    /**
     * Locks the room's row until the transaction ends. Whatever must see the room's bans as they
     * stand (a chat message, a vote, a step onto the stage) takes this lock, and so does a ban:
     * nothing a ban forbids commits after it.
     */
    async lockRoom(roomId: string): Promise<void> {
      await dialect.lockRow(db, t.rooms, roomId);
    },

    async create(ban: Omit<NewBan, 'id' | 'createdAt' | 'liftedAt'>): Promise<Ban> {
      const [row] = await db.insert(t.bans).values(ban).returning();
      return row!;
    },

    activeFor: readOnly(
      async (
        userId: string,
        scope: { sessionId: string; roomId: string },
        now = new Date(),
      ): Promise<Ban | null> => {
        // Prepared: every signed-in call on a session asks it. `now` goes through the column's
        // encoder, as a plain value would.
        const query = prepared('bans.activeFor', (db) =>
          db
            .select()
            .from(t.bans)
            .where(
              and(
                eq(t.bans.userId, sql.placeholder('userId')),
                inForce(
                  { sessionId: sql.placeholder('sessionId'), roomId: sql.placeholder('roomId') },
                  sql.param(sql.placeholder('now'), t.bans.expiresAt),
                ),
              ),
            )
            .orderBy(desc(t.bans.createdAt))
            .limit(1)
            .prepare('bans_active_for'),
        );
        const [row] = await query.execute({ userId, ...scope, now });
        return row ?? null;
      },
    ),

    async listActive(scope: { sessionId: string; roomId: string }, now = new Date()) {
      return listActive(scope, now);
    },

    /** The bans in force for the session, newest first, a page at a time. */
    async pageActive(
      scope: { sessionId: string; roomId: string },
      request: PageRequest,
      now = new Date(),
    ) {
      return paged(
        request,
        listActive(scope, now).limit(request.limit).offset(offsetOf(request)),
        countRows(db, t.bans, inForce(scope, now)),
      );
    },

    /** Lifts every ban in force on the user for the session; returns how many. */
    async lift(
      userId: string,
      scope: { sessionId: string; roomId: string },
      now = new Date(),
    ): Promise<number> {
      const rows = await db
        .update(t.bans)
        .set({ liftedAt: now })
        .where(and(eq(t.bans.userId, userId), inForce(scope, now)))
        .returning({ id: t.bans.id });
      return rows.length;
    },
  };
};
