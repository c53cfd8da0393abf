import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { NewSession, Room, Session } from '../rows.ts';
import { countRows, offsetOf, paged, type PageRequest } from './paging.ts';
import { libraryFilter } from './rooms.ts';

export type SessionPatch = Partial<
  Pick<
    Session,
    | 'title'
    | 'description'
    | 'scheduledAt'
    | 'presetId'
    | 'settings'
    | 'startedAt'
    | 'liveAt'
    | 'endedAt'
  >
>;

export interface SessionFilter extends PageRequest {
  status?: Session['status'];
  from?: Date;
  to?: Date;
  roomId?: string;
  roomIds?: string[];
  /** Only sessions of public rooms. */
  publicOnly?: boolean;
  libraryId?: string | null;
}

export const sessionsRepository = ({ db, t }: Executor) => {
  const filterWhere = (f: Omit<SessionFilter, 'page' | 'limit'>): SQL | undefined =>
    and(
      f.status ? eq(t.sessions.status, f.status) : undefined,
      f.from ? gte(t.sessions.scheduledAt, f.from) : undefined,
      f.to ? lte(t.sessions.scheduledAt, f.to) : undefined,
      f.roomId ? eq(t.sessions.roomId, f.roomId) : undefined,
      f.roomIds ? inArray(t.sessions.roomId, f.roomIds) : undefined,
      f.publicOnly ? eq(t.rooms.visibility, 'public') : undefined,
      libraryFilter(t.rooms.libraryId, f.libraryId),
    );

  return {
    async create(
      session: Omit<NewSession, 'id' | 'createdAt' | 'updatedAt' | 'status'>,
    ): Promise<Session> {
      const [row] = await db.insert(t.sessions).values(session).returning();
      return row!;
    },

    async findById(id: string): Promise<Session | null> {
      const [row] = await db.select().from(t.sessions).where(eq(t.sessions.id, id));
      return row ?? null;
    },

    /** The session with the room it belongs to (owner, library, visibility: what access rules need). */
    async findWithRoom(id: string): Promise<{ session: Session; room: Room } | null> {
      const [row] = await db
        .select({ session: t.sessions, room: t.rooms })
        .from(t.sessions)
        .innerJoin(t.rooms, eq(t.rooms.id, t.sessions.roomId))
        .where(eq(t.sessions.id, id));
      return row ?? null;
    },

    async update(id: string, patch: SessionPatch): Promise<Session | null> {
      const [row] = await db
        .update(t.sessions)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(t.sessions.id, id))
        .returning();
      return row ?? null;
    },

    /**
     * Moves the session to `to` only if it is still in one of `from` (compare-and-set): of two
     * racing transitions one wins, the other gets null.
     */
    async transition(
      id: string,
      from: Session['status'][],
      to: Session['status'],
      stamps: SessionPatch = {},
    ) {
      const [row] = await db
        .update(t.sessions)
        .set({ ...stamps, status: to, updatedAt: new Date() })
        .where(and(eq(t.sessions.id, id), inArray(t.sessions.status, from)))
        .returning();
      return row ?? null;
    },

    async delete(id: string): Promise<boolean> {
      const rows = await db
        .delete(t.sessions)
        .where(eq(t.sessions.id, id))
        .returning({ id: t.sessions.id });
      return rows.length > 0;
    },

    /** Soonest first (scheduled time, then creation order). */
    async list(filter: SessionFilter) {
      const where = filterWhere(filter);
      const rows = db
        .select({ session: t.sessions })
        .from(t.sessions)
        .innerJoin(t.rooms, eq(t.rooms.id, t.sessions.roomId))
        .where(where)
        .orderBy(asc(t.sessions.scheduledAt), asc(t.sessions.id))
        .limit(filter.limit)
        .offset(offsetOf(filter))
        .then((r) => r.map((x) => x.session));
      const total = db
        .select({ n: count() })
        .from(t.sessions)
        .innerJoin(t.rooms, eq(t.rooms.id, t.sessions.roomId))
        .where(where)
        .then(([r]) => Number(r?.n ?? 0));
      return paged(filter, rows, total);
    },

    /** Number of sessions per status among the given rooms. */
    async countByStatus(roomIds: string[]): Promise<Record<Session['status'], number>> {
      const counts = { scheduled: 0, backstage: 0, live: 0, ended: 0 };
      if (!roomIds.length) return counts;
      const rows = await db
        .select({ status: t.sessions.status, n: count() })
        .from(t.sessions)
        .where(inArray(t.sessions.roomId, roomIds))
        .groupBy(t.sessions.status);
      for (const row of rows) counts[row.status] = Number(row.n);
      return counts;
    },

    async countInRoom(roomId: string, status?: Session['status']): Promise<number> {
      return countRows(
        db,
        t.sessions,
        and(eq(t.sessions.roomId, roomId), status ? eq(t.sessions.status, status) : undefined),
      );
    },

    async latestInRoom(roomId: string, limit: number): Promise<Session[]> {
      return db
        .select()
        .from(t.sessions)
        .where(eq(t.sessions.roomId, roomId))
        .orderBy(desc(t.sessions.scheduledAt))
        .limit(limit);
    },
  };
};
