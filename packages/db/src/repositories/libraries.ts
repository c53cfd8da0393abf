import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { Library, LibraryMember } from '../rows.ts';

export const librariesRepository = ({ db, t, atomic }: Executor) => ({
  /** The creator becomes the library's owner member. */
  async create(name: string, ownerId: string): Promise<Library> {
    return atomic(async ({ db }) => {
      const [library] = await db.insert(t.libraries).values({ name, ownerId }).returning();
      await db
        .insert(t.libraryMembers)
        .values({ libraryId: library!.id, userId: ownerId, role: 'owner' });
      return library!;
    });
  },

  async findById(id: string): Promise<Library | null> {
    const [row] = await db.select().from(t.libraries).where(eq(t.libraries.id, id));
    return row ?? null;
  },

  async listForUser(userId: string): Promise<(Library & { memberRole: LibraryMember['role'] })[]> {
    const rows = await db
      .select({ library: t.libraries, memberRole: t.libraryMembers.role })
      .from(t.libraryMembers)
      .innerJoin(t.libraries, eq(t.libraries.id, t.libraryMembers.libraryId))
      .where(eq(t.libraryMembers.userId, userId))
      .orderBy(asc(t.libraries.createdAt), asc(t.libraries.id));
    return rows.map(({ library, memberRole }) => ({ ...library, memberRole }));
  },

  async membership(libraryId: string, userId: string): Promise<LibraryMember['role'] | null> {
    const [row] = await db
      .select({ role: t.libraryMembers.role })
      .from(t.libraryMembers)
      .where(and(eq(t.libraryMembers.libraryId, libraryId), eq(t.libraryMembers.userId, userId)));
    return row?.role ?? null;
  },

  /** Adds the member or changes their role. */
  async putMember(
    libraryId: string,
    userId: string,
    role: LibraryMember['role'],
  ): Promise<LibraryMember> {
    const [row] = await db
      .insert(t.libraryMembers)
      .values({ libraryId, userId, role })
      .onConflictDoUpdate({
        target: [t.libraryMembers.libraryId, t.libraryMembers.userId],
        set: { role },
      })
      .returning();
    return row!;
  },

  async removeMember(libraryId: string, userId: string): Promise<boolean> {
    const rows = await db
      .delete(t.libraryMembers)
      .where(and(eq(t.libraryMembers.libraryId, libraryId), eq(t.libraryMembers.userId, userId)))
      .returning({ userId: t.libraryMembers.userId });
    return rows.length > 0;
  },

  async members(libraryId: string) {
    return db
      .select({
        userId: t.libraryMembers.userId,
        role: t.libraryMembers.role,
        createdAt: t.libraryMembers.createdAt,
        displayName: t.users.displayName,
        email: t.users.email,
      })
      .from(t.libraryMembers)
      .innerJoin(t.users, eq(t.users.id, t.libraryMembers.userId))
      .where(eq(t.libraryMembers.libraryId, libraryId))
      .orderBy(asc(t.libraryMembers.createdAt), asc(t.libraryMembers.userId));
  },

  async countOwners(libraryId: string): Promise<number> {
    const rows = await db
      .select({ userId: t.libraryMembers.userId })
      .from(t.libraryMembers)
      .where(and(eq(t.libraryMembers.libraryId, libraryId), eq(t.libraryMembers.role, 'owner')));
    return rows.length;
  },
});
