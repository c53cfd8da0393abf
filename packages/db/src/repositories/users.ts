import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { NewUser, User } from '../rows.ts';
import { countRows, offsetOf, paged, type PageRequest } from './paging.ts';
import { readOnly } from './read-only.ts';

export type UserPatch = Partial<
  Pick<User, 'displayName' | 'role' | 'disabled' | 'passwordHash' | 'email'>
>;

const normalizeEmail = <T extends { email?: string | null }>(row: T): T =>
  row.email ? { ...row, email: row.email.trim().toLowerCase() } : row;

export const usersRepository = ({ db, t, dialect, prepared }: Executor) => ({
  async create(user: Omit<NewUser, 'id' | 'createdAt'>): Promise<User> {
    const [row] = await db.insert(t.users).values(normalizeEmail(user)).returning();
    return row!;
  },

  findById: readOnly(async (id: string): Promise<User | null> => {
    const query = prepared('users.findById', (db) =>
      db
        .select()
        .from(t.users)
        .where(eq(t.users.id, sql.placeholder('id')))
        .prepare('users_find_by_id'),
    );
    const [row] = await query.execute({ id });
    return row ?? null;
  }),

  /**
   * The user with the state of one of their logins (refresh family): `signedOut` when that login
   * was revoked (logout, reuse of a rotated token, an admin) or is gone. Null: no such user.
   */
  findSignedIn: readOnly(
    async (
      userId: string,
      familyId: string,
    ): Promise<{ user: User; signedOut: boolean } | null> => {
      const query = prepared('users.findSignedIn', (db) =>
        db
          .select({
            user: t.users,
            familyId: t.refreshTokenFamilies.id,
            revokedAt: t.refreshTokenFamilies.revokedAt,
          })
          .from(t.users)
          .leftJoin(
            t.refreshTokenFamilies,
            and(
              eq(t.refreshTokenFamilies.id, sql.placeholder('familyId')),
              eq(t.refreshTokenFamilies.userId, t.users.id),
            ),
          )
          .where(eq(t.users.id, sql.placeholder('userId')))
          .prepare('users_find_signed_in'),
      );
      const [row] = await query.execute({ userId, familyId });
      return row ? { user: row.user, signedOut: !row.familyId || row.revokedAt !== null } : null;
    },
  ),

  async findByEmail(email: string): Promise<User | null> {
    const [row] = await db
      .select()
      .from(t.users)
      .where(eq(t.users.email, email.trim().toLowerCase()));
    return row ?? null;
  },

  async update(id: string, patch: UserPatch): Promise<User | null> {
    const [row] = await db
      .update(t.users)
      .set({ ...normalizeEmail(patch), updatedAt: new Date() })
      .where(eq(t.users.id, id))
      .returning();
    return row ?? null;
  },

  async list(filter: PageRequest & { q?: string; role?: User['role'] }) {
    const conditions: (SQL | undefined)[] = [];
    if (filter.q)
      conditions.push(
        or(
          dialect.contains(t.users.email, filter.q),
          dialect.contains(t.users.displayName, filter.q),
        ),
      );
    if (filter.role) conditions.push(eq(t.users.role, filter.role));
    const where = and(...conditions);
    return paged(
      filter,
      db
        .select()
        .from(t.users)
        .where(where)
        .orderBy(asc(t.users.createdAt), asc(t.users.id))
        .limit(filter.limit)
        .offset(offsetOf(filter)),
      countRows(db, t.users, where),
    );
  },

  async countByRole(role: User['role']): Promise<number> {
    return countRows(db, t.users, eq(t.users.role, role));
  },

  /**
   * Locks every enabled admin's row until the transaction ends, then returns their ids as they
   * are now: changes that could leave no admin take turns and see each other's outcome.
   */
  async lockEnabledAdmins(): Promise<string[]> {
    const enabledAdmins = async () => {
      const rows = await db
        .select({ id: t.users.id })
        .from(t.users)
        .where(and(eq(t.users.role, 'admin'), eq(t.users.disabled, false)))
        .orderBy(asc(t.users.id));
      return rows.map((row) => row.id);
    };
    for (const id of await enabledAdmins()) await dialect.lockRow(db, t.users, id);
    return enabledAdmins();
  },
});
