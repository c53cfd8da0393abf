import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { Library, LibraryMember } from '../rows.ts';
import { countRows, offsetOf, paged, type Page, type PageRequest } from './paging.ts';
import { readOnly } from './read-only.ts';

export type LibraryWithMembership = Library & {
  memberRole: LibraryMember['role'];
  memberCount: number;
};

type Query = Pick<Executor, 'db' | 't'>;

const memberRows = ({ db, t }: Query, libraryId: string) =>
  db
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

export type LibraryMemberRow = Awaited<ReturnType<typeof memberRows>>[number];

/** Members per library, for the given libraries (absent: none). */
const memberCounts = async ({ db, t }: Query, libraryIds: string[]) => {
  if (libraryIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ libraryId: t.libraryMembers.libraryId, n: count() })
    .from(t.libraryMembers)
    .where(inArray(t.libraryMembers.libraryId, libraryIds))
    .groupBy(t.libraryMembers.libraryId);
  return new Map(rows.map((r) => [r.libraryId, Number(r.n)]));
};

export const librariesRepository = ({ db, t, atomic, dialect }: Executor) => ({
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

  findById: readOnly(async (id: string): Promise<Library | null> => {
    const [row] = await db.select().from(t.libraries).where(eq(t.libraries.id, id));
    return row ?? null;
  }),

  async listForUser(userId: string): Promise<(Library & { memberRole: LibraryMember['role'] })[]> {
    const rows = await db
      .select({ library: t.libraries, memberRole: t.libraryMembers.role })
      .from(t.libraryMembers)
      .innerJoin(t.libraries, eq(t.libraries.id, t.libraryMembers.libraryId))
      .where(eq(t.libraryMembers.userId, userId))
      .orderBy(asc(t.libraries.createdAt), asc(t.libraries.id));
    return rows.map(({ library, memberRole }) => ({ ...library, memberRole }));
  },

  membership: readOnly(
    async (libraryId: string, userId: string): Promise<LibraryMember['role'] | null> => {
      const [row] = await db
        .select({ role: t.libraryMembers.role })
        .from(t.libraryMembers)
        .where(and(eq(t.libraryMembers.libraryId, libraryId), eq(t.libraryMembers.userId, userId)));
      return row?.role ?? null;
    },
  ),

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

  async members(libraryId: string): Promise<LibraryMemberRow[]> {
    return memberRows({ db, t }, libraryId);
  },

  async countOwners(libraryId: string): Promise<number> {
    const rows = await db
      .select({ userId: t.libraryMembers.userId })
      .from(t.libraryMembers)
      .where(and(eq(t.libraryMembers.libraryId, libraryId), eq(t.libraryMembers.role, 'owner')));
    return rows.length;
  },

  /** The libraries the user belongs to, with their role and each library's member count. */
  async pageForUser(userId: string, request: PageRequest): Promise<Page<LibraryWithMembership>> {
    const where = eq(t.libraryMembers.userId, userId);
    const page = await paged(
      request,
      db
        .select({ library: t.libraries, memberRole: t.libraryMembers.role })
        .from(t.libraryMembers)
        .innerJoin(t.libraries, eq(t.libraries.id, t.libraryMembers.libraryId))
        .where(where)
        .orderBy(asc(t.libraries.createdAt), asc(t.libraries.id))
        .limit(request.limit)
        .offset(offsetOf(request)),
      countRows(db, t.libraryMembers, where),
    );
    const counts = await memberCounts(
      { db, t },
      page.items.map((row) => row.library.id),
    );
    return {
      ...page,
      items: page.items.map(({ library, memberRole }) => ({
        ...library,
        memberRole,
        memberCount: counts.get(library.id) ?? 0,
      })),
    };
  },

  async memberCount(libraryId: string): Promise<number> {
    return (await memberCounts({ db, t }, [libraryId])).get(libraryId) ?? 0;
  },

  async memberPage(libraryId: string, request: PageRequest): Promise<Page<LibraryMemberRow>> {
    return paged(
      request,
      memberRows({ db, t }, libraryId).limit(request.limit).offset(offsetOf(request)),
      countRows(db, t.libraryMembers, eq(t.libraryMembers.libraryId, libraryId)),
    );
  },

  /** Locks the library's row until the transaction ends: membership changes take turns. */
  async lock(libraryId: string): Promise<void> {
    await dialect.lockRow(db, t.libraries, libraryId);
  },
});
