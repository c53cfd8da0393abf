import {
  DomainError,
  type AuthResponse,
  type DeviceLoginRequest,
  type ExchangeAuthCodeRequest,
  type GenerateAuthCodeResponse,
  type LoginRequest,
  type RefreshTokenRequest,
  type UpdatePasswordRequest,
  type UpdatePasswordResponse,
  type UserResponse,
  type ViewerRegisterRequest,
} from '@vidinfra/domain';
import type { Repositories, User } from '@vidinfra/db';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { toUserResponse } from '../mappers.ts';
import { accessTokens } from './access-tokens.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { hashSecret, newAuthCode, newRefreshToken } from './secrets.ts';
import { signOutLogin, signOutOtherLogins } from './sign-out.ts';

export const AUTH_CODE_TTL_SECONDS = 60;

/** A login (refresh-token family) just started, with its first refresh token. */
interface Login {
  familyId: string;
  refreshToken: string;
}

const invalidCredentials = () =>
  new DomainError('INVALID_CREDENTIALS', 'email or password is wrong');
const toActor = (user: User, loginId: string): Actor => ({
  id: user.id,
  role: user.role,
  displayName: user.displayName,
  email: user.email,
  loginId,
});

export const authService = ({ db, config, now }: Deps) => {
  const tokens = accessTokens(config.jwtSecret, config.accessTokenTtlSeconds);
  const later = (seconds: number) => new Date(now().getTime() + seconds * 1000);

  /** A login's tokens: a fresh access token beside the login's refresh token. */
  const respond = async (user: User, login: Login): Promise<AuthResponse> => ({
    access_token: await tokens.sign({ userId: user.id, familyId: login.familyId }, now()),
    refresh_token: login.refreshToken,
    expires_in: config.accessTokenTtlSeconds,
    user: toUserResponse(user),
  });

  /** A new login (refresh-token family) for the user, stored through `repos`. */
  const startLogin = async (user: User, repos: Repositories = db.repos): Promise<Login> => {
    if (user.disabled) throw new DomainError('ACCOUNT_DISABLED', 'this account is disabled');
    const refreshToken = newRefreshToken();
    const { family } = await repos.refreshTokens.startFamily(
      user.id,
      hashSecret(refreshToken),
      later(config.refreshTokenTtlSeconds),
    );
    return { familyId: family.id, refreshToken };
  };

  /** A new login for the user, with its first tokens. */
  const issue = async (user: User): Promise<AuthResponse> => respond(user, await startLogin(user));

  return {
    async login({ email, password }: LoginRequest): Promise<AuthResponse> {
      const user = await db.repos.users.findByEmail(email);
      const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
      if (!user?.passwordHash || !ok) throw invalidCredentials();
      return issue(user);
    },

    /**
     * Rotates the refresh token. Presenting a token that was already rotated revokes its whole
     * family (a stolen token was used), except within a short grace for concurrent refreshes.
     */
    async refresh({ refresh_token }: RefreshTokenRequest): Promise<AuthResponse> {
      const found = await db.repos.refreshTokens.findByHash(hashSecret(refresh_token));
      const current = now();
      if (!found || found.family.revokedAt || found.token.expiresAt <= current) {
        throw new DomainError('UNAUTHORIZED', 'refresh token is invalid or expired');
      }
      const user = await db.repos.users.findById(found.family.userId);
      if (!user) throw new DomainError('UNAUTHORIZED', 'refresh token is invalid or expired');
      if (user.disabled) throw new DomainError('ACCOUNT_DISABLED', 'this account is disabled');
      const next = newRefreshToken();
      const successor = {
        tokenHash: hashSecret(next),
        expiresAt: later(config.refreshTokenTtlSeconds),
      };
      const rotated = await db.repos.refreshTokens.rotate(found.token.id, successor);
      if (!rotated) {
        const usedAt = found.token.usedAt ?? current;
        const graceMs = config.refreshReuseGraceSeconds * 1000;
        const withinGrace = graceMs > 0 && current.getTime() - usedAt.getTime() < graceMs;
        if (!withinGrace) {
          await db.transaction((r) =>
            signOutLogin(r, found.family.userId, found.family.id, 'refresh token reused'),
          );
          throw new DomainError(
            'UNAUTHORIZED',
            'refresh token was already used; this login is revoked',
          );
        }
        // A concurrent refresh of the same token (two tabs): this caller gets a successor too.
        await db.repos.refreshTokens.addToFamily(found.family.id, successor);
      }
      return respond(user, { familyId: found.family.id, refreshToken: next });
    },

    async registerViewer({
      device_token,
      display_name,
    }: ViewerRegisterRequest): Promise<AuthResponse> {
      // The account, its device and its first login commit together (one write per viewer in
      // a join storm); the access token is signed after, outside the transaction.
      const { user, login } = await db.transaction(async (r) => {
        const created = await r.users.create({ displayName: display_name, role: 'viewer' });
        await r.deviceTokens.create(hashSecret(device_token), created.id);
        return { user: created, login: await startLogin(created, r) };
      });
      return respond(user, login);
    },

    async deviceLogin({ device_token }: DeviceLoginRequest): Promise<AuthResponse> {
      const user = await db.repos.deviceTokens.useToken(hashSecret(device_token));
      if (!user) throw new DomainError('INVALID_CREDENTIALS', 'unknown device token');
      return issue(user);
    },

    /** A one-time code (60 s) that hands the caller's identity to another app. */
    async generateCode(
      actor: Actor,
      scope: { purpose?: 'handoff' | 'studio'; sessionId?: string; libraryId?: string } = {},
    ): Promise<GenerateAuthCodeResponse> {
      const code = newAuthCode();
      await db.repos.authCodes.create({
        codeHash: hashSecret(code),
        userId: actor.id,
        purpose: scope.purpose ?? 'handoff',
        sessionId: scope.sessionId ?? null,
        libraryId: scope.libraryId ?? null,
        expiresAt: later(AUTH_CODE_TTL_SECONDS),
      });
      return { code, expires_in: AUTH_CODE_TTL_SECONDS };
    },

    /** Redeems a code once; 410 when it is unknown, used or expired. */
    async exchangeCode({ code }: ExchangeAuthCodeRequest): Promise<AuthResponse> {
      const redeemed = await db.repos.authCodes.redeem(hashSecret(code), now());
      if (!redeemed)
        throw new DomainError('CODE_EXPIRED', 'this code is expired or was already used');
      const user = await db.repos.users.findById(redeemed.userId);
      if (!user) throw new DomainError('CODE_EXPIRED', 'this code is expired or was already used');
      return issue(user);
    },

    async logout(
      actor: Actor,
      { refresh_token }: RefreshTokenRequest,
    ): Promise<{ revoked: boolean }> {
      const found = await db.repos.refreshTokens.findByHash(hashSecret(refresh_token));
      if (!found || found.family.userId !== actor.id) return { revoked: false };
      const revoked = await db.transaction((r) =>
        signOutLogin(r, actor.id, found.family.id, 'logout'),
      );
      return { revoked };
    },

    /**
     * The caller's own password, proven by the current one; the caller's other logins end (the
     * calling one stays signed in), and their sockets with them.
     */
    async updatePassword(
      actor: Actor,
      { current_password, new_password }: UpdatePasswordRequest,
    ): Promise<UpdatePasswordResponse> {
      const user = await db.repos.users.findById(actor.id);
      if (!user) throw new DomainError('UNAUTHORIZED', 'account no longer exists');
      if (!user.passwordHash)
        throw new DomainError(
          'BUSINESS_RULE',
          'this account signs in with its device: it has no password',
        );
      if (!(await verifyPassword(user.passwordHash, current_password))) {
        const message = 'the current password is wrong';
        throw new DomainError('FORBIDDEN', message, {
          details: [{ field: 'current_password', message }],
        });
      }
      const passwordHash = await hashPassword(new_password);
      const ended = await db.transaction(async (r) => {
        await r.users.update(actor.id, { passwordHash });
        return signOutOtherLogins(r, actor.id, actor.loginId, 'password changed');
      });
      return { updated: true, other_logins_ended: ended };
    },

    async me(actor: Actor): Promise<UserResponse> {
      const user = await db.repos.users.findById(actor.id);
      if (!user) throw new DomainError('UNAUTHORIZED', 'account no longer exists');
      return toUserResponse(user);
    },

    /**
     * The account behind an access token: UNAUTHORIZED / TOKEN_EXPIRED / ACCOUNT_DISABLED
     * otherwise. A token dies with its login: logout, a reused refresh token or an admin's
     * revocation refuse it at once, not when it expires.
     */
    async authenticate(accessToken: string): Promise<Actor> {
      const claims = await tokens.verify(accessToken, now());
      const found = await db.repos.users.findSignedIn(claims.userId, claims.familyId);
      if (!found) throw new DomainError('UNAUTHORIZED', 'account no longer exists');
      const { user, signedOut } = found;
      if (user.disabled) throw new DomainError('ACCOUNT_DISABLED', 'this account is disabled');
      if (signedOut) throw new DomainError('UNAUTHORIZED', 'this login was signed out');
      return toActor(user, claims.familyId);
    },
  };
};

export type AuthService = ReturnType<typeof authService>;
