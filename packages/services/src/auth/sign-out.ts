// Ending logins: the refresh family (or all of the user's) is revoked and the user's channel is
// told in the same transaction, so access tokens of those logins stop working at once and the
// realtime gateway disconnects the sockets they opened.
import type { Repositories } from '@vidinfra/db';
import { recordEvent } from '../events.ts';

/** Ends one login of the user; false when it had already ended. */
export async function signOutLogin(
  r: Repositories,
  userId: string,
  loginId: string,
  reason: string,
): Promise<boolean> {
  const revoked = await r.refreshTokens.revokeFamily(loginId, reason);
  if (revoked)
    await recordEvent(r, 'auth.signed_out', userId, { user_id: userId, login_id: loginId });
  return revoked;
}

/** Ends every login of the user; returns how many were still live. */
export async function signOutEverywhere(
  r: Repositories,
  userId: string,
  reason: string,
): Promise<number> {
  const revoked = await r.refreshTokens.revokeAllForUser(userId, reason);
  if (revoked.length)
    await recordEvent(r, 'auth.signed_out', userId, { user_id: userId, login_id: null });
  return revoked.length;
}

/** Ends every login of the user but `keptLoginId`, each on its own; returns how many. */
export async function signOutOtherLogins(
  r: Repositories,
  userId: string,
  keptLoginId: string | undefined,
  reason: string,
): Promise<number> {
  const revoked = await r.refreshTokens.revokeAllForUser(userId, reason, keptLoginId);
  for (const loginId of revoked)
    await recordEvent(r, 'auth.signed_out', userId, { user_id: userId, login_id: loginId });
  return revoked.length;
}
