import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { JsonObject } from '../schema/enums.ts';
import type { AttendanceInterval, NewSession, Room, Session } from '../rows.ts';
import { countRows, offsetOf, paged, type PageRequest } from './paging.ts';
import { libraryFilter } from './rooms.ts';
import { readOnly } from './read-only.ts';

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

/** The rooms a dashboard covers: an owner's (in any library), a library's, or both filters. */
export interface RoomScope {
  ownerId?: string;
  libraryId?: string;
}

export const sessionsRepository = ({ db, t, atomic, prepared }: Executor) => {
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

  const listWithRooms = (filter: SessionFilter) => {
    const where = filterWhere(filter);
    const rows = db
      .select({ session: t.sessions, room: t.rooms })
      .from(t.sessions)
      .innerJoin(t.rooms, eq(t.rooms.id, t.sessions.roomId))
      .where(where)
      .orderBy(asc(t.sessions.scheduledAt), asc(t.sessions.id))
      .limit(filter.limit)
      .offset(offsetOf(filter));
    const total = db
      .select({ n: count() })
      .from(t.sessions)
      .innerJoin(t.rooms, eq(t.rooms.id, t.sessions.roomId))
      .where(where)
      .then(([r]) => Number(r?.n ?? 0));
    return paged(filter, rows, total);
  };

  return {
    async create(
      session: Omit<NewSession, 'id' | 'createdAt' | 'updatedAt' | 'status'>,
    ): Promise<Session> {
      const [row] = await db.insert(t.sessions).values(session).returning();
      return row!;
    },

    /** Prepared: attendance asks it for every viewer who comes. */
    async findById(id: string): Promise<Session | null> {
      const query = prepared('sessions.findById', (db) =>
        db
          .select()
          .from(t.sessions)
          .where(eq(t.sessions.id, sql.placeholder('id')))
          .prepare('sessions_find_by_id'),
      );
      const [row] = await query.execute({ id });
      return row ?? null;
    },

    /** The session with the room it belongs to (owner, library, visibility: what access rules need). */
    /**
     * The session with its room and its viewers connected now (open attendance intervals), in
     * one prepared statement: the hot read behind every session-scoped call.
     */
    findWithRoom: readOnly(
      async (id: string): Promise<{ session: Session; room: Room; viewers: number } | null> => {
        const query = prepared('sessions.findWithRoom', (db) =>
          db
            .select({
              session: t.sessions,
              room: t.rooms,
              viewers:
                sql<number>`(select count(*) from ${t.attendanceIntervals} where ${t.attendanceIntervals.sessionId} = ${t.sessions.id} and ${t.attendanceIntervals.leftAt} is null)`.mapWith(
                  Number,
                ),
            })
            .from(t.sessions)
            .innerJoin(t.rooms, eq(t.rooms.id, t.sessions.roomId))
            .where(eq(t.sessions.id, sql.placeholder('id')))
            .prepare('sessions_find_with_room'),
        );
        const [row] = await query.execute({ id });
        return row ?? null;
      },
    ),

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

    /**
     * Deletes the session only while its status is one of `statuses` (compare-and-set): a delete
     * racing a go-live either wins or gets false.
     */
    async deleteInStatus(id: string, statuses: Session['status'][]): Promise<boolean> {
      const rows = await db
        .delete(t.sessions)
        .where(and(eq(t.sessions.id, id), inArray(t.sessions.status, statuses)))
        .returning({ id: t.sessions.id });
      return rows.length > 0;
    },

    /**
     * Sets the given keys of the session's settings, keeping the others, under a row lock: two
     * concurrent patches of different keys both land. Undefined values are skipped.
     */
    async mergeSettings(id: string, patch: JsonObject): Promise<Session | null> {
      return atomic(async (x) => {
        await x.dialect.lockRow(x.db, t.sessions, id);
        const [current] = await x.db.select().from(t.sessions).where(eq(t.sessions.id, id));
        if (!current) return null;
        const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
        const [row] = await x.db
          .update(t.sessions)
          .set({
            settings: { ...current.settings, ...Object.fromEntries(defined) },
            updatedAt: new Date(),
          })
          .where(eq(t.sessions.id, id))
          .returning();
        return row ?? null;
      });
    },

    /**
     * The host turned their camera (`video`) or microphone (`audio`) off or on; `by` is who.
     * Not kept once the session has ended; null then (or when there is no such session).
     */
    async setHostMedia(
      id: string,
      kind: 'video' | 'audio',
      off: boolean,
      by: string,
    ): Promise<Session | null> {
      const [row] = await db
        .update(t.sessions)
        .set({ [kind === 'video' ? 'hostVideoOff' : 'hostAudioOff']: off, hostMediaBy: by })
        .where(and(eq(t.sessions.id, id), ne(t.sessions.status, 'ended')))
        .returning();
      return row ?? null;
    },

    /**
     * Camera and microphone both on again, if either was off (and, given `by`, if that user
     * turned it off). True when something changed.
     */
    async resetHostMedia(id: string, by?: string): Promise<boolean> {
      const rows = await db
        .update(t.sessions)
        .set({ hostVideoOff: false, hostAudioOff: false, hostMediaBy: null })
        .where(
          and(
            eq(t.sessions.id, id),
            by === undefined ? undefined : eq(t.sessions.hostMediaBy, by),
            or(eq(t.sessions.hostVideoOff, true), eq(t.sessions.hostAudioOff, true)),
          ),
        )
        .returning({ id: t.sessions.id });
      return rows.length > 0;
    },

    /** Viewers connected now (open attendance intervals) in one session: a prepared read. */
    viewerCount: readOnly(async (sessionId: string): Promise<number> => {
      const query = prepared('sessions.viewerCount', (db) =>
        db
          .select({ n: count() })
          .from(t.attendanceIntervals)
          .where(
            and(
              eq(t.attendanceIntervals.sessionId, sql.placeholder('sessionId')),
              isNull(t.attendanceIntervals.leftAt),
            ),
          )
          .prepare('sessions_viewer_count'),
      );
      const [row] = await query.execute({ sessionId });
      return Number(row?.n ?? 0);
    }),

    /** Viewers connected now (open attendance intervals) per session; absent ids have none. */
    async viewerCounts(sessionIds: string[]): Promise<Record<string, number>> {
      if (!sessionIds.length) return {};
      const rows = await db
        .select({ sessionId: t.attendanceIntervals.sessionId, n: count() })
        .from(t.attendanceIntervals)
        .where(
          and(
            inArray(t.attendanceIntervals.sessionId, sessionIds),
            isNull(t.attendanceIntervals.leftAt),
          ),
        )
        .groupBy(t.attendanceIntervals.sessionId);
      return Object.fromEntries(rows.map((row) => [row.sessionId, Number(row.n)]));
    },

    /** Ids of the rooms in the scope, in a stable order. */
    async roomIdsIn(scope: RoomScope): Promise<string[]> {
      const rows = await db
        .select({ id: t.rooms.id })
        .from(t.rooms)
        .where(
          and(
            scope.ownerId ? eq(t.rooms.ownerId, scope.ownerId) : undefined,
            scope.libraryId ? eq(t.rooms.libraryId, scope.libraryId) : undefined,
          ),
        )
        .orderBy(asc(t.rooms.id));
      return rows.map((row) => row.id);
    },

    /**
     * What happened in the rooms' sessions: how many recordings they have, how many viewers are
     * watching their live sessions now, and every attendance interval (for watch time).
     */
    async activityIn(roomIds: string[]): Promise<{
      recordings: number;
      liveViewers: number;
      intervals: Pick<AttendanceInterval, 'joinedAt' | 'leftAt'>[];
    }> {
      if (!roomIds.length) return { recordings: 0, liveViewers: 0, intervals: [] };
      const inRooms = inArray(t.sessions.roomId, roomIds);
      const [recordings, liveViewers, intervals] = await Promise.all([
        db
          .select({ n: count() })
          .from(t.recordings)
          .innerJoin(t.sessions, eq(t.sessions.id, t.recordings.sessionId))
          .where(inRooms),
        db
          .select({ n: count() })
          .from(t.attendanceIntervals)
          .innerJoin(t.sessions, eq(t.sessions.id, t.attendanceIntervals.sessionId))
          .where(and(inRooms, eq(t.sessions.status, 'live'), isNull(t.attendanceIntervals.leftAt))),
        db
          .select({
            joinedAt: t.attendanceIntervals.joinedAt,
            leftAt: t.attendanceIntervals.leftAt,
          })
          .from(t.attendanceIntervals)
          .innerJoin(t.sessions, eq(t.sessions.id, t.attendanceIntervals.sessionId))
          .where(inRooms),
      ]);
      return {
        recordings: Number(recordings[0]?.n ?? 0),
        liveViewers: Number(liveViewers[0]?.n ?? 0),
        intervals,
      };
    },

    /** Soonest first (scheduled time, then creation order). */
    async list(filter: SessionFilter) {
      const page = await listWithRooms(filter);
      return { ...page, items: page.items.map((x) => x.session) };
    },

    /** As `list`, each session with its room. */
    listWithRooms,

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
