import { and, asc, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { NewRoom, Room } from '../rows.ts';
import { countRows, offsetOf, paged, type PageRequest } from './paging.ts';
import { readOnly } from './read-only.ts';

export type RoomPatch = Partial<Pick<Room, 'name' | 'description' | 'visibility'>>;

/** null = outside any library; undefined = any. */
export const libraryFilter = (
  column: Parameters<typeof eq>[0],
  libraryId: string | null | undefined,
) =>
  libraryId === undefined ? undefined : libraryId === null ? isNull(column) : eq(column, libraryId);

export const roomsRepository = ({ db, t, dialect }: Executor) => {
  const list = (filter: PageRequest, where: SQL | undefined) =>
    paged(
      filter,
      db
        .select()
        .from(t.rooms)
        .where(where)
        .orderBy(desc(t.rooms.createdAt), desc(t.rooms.id))
        .limit(filter.limit)
        .offset(offsetOf(filter)),
      countRows(db, t.rooms, where),
    );

  return {
    async create(room: Omit<NewRoom, 'id' | 'createdAt' | 'updatedAt'>): Promise<Room> {
      const [row] = await db.insert(t.rooms).values(room).returning();
      return row!;
    },

    findById: readOnly(async (id: string): Promise<Room | null> => {
      const [row] = await db.select().from(t.rooms).where(eq(t.rooms.id, id));
      return row ?? null;
    }),

    async update(id: string, patch: RoomPatch): Promise<Room | null> {
      const [row] = await db
        .update(t.rooms)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(t.rooms.id, id))
        .returning();
      return row ?? null;
    },

    async delete(id: string): Promise<boolean> {
      const rows = await db.delete(t.rooms).where(eq(t.rooms.id, id)).returning({ id: t.rooms.id });
      return rows.length > 0;
    },

    /** Public rooms, optionally matching `q` in name or description. */
    listPublic(filter: PageRequest & { q?: string; libraryId?: string | null }) {
      const search = filter.q
        ? or(
            dialect.contains(t.rooms.name, filter.q),
            dialect.contains(t.rooms.description, filter.q),
          )
        : undefined;
      return list(
        filter,
        and(
          eq(t.rooms.visibility, 'public'),
          search,
          libraryFilter(t.rooms.libraryId, filter.libraryId),
        ),
      );
    },

    listByOwner(ownerId: string, filter: PageRequest & { libraryId?: string | null }) {
      return list(
        filter,
        and(eq(t.rooms.ownerId, ownerId), libraryFilter(t.rooms.libraryId, filter.libraryId)),
      );
    },

    async idsOwnedBy(ownerId: string, libraryId?: string | null): Promise<string[]> {
      const rows = await db
        .select({ id: t.rooms.id })
        .from(t.rooms)
        .where(and(eq(t.rooms.ownerId, ownerId), libraryFilter(t.rooms.libraryId, libraryId)))
        .orderBy(asc(t.rooms.id));
      return rows.map((r) => r.id);
    },
  };
};
