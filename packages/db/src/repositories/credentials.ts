// Device tokens, refresh-token families and one-time auth codes. Secrets are stored hashed:
// callers pass hashes, never raw tokens.
import { and, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { AuthCode, NewAuthCode, RefreshToken, RefreshTokenFamily, User } from '../rows.ts';

export const deviceTokensRepository = ({ db, t }: Executor) => ({
  async create(tokenHash: string, userId: string) {
    const [row] = await db.insert(t.deviceTokens).values({ tokenHash, userId }).returning();
    return row!;
  },

  /** The account the device token belongs to, and marks the token used. */
  async useToken(tokenHash: string): Promise<User | null> {
    const [token] = await db
      .update(t.deviceTokens)
      .set({ lastUsedAt: new Date() })
      .where(eq(t.deviceTokens.tokenHash, tokenHash))
      .returning();
    if (!token) return null;
    const [user] = await db.select().from(t.users).where(eq(t.users.id, token.userId));
    return user ?? null;
  },
});

export const refreshTokensRepository = ({ db, t, atomic }: Executor) => ({
  /** A new family (one login) with its first token. */
  async startFamily(userId: string, tokenHash: string, expiresAt: Date) {
    return atomic(async ({ db }) => {
      const [family] = await db.insert(t.refreshTokenFamilies).values({ userId }).returning();
      const [token] = await db
        .insert(t.refreshTokens)
        .values({ familyId: family!.id, tokenHash, expiresAt })
        .returning();
      return { family: family!, token: token! };
    });
  },

  async findByHash(
    tokenHash: string,
  ): Promise<{ token: RefreshToken; family: RefreshTokenFamily } | null> {
    const [row] = await db
      .select({ token: t.refreshTokens, family: t.refreshTokenFamilies })
      .from(t.refreshTokens)
      .innerJoin(t.refreshTokenFamilies, eq(t.refreshTokens.familyId, t.refreshTokenFamilies.id))
      .where(eq(t.refreshTokens.tokenHash, tokenHash));
    return row ?? null;
  },

  /**
   * Marks a token used and adds its successor to the family, atomically. Returns null when the
   * token was already used (a reuse: the caller decides about the family).
   */
  async rotate(
    tokenId: string,
    next: { tokenHash: string; expiresAt: Date },
  ): Promise<RefreshToken | null> {
    return atomic(async ({ db }) => {
      const [used] = await db
        .update(t.refreshTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(t.refreshTokens.id, tokenId), isNull(t.refreshTokens.usedAt)))
        .returning();
      if (!used) return null;
      const [token] = await db
        .insert(t.refreshTokens)
        .values({ familyId: used.familyId, ...next })
        .returning();
      return token!;
    });
  },

  /** Adds a token to a family without using another (a concurrent refresh within the grace). */
  async addToFamily(
    familyId: string,
    next: { tokenHash: string; expiresAt: Date },
  ): Promise<RefreshToken> {
    const [token] = await db
      .insert(t.refreshTokens)
      .values({ familyId, ...next })
      .returning();
    return token!;
  },

  async revokeFamily(familyId: string, reason: string): Promise<boolean> {
    const rows = await db
      .update(t.refreshTokenFamilies)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(t.refreshTokenFamilies.id, familyId), isNull(t.refreshTokenFamilies.revokedAt)))
      .returning({ id: t.refreshTokenFamilies.id });
    return rows.length > 0;
  },

  /** Revokes every live family of the user (but `exceptFamilyId`); returns their ids. */
  async revokeAllForUser(
    userId: string,
    reason: string,
    exceptFamilyId?: string,
  ): Promise<string[]> {
    const rows = await db
      .update(t.refreshTokenFamilies)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(
        and(
          eq(t.refreshTokenFamilies.userId, userId),
          isNull(t.refreshTokenFamilies.revokedAt),
          exceptFamilyId ? ne(t.refreshTokenFamilies.id, exceptFamilyId) : undefined,
        ),
      )
      .returning({ id: t.refreshTokenFamilies.id });
    return rows.map((row) => row.id);
  },
});

export const authCodesRepository = ({ db, t }: Executor) => ({
  async create(code: Omit<NewAuthCode, 'id' | 'createdAt' | 'usedAt'>): Promise<AuthCode> {
    const [row] = await db.insert(t.authCodes).values(code).returning();
    return row!;
  },

  /** Single use, atomically: of two concurrent redeems exactly one gets the row, the other null. */
  async redeem(codeHash: string, now = new Date()): Promise<AuthCode | null> {
    const [row] = await db
      .update(t.authCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(t.authCodes.codeHash, codeHash),
          isNull(t.authCodes.usedAt),
          gt(t.authCodes.expiresAt, now),
        ),
      )
      .returning();
    return row ?? null;
  },

  /** Removes codes that are used or expired before `before`; returns how many. */
  async purge(before: Date): Promise<number> {
    const rows = await db
      .delete(t.authCodes)
      .where(or(lt(t.authCodes.expiresAt, before), lt(t.authCodes.usedAt, before)))
      .returning({ id: t.authCodes.id });
    return rows.length;
  },
});
