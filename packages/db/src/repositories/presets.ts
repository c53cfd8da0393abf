import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { NewPreset, Preset } from '../rows.ts';
import { countRows, offsetOf, paged, type Page, type PageRequest } from './paging.ts';
import { libraryFilter } from './rooms.ts';

export type PresetPatch = Partial<Pick<Preset, 'name' | 'output' | 'layout' | 'defaultSettings'>>;

export const presetsRepository = ({ db, t, atomic }: Executor) => ({
  async create(
    preset: Omit<NewPreset, 'id' | 'createdAt' | 'updatedAt' | 'isDefault'>,
  ): Promise<Preset> {
    const [row] = await db.insert(t.presets).values(preset).returning();
    return row!;
  },

  async findById(id: string): Promise<Preset | null> {
    const [row] = await db.select().from(t.presets).where(eq(t.presets.id, id));
    return row ?? null;
  },

  async listByOwner(ownerId: string, libraryId?: string | null): Promise<Preset[]> {
    return db
      .select()
      .from(t.presets)
      .where(and(eq(t.presets.ownerId, ownerId), libraryFilter(t.presets.libraryId, libraryId)))
      .orderBy(asc(t.presets.createdAt), asc(t.presets.id));
  },

  /** `libraryId`: null = outside any library; undefined = any. */
  async pageByOwner(
    ownerId: string,
    filter: PageRequest & { libraryId?: string | null },
  ): Promise<Page<Preset>> {
    const where = and(
      eq(t.presets.ownerId, ownerId),
      libraryFilter(t.presets.libraryId, filter.libraryId),
    );
    return paged(
      filter,
      db
        .select()
        .from(t.presets)
        .where(where)
        .orderBy(asc(t.presets.createdAt), asc(t.presets.id))
        .limit(filter.limit)
        .offset(offsetOf(filter)),
      countRows(db, t.presets, where),
    );
  },

  async update(id: string, patch: PresetPatch): Promise<Preset | null> {
    const [row] = await db
      .update(t.presets)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(t.presets.id, id))
      .returning();
    return row ?? null;
  },

  async delete(id: string): Promise<boolean> {
    const rows = await db
      .delete(t.presets)
      .where(eq(t.presets.id, id))
      .returning({ id: t.presets.id });
    return rows.length > 0;
  },

  /** Makes this preset its owner's one default (the database refuses a second). */
  async setDefault(id: string): Promise<Preset | null> {
    return atomic(async (x) => {
      const [preset] = await x.db.select().from(t.presets).where(eq(t.presets.id, id));
      if (!preset) return null;
      // Two defaults set at once for one owner take turns on the owner's row.
      await x.dialect.lockRow(x.db, t.users, preset.ownerId);
      await x.db
        .update(t.presets)
        .set({ isDefault: false })
        .where(and(eq(t.presets.ownerId, preset.ownerId), eq(t.presets.isDefault, true)));
      const [row] = await x.db
        .update(t.presets)
        .set({ isDefault: true, updatedAt: new Date() })
        .where(eq(t.presets.id, id))
        .returning();
      return row ?? null;
    });
  },

  async defaultFor(ownerId: string): Promise<Preset | null> {
    const [row] = await db
      .select()
      .from(t.presets)
      .where(and(eq(t.presets.ownerId, ownerId), eq(t.presets.isDefault, true)));
    return row ?? null;
  },
});
