// Per-session roles (co-hosts, moderators) and per-room reminder subscriptions.
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { SessionParticipant } from '../rows.ts';
import { readOnly } from './read-only.ts';

export const sessionParticipantsRepository = ({ db, t, prepared }: Executor) => ({
  /** Gives the user this role in the session (replacing another one). */
  async put(
    sessionId: string,
    userId: string,
    role: SessionParticipant['role'],
  ): Promise<SessionParticipant> {
    const [row] = await db
      .insert(t.sessionParticipants)
      .values({ sessionId, userId, role })
      .onConflictDoUpdate({
        target: [t.sessionParticipants.sessionId, t.sessionParticipants.userId],
        set: { role },
      })
      .returning();
    return row!;
  },

  /**
   * Gives the user this role unless they already hold one of `keep` (then null, nothing
   * changes), in one statement: a concurrent appointment cannot slip in between.
   */
  async putUnless(
    sessionId: string,
    userId: string,
    role: SessionParticipant['role'],
    keep: SessionParticipant['role'][],
  ): Promise<SessionParticipant | null> {
    const [row] = await db
      .insert(t.sessionParticipants)
      .values({ sessionId, userId, role })
      .onConflictDoUpdate({
        target: [t.sessionParticipants.sessionId, t.sessionParticipants.userId],
        set: { role },
        setWhere: keep.length ? notInArray(t.sessionParticipants.role, keep) : undefined,
      })
      .returning();
    return row ?? null;
  },

  async remove(
    sessionId: string,
    userId: string,
    role: SessionParticipant['role'],
  ): Promise<boolean> {
    const rows = await db
      .delete(t.sessionParticipants)
      .where(
        and(
          eq(t.sessionParticipants.sessionId, sessionId),
          eq(t.sessionParticipants.userId, userId),
          eq(t.sessionParticipants.role, role),
        ),
      )
      .returning({ userId: t.sessionParticipants.userId });
    return rows.length > 0;
  },

  roleOf: readOnly(
    async (sessionId: string, userId: string): Promise<SessionParticipant['role'] | null> => {
      // Prepared: every signed-in call on a session asks it.
      const query = prepared('sessionParticipants.roleOf', (db) =>
        db
          .select({ role: t.sessionParticipants.role })
          .from(t.sessionParticipants)
          .where(
            and(
              eq(t.sessionParticipants.sessionId, sql.placeholder('sessionId')),
              eq(t.sessionParticipants.userId, sql.placeholder('userId')),
            ),
          )
          .prepare('session_participants_role_of'),
      );
      const [row] = await query.execute({ sessionId, userId });
      return row?.role ?? null;
    },
  ),

  async list(sessionId: string) {
    return db
      .select({
        userId: t.sessionParticipants.userId,
        role: t.sessionParticipants.role,
        createdAt: t.sessionParticipants.createdAt,
        displayName: t.users.displayName,
      })
      .from(t.sessionParticipants)
      .innerJoin(t.users, eq(t.users.id, t.sessionParticipants.userId))
      .where(eq(t.sessionParticipants.sessionId, sessionId))
      .orderBy(asc(t.sessionParticipants.createdAt), asc(t.sessionParticipants.userId));
  },
});

export const remindersRepository = ({ db, t }: Executor) => {
  const match = (roomId: string, userId: string) =>
    and(eq(t.reminders.roomId, roomId), eq(t.reminders.userId, userId));
  return {
    /** Idempotent: subscribing twice leaves one subscription. */
    async subscribe(roomId: string, userId: string): Promise<void> {
      await db.insert(t.reminders).values({ roomId, userId }).onConflictDoNothing();
    },

    async unsubscribe(roomId: string, userId: string): Promise<boolean> {
      const rows = await db
        .delete(t.reminders)
        .where(match(roomId, userId))
        .returning({ userId: t.reminders.userId });
      return rows.length > 0;
    },

    async find(roomId: string, userId: string) {
      const [row] = await db.select().from(t.reminders).where(match(roomId, userId));
      return row ?? null;
    },

    async subscriberIds(roomId: string): Promise<string[]> {
      const rows = await db
        .select({ userId: t.reminders.userId })
        .from(t.reminders)
        .where(eq(t.reminders.roomId, roomId))
        .orderBy(asc(t.reminders.createdAt), asc(t.reminders.userId));
      return rows.map((r) => r.userId);
    },
  };
};
