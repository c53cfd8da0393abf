import { and, asc, count, desc, eq, inArray, sum, type SQL } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { NewPlayback, NewRecording, Playback, Recording } from '../rows.ts';
import { countRows, offsetOf, paged, type PageRequest } from './paging.ts';

export type RecordingPatch = Partial<
  Pick<
    Recording,
    | 'title'
    | 'visibility'
    | 'defaultPlayback'
    | 'status'
    | 'filePath'
    | 'posterPath'
    | 'sizeBytes'
    | 'durationSeconds'
    | 'error'
    | 'externalId'
    | 'stoppedAt'
    | 'readyAt'
  >
>;

export const recordingsRepository = ({ db, t }: Executor) => {
  /** A page of the recordings matching `where`, newest first. */
  const pageWhere = (where: SQL, request: PageRequest) =>
    paged(
      request,
      db
        .select()
        .from(t.recordings)
        .where(where)
        .orderBy(desc(t.recordings.startedAt), desc(t.recordings.id))
        .limit(request.limit)
        .offset(offsetOf(request)),
      countRows(db, t.recordings, where),
    );

  return {
    /** Starts a recording; the database refuses a second active one for the session (CONFLICT). */
    async create(
      recording: Omit<NewRecording, 'id' | 'createdAt' | 'updatedAt'>,
    ): Promise<Recording> {
      const [row] = await db.insert(t.recordings).values(recording).returning();
      return row!;
    },

    async findById(id: string): Promise<Recording | null> {
      const [row] = await db.select().from(t.recordings).where(eq(t.recordings.id, id));
      return row ?? null;
    },

    async update(id: string, patch: RecordingPatch): Promise<Recording | null> {
      const [row] = await db
        .update(t.recordings)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(t.recordings.id, id))
        .returning();
      return row ?? null;
    },

    /**
     * Applies `patch` only while the recording's status is one of `from` (compare-and-set): of two
     * racing changes (a media event delivered twice, a stop racing a failure) one wins, the other
     * gets null.
     */
    async updateIfStatus(
      id: string,
      from: Recording['status'][],
      patch: RecordingPatch,
    ): Promise<Recording | null> {
      const [row] = await db
        .update(t.recordings)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(t.recordings.id, id), inArray(t.recordings.status, from)))
        .returning();
      return row ?? null;
    },

    async delete(id: string): Promise<Recording | null> {
      const [row] = await db.delete(t.recordings).where(eq(t.recordings.id, id)).returning();
      return row ?? null;
    },

    async active(sessionId: string): Promise<Recording | null> {
      const [row] = await db
        .select()
        .from(t.recordings)
        .where(and(eq(t.recordings.sessionId, sessionId), eq(t.recordings.status, 'recording')));
      return row ?? null;
    },

    async listBySession(sessionId: string): Promise<Recording[]> {
      return db
        .select()
        .from(t.recordings)
        .where(eq(t.recordings.sessionId, sessionId))
        .orderBy(desc(t.recordings.startedAt), desc(t.recordings.id));
    },

    pageBySession(sessionId: string, request: PageRequest) {
      return pageWhere(eq(t.recordings.sessionId, sessionId), request);
    },

    listByOwner(ownerId: string, request: PageRequest) {
      return pageWhere(eq(t.recordings.ownerId, ownerId), request);
    },

    async listAll(): Promise<Recording[]> {
      return db
        .select()
        .from(t.recordings)
        .orderBy(asc(t.recordings.createdAt), asc(t.recordings.id));
    },

    /** Count and bytes per state, for the storage status. */
    async usageByStatus(): Promise<
      { status: Recording['status']; count: number; bytes: number }[]
    > {
      const rows = await db
        .select({
          status: t.recordings.status,
          count: count(),
          bytes: sum(t.recordings.sizeBytes).mapWith(Number),
        })
        .from(t.recordings)
        .groupBy(t.recordings.status);
      return rows.map((r) => ({ status: r.status, count: Number(r.count), bytes: r.bytes ?? 0 }));
    },
  };
};

export const playbacksRepository = ({ db, t, atomic }: Executor) => ({
  async create(playback: Omit<NewPlayback, 'id' | 'createdAt' | 'isDefault'>): Promise<Playback> {
    const [row] = await db.insert(t.playbacks).values(playback).returning();
    return row!;
  },

  async findById(id: string): Promise<Playback | null> {
    const [row] = await db.select().from(t.playbacks).where(eq(t.playbacks.id, id));
    return row ?? null;
  },

  async listBySession(sessionId: string): Promise<Playback[]> {
    return db
      .select()
      .from(t.playbacks)
      .where(eq(t.playbacks.sessionId, sessionId))
      .orderBy(asc(t.playbacks.createdAt), asc(t.playbacks.id));
  },

  async defaultFor(sessionId: string): Promise<Playback | null> {
    const [row] = await db
      .select()
      .from(t.playbacks)
      .where(and(eq(t.playbacks.sessionId, sessionId), eq(t.playbacks.isDefault, true)));
    return row ?? null;
  },

  /** Leaves the session without a default playback. */
  async clearDefault(sessionId: string): Promise<void> {
    await db
      .update(t.playbacks)
      .set({ isDefault: false })
      .where(and(eq(t.playbacks.sessionId, sessionId), eq(t.playbacks.isDefault, true)));
  },

  /** Makes this playback the session's one default. */
  async setDefault(id: string): Promise<Playback | null> {
    return atomic(async (x) => {
      const [playback] = await x.db.select().from(t.playbacks).where(eq(t.playbacks.id, id));
      if (!playback) return null;
      await x.dialect.lockRow(x.db, t.sessions, playback.sessionId);
      await x.db
        .update(t.playbacks)
        .set({ isDefault: false })
        .where(and(eq(t.playbacks.sessionId, playback.sessionId), eq(t.playbacks.isDefault, true)));
      const [row] = await x.db
        .update(t.playbacks)
        .set({ isDefault: true })
        .where(eq(t.playbacks.id, id))
        .returning();
      return row ?? null;
    });
  },
});
