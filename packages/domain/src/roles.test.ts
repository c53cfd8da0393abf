import { describe, expect, it } from 'vitest';
import type { AccountRole, SessionRole } from './roles.ts';
import { isHostAccount, isHostSide, isStaff } from './roles.ts';

const SESSION_ROLES: (SessionRole | null)[] = [
  'owner',
  'cohost',
  'moderator',
  'participant',
  'viewer',
  null,
];
const ACCOUNT_ROLES: AccountRole[] = ['admin', 'host', 'viewer'];

describe('isHostSide / isStaff', () => {
  const cases = SESSION_ROLES.flatMap((sessionRole) =>
    ACCOUNT_ROLES.map((accountRole) => ({ sessionRole, accountRole })),
  );

  it.each(cases)('$sessionRole as $accountRole', ({ sessionRole, accountRole }) => {
    const hostSide = accountRole === 'admin' || sessionRole === 'owner' || sessionRole === 'cohost';
    expect(isHostSide(sessionRole, accountRole)).toBe(hostSide);
    expect(isStaff(sessionRole, accountRole)).toBe(hostSide || sessionRole === 'moderator');
  });
});

describe('isHostAccount', () => {
  it('is true for host and admin accounts only', () => {
    expect(ACCOUNT_ROLES.filter(isHostAccount)).toEqual(['admin', 'host']);
    expect(isHostAccount(null)).toBe(false);
  });
});
