// First start: make sure an admin exists — from ADMIN_EMAIL / ADMIN_PASSWORD, or with a one-time
// password printed once to the operator.
import { randomBytes } from 'node:crypto';
import type { Database } from '@vidinfra/db';
import { hashPassword } from '@vidinfra/services';

/** The first admin's sign-in name when ADMIN_EMAIL is unset: an address login accepts. */
export const DEFAULT_ADMIN_EMAIL = 'admin@example.com';

export async function ensureAdmin(
  db: Database,
  admin: { email: string; password: string | null } | null,
  tell: (line: string) => void,
): Promise<{ created: boolean; email?: string }> {
  if ((await db.repos.users.countByRole('admin')) > 0) return { created: false };
  const email = admin?.email ?? DEFAULT_ADMIN_EMAIL;
  const password = admin?.password ?? randomBytes(12).toString('base64url');
  await db.repos.users.create({
    email,
    passwordHash: await hashPassword(password),
    displayName: 'Administrator',
    role: 'admin',
  });
  if (!admin?.password) {
    tell(
      `created the first admin: ${email} with the one-time password ${password} — change it after signing in`,
    );
  }
  return { created: true, email };
}
