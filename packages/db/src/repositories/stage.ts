// The two FIFO queues to the stage (hand raises, join requests) and the stage itself.
import { and, asc, count, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Executor, Tables } from '../executor.ts';
import type { HandRaise, NewStageParticipant, StageParticipant } from '../rows.ts';
import { countRows, offsetOf, paged, type PageRequest } from './paging.ts';
import { readOnly } from './read-only.ts';

type QueueEntry = HandRaise;
type Resolution = 'approved' | 'rejected' | 'withdrawn';

/** One user, one pending entry per session; served first in, first out. */
const queueRepository =
  (table: Tables['handRaises'] | Tables['joinRequests']) =>
  ({ db, t }: Executor) => {
    const pending = (sessionId: string, userId?: string) =>
      and(
        eq(table.sessionId, sessionId),
        userId ? eq(table.userId, userId) : undefined,
        eq(table.status, 'pending'),
      );
    return {
      /** Queues the user; the database refuses a second pending entry (CONFLICT). */
      async enqueue(
        sessionId: string,
        userId: string,
        message?: string | null,
      ): Promise<QueueEntry> {
        const [row] = await db
          .insert(table)
          .values({ sessionId, userId, message: message ?? null })
          .returning();
        return row!;
      },

      async findPending(sessionId: string, userId: string): Promise<QueueEntry | null> {
        const [row] = await db.select().from(table).where(pending(sessionId, userId));
        return row ?? null;
      },

      async findById(id: string): Promise<QueueEntry | null> {
        const [row] = await db.select().from(table).where(eq(table.id, id));
        return row ?? null;
      },

      /** The latest entry of the user in the session, whatever its state. */
      async latest(sessionId: string, userId: string): Promise<QueueEntry | null> {
        const [row] = await db
          .select()
          .from(table)
          .where(and(eq(table.sessionId, sessionId), eq(table.userId, userId)))
          .orderBy(desc(table.createdAt), desc(table.id))
          .limit(1);
        return row ?? null;
      },

      async listPending(sessionId: string): Promise<QueueEntry[]> {
        return db
          .select()
          .from(table)
          .where(pending(sessionId))
          .orderBy(asc(table.createdAt), asc(table.id));
      },

      /** The pending entries, first in first, a page at a time, with each user's name. */
      async pendingPage(sessionId: string, request: PageRequest) {
        const rows = db
          .select({ entry: table, displayName: t.users.displayName })
          .from(table)
          .innerJoin(t.users, eq(t.users.id, table.userId))
          .where(pending(sessionId))
          .orderBy(asc(table.createdAt), asc(table.id))
          .limit(request.limit)
          .offset(offsetOf(request));
        return paged(request, rows, countRows(db, table, pending(sessionId)));
      },

      /** 1-based place in the queue, or null when the user has no pending entry. */
      async position(sessionId: string, userId: string): Promise<number | null> {
        const [mine] = await db.select().from(table).where(pending(sessionId, userId));
        if (!mine) return null;
        const ahead = await countRows(
          db,
          table,
          and(
            pending(sessionId),
            or(
              lt(table.createdAt, mine.createdAt),
              and(eq(table.createdAt, mine.createdAt), lt(table.id, mine.id)),
            ),
          ),
        );
        return ahead + 1;
      },

      /**
       * Resolves the user's pending entry (compare-and-set on its state): of two racing approvals
       * one gets the entry, the other null.
       */
      async resolve(
        sessionId: string,
        userId: string,
        status: Resolution,
        by: string | null,
      ): Promise<QueueEntry | null> {
        const [row] = await db
          .update(table)
          .set({ status, resolvedAt: new Date(), resolvedBy: by })
          .where(pending(sessionId, userId))
          .returning();
        return row ?? null;
      },

      /** Withdraws every pending entry of the user in the session (ban, leaving); returns how many. */
      async withdrawAll(sessionId: string, userId: string): Promise<number> {
        const rows = await db
          .update(table)
          .set({ status: 'withdrawn', resolvedAt: new Date() })
          .where(pending(sessionId, userId))
          .returning({ id: table.id });
        return rows.length;
      },
    };
  };

export const handRaisesRepository = (x: Executor) => queueRepository(x.t.handRaises)(x);
export const joinRequestsRepository = (x: Executor) => queueRepository(x.t.joinRequests)(x);

export type StagePermissions = Pick<
  StageParticipant,
  'canPublishAudio' | 'canPublishVideo' | 'canPublishScreen'
>;

export const stageRepository = ({ db, t, prepared }: Executor) => {
  const match = (sessionId: string, userId: string) =>
    and(eq(t.stageParticipants.sessionId, sessionId), eq(t.stageParticipants.userId, userId));
  return {
    /** Puts the user on stage; CONFLICT when already there. */
    async add(participant: Omit<NewStageParticipant, 'createdAt'>): Promise<StageParticipant> {
      const [row] = await db.insert(t.stageParticipants).values(participant).returning();
      return row!;
    },

    /** Prepared: every signed-in call on a session asks it. */
    find: readOnly(async (sessionId: string, userId: string): Promise<StageParticipant | null> => {
      const query = prepared('stage.find', (db) =>
        db
          .select()
          .from(t.stageParticipants)
          .where(
            and(
              eq(t.stageParticipants.sessionId, sql.placeholder('sessionId')),
              eq(t.stageParticipants.userId, sql.placeholder('userId')),
            ),
          )
          .prepare('stage_participants_find'),
      );
      const [row] = await query.execute({ sessionId, userId });
      return row ?? null;
    }),

    async list(sessionId: string) {
      return db
        .select({ participant: t.stageParticipants, displayName: t.users.displayName })
        .from(t.stageParticipants)
        .innerJoin(t.users, eq(t.users.id, t.stageParticipants.userId))
        .where(eq(t.stageParticipants.sessionId, sessionId))
        .orderBy(asc(t.stageParticipants.createdAt), asc(t.stageParticipants.userId));
    },

    async count(sessionId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(t.stageParticipants)
        .where(eq(t.stageParticipants.sessionId, sessionId));
      return Number(row?.n ?? 0);
    },

    async updatePermissions(
      sessionId: string,
      userId: string,
      permissions: Partial<StagePermissions>,
    ) {
      const [row] = await db
        .update(t.stageParticipants)
        .set(permissions)
        .where(match(sessionId, userId))
        .returning();
      return row ?? null;
    },

    /**
     * The sessions of the room where the user is on stage or waits in a queue (what a room-wide
     * ban must clear), in a stable order.
     */
    async sessionsInvolving(roomId: string, userId: string): Promise<string[]> {
      const inRoom = eq(t.sessions.roomId, roomId);
      const onStage = db
        .select({ sessionId: t.stageParticipants.sessionId })
        .from(t.stageParticipants)
        .innerJoin(t.sessions, eq(t.sessions.id, t.stageParticipants.sessionId))
        .where(and(inRoom, eq(t.stageParticipants.userId, userId)));
      const pendingIn = (table: Tables['handRaises'] | Tables['joinRequests']) =>
        db
          .select({ sessionId: table.sessionId })
          .from(table)
          .innerJoin(t.sessions, eq(t.sessions.id, table.sessionId))
          .where(and(inRoom, eq(table.userId, userId), eq(table.status, 'pending')));
      const found = await Promise.all([
        onStage,
        pendingIn(t.handRaises),
        pendingIn(t.joinRequests),
      ]);
      return [...new Set(found.flat().map((row) => row.sessionId))].sort();
    },

    async remove(sessionId: string, userId: string): Promise<boolean> {
      const rows = await db
        .delete(t.stageParticipants)
        .where(match(sessionId, userId))
        .returning({ userId: t.stageParticipants.userId });
      return rows.length > 0;
    },
  };
};
