// Account roles (platform-wide) and session roles (per session), and who counts as host side/staff.
import { z } from 'zod';

export const AccountRole = z.enum(['admin', 'host', 'viewer']).meta({ id: 'AccountRole' });
export type AccountRole = z.infer<typeof AccountRole>;

export const SessionRole = z
  .enum(['owner', 'cohost', 'moderator', 'participant', 'viewer'])
  .meta({ id: 'SessionRole' });
export type SessionRole = z.infer<typeof SessionRole>;

export const LibraryRole = z.enum(['owner', 'member']).meta({ id: 'LibraryRole' });
export type LibraryRole = z.infer<typeof LibraryRole>;

type Maybe<T> = T | null | undefined;

/** Account role `host` or `admin`: may own rooms, presets, libraries. */
export function isHostAccount(accountRole: Maybe<AccountRole>): boolean {
  return accountRole === 'host' || accountRole === 'admin';
}

/** "Host side" = the session's owner or a cohost, or a platform admin. */
export function isHostSide(
  sessionRole: Maybe<SessionRole>,
  accountRole: Maybe<AccountRole>,
): boolean {
  return sessionRole === 'owner' || sessionRole === 'cohost' || accountRole === 'admin';
}

/** "Staff" = host side plus moderators. */
export function isStaff(sessionRole: Maybe<SessionRole>, accountRole: Maybe<AccountRole>): boolean {
  return isHostSide(sessionRole, accountRole) || sessionRole === 'moderator';
}
