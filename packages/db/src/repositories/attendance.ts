import { and, asc, count, countDistinct, eq, inArray, isNull, lte, min } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { AttendanceInterval } from '../rows.ts';
import { offsetOf, paged, type PageRequest } from './paging.ts';

export const attendanceRepository = ({ db, t }: Executor) => {
  const open = (sessionId: string, userId?: string) =>
    and(
      eq(t.attendanceIntervals.sessionId, sessionId),
      userId ? eq(t.attendanceIntervals.userId, userId) : undefined,
      isNull(t.attendanceIntervals.leftAt),
    );
  const close = async (where: ReturnType<typeof open>, at: Date) =>
    (
      await db
        .update(t.attendanceIntervals)
        .set({ leftAt: at })
        .where(where)
        .returning({ id: t.attendanceIntervals.id })
    ).length;

  return {
    /**
     * Opens the user's interval, as the viewer of realtime node `nodeId` (null: not a gateway's);
     * when one is already open, that one stays (and is returned).
     */
    async open(
      sessionId: string,
      userId: string,
      at = new Date(),
      nodeId: string | null = null,
    ): Promise<AttendanceInterval> {
      const [opened] = await db
        .insert(t.attendanceIntervals)
        .values({ sessionId, userId, joinedAt: at, nodeId })
        .onConflictDoNothing()
        .returning();
      if (opened) return opened;
      const [row] = await db.select().from(t.attendanceIntervals).where(open(sessionId, userId));
      return row!;
    },

    /** Closes the user's open interval; false when none was open. */
    async close(sessionId: string, userId: string, at = new Date()): Promise<boolean> {
      return (await close(open(sessionId, userId), at)) > 0;
    },

    /** Who realtime node `nodeId` has open intervals for, in which session. */
    async openedBy(nodeId: string): Promise<{ sessionId: string; userId: string }[]> {
      return db
        .select({
          sessionId: t.attendanceIntervals.sessionId,
          userId: t.attendanceIntervals.userId,
        })
        .from(t.attendanceIntervals)
        .where(and(eq(t.attendanceIntervals.nodeId, nodeId), isNull(t.attendanceIntervals.leftAt)));
    },

    /**
     * Closes every open interval that realtime node `nodeId` opened (it crashed) at `at`, or at
     * its join when it opened later; how many.
     */
    async closeOpenedBy(nodeId: string, at: Date): Promise<number> {
      const byNode = and(
        eq(t.attendanceIntervals.nodeId, nodeId),
        isNull(t.attendanceIntervals.leftAt),
      );
      const before = await close(and(byNode, lte(t.attendanceIntervals.joinedAt, at)), at);
      const after = await db
        .update(t.attendanceIntervals)
        .set({ leftAt: t.attendanceIntervals.joinedAt })
        .where(byNode)
        .returning({ id: t.attendanceIntervals.id });
      return before + after.length;
    },

    /** Closes every open interval of the session (its end); returns how many. */
    async closeAll(sessionId: string, at = new Date()): Promise<number> {
      return close(open(sessionId), at);
    },

    async intervals(sessionId: string): Promise<AttendanceInterval[]> {
      return db
        .select()
        .from(t.attendanceIntervals)
        .where(eq(t.attendanceIntervals.sessionId, sessionId))
        .orderBy(asc(t.attendanceIntervals.joinedAt), asc(t.attendanceIntervals.id));
    },

    /** Every interval of every session of the room (room analytics). */
    async intervalsInRoom(roomId: string): Promise<AttendanceInterval[]> {
      const rows = await db
        .select({ interval: t.attendanceIntervals })
        .from(t.attendanceIntervals)
        .innerJoin(t.sessions, eq(t.sessions.id, t.attendanceIntervals.sessionId))
        .where(eq(t.sessions.roomId, roomId));
      return rows.map((r) => r.interval);
    },

    /** Who is watching now: open intervals with the viewer's name. */
    async active(sessionId: string) {
      return db
        .select({
          userId: t.attendanceIntervals.userId,
          joinedAt: t.attendanceIntervals.joinedAt,
          displayName: t.users.displayName,
          role: t.users.role,
        })
        .from(t.attendanceIntervals)
        .innerJoin(t.users, eq(t.users.id, t.attendanceIntervals.userId))
        .where(open(sessionId))
        .orderBy(asc(t.attendanceIntervals.joinedAt), asc(t.attendanceIntervals.userId));
    },

    /** Every interval of the session with the viewer's name, for the per-user list and export. */
    async withUsers(sessionId: string) {
      return db
        .select({
          interval: t.attendanceIntervals,
          displayName: t.users.displayName,
          email: t.users.email,
        })
        .from(t.attendanceIntervals)
        .innerJoin(t.users, eq(t.users.id, t.attendanceIntervals.userId))
        .where(eq(t.attendanceIntervals.sessionId, sessionId))
        .orderBy(asc(t.attendanceIntervals.userId), asc(t.attendanceIntervals.joinedAt));
    },

    /**
     * Who is watching now, a page at a time (earliest arrival first), with each viewer's name, staff
     * role in the session and whether they are on stage.
     */
    async activePage(sessionId: string, request: PageRequest) {
      const rows = db
        .select({
          userId: t.attendanceIntervals.userId,
          joinedAt: t.attendanceIntervals.joinedAt,
          displayName: t.users.displayName,
          participantRole: t.sessionParticipants.role,
          stageUserId: t.stageParticipants.userId,
        })
        .from(t.attendanceIntervals)
        .innerJoin(t.users, eq(t.users.id, t.attendanceIntervals.userId))
        .leftJoin(
          t.sessionParticipants,
          and(
            eq(t.sessionParticipants.sessionId, t.attendanceIntervals.sessionId),
            eq(t.sessionParticipants.userId, t.attendanceIntervals.userId),
          ),
        )
        .leftJoin(
          t.stageParticipants,
          and(
            eq(t.stageParticipants.sessionId, t.attendanceIntervals.sessionId),
            eq(t.stageParticipants.userId, t.attendanceIntervals.userId),
          ),
        )
        .where(open(sessionId))
        .orderBy(asc(t.attendanceIntervals.joinedAt), asc(t.attendanceIntervals.userId))
        .limit(request.limit)
        .offset(offsetOf(request))
        .then((found) =>
          found.map(({ stageUserId, ...row }) => ({ ...row, onStage: stageUserId !== null })),
        );
      const total = db
        .select({ n: count() })
        .from(t.attendanceIntervals)
        .where(open(sessionId))
        .then(([row]) => Number(row?.n ?? 0));
      return paged(request, rows, total);
    },

    /**
     * Everyone who attended the session, a page at a time in order of first arrival: user, name
     * and first join. Their intervals come from `intervalsOf`.
     */
    async attendeesPage(sessionId: string, request: PageRequest) {
      const inSession = eq(t.attendanceIntervals.sessionId, sessionId);
      const firstJoinAt = min(t.attendanceIntervals.joinedAt);
      const rows = db
        .select({
          userId: t.attendanceIntervals.userId,
          displayName: t.users.displayName,
          email: t.users.email,
          firstJoinAt,
        })
        .from(t.attendanceIntervals)
        .innerJoin(t.users, eq(t.users.id, t.attendanceIntervals.userId))
        .where(inSession)
        .groupBy(t.attendanceIntervals.userId, t.users.displayName, t.users.email)
        .orderBy(asc(firstJoinAt), asc(t.attendanceIntervals.userId))
        .limit(request.limit)
        .offset(offsetOf(request))
        .then((found) => found.map((row) => ({ ...row, firstJoinAt: row.firstJoinAt! })));
      const total = db
        .select({ n: countDistinct(t.attendanceIntervals.userId) })
        .from(t.attendanceIntervals)
        .where(inSession)
        .then(([row]) => Number(row?.n ?? 0));
      return paged(request, rows, total);
    },

    /** The intervals of these users in the session, each user's in order of joining. */
    async intervalsOf(sessionId: string, userIds: string[]): Promise<AttendanceInterval[]> {
      if (!userIds.length) return [];
      return db
        .select()
        .from(t.attendanceIntervals)
        .where(
          and(
            eq(t.attendanceIntervals.sessionId, sessionId),
            inArray(t.attendanceIntervals.userId, userIds),
          ),
        )
        .orderBy(asc(t.attendanceIntervals.userId), asc(t.attendanceIntervals.joinedAt));
    },
  };
};
