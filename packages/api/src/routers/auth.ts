import {
  AuthResponse,
  DeviceLoginRequest,
  ExchangeAuthCodeRequest,
  GenerateAuthCodeRequest,
  GenerateAuthCodeResponse,
  LoginRequest,
  LogoutRequest,
  RefreshTokenRequest,
  UpdatePasswordRequest,
  UpdatePasswordResponse,
  UserResponse,
  ViewerRegisterRequest,
  ViewerRegisterResponse,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

const LogoutResponse = z.object({ revoked: z.boolean() });

export const authOps = {
  login: operation({
    name: 'Login with email and password',
    description:
      'Public. Email and password → a short-lived access token (JWT), a refresh token and the user. 401 INVALID_CREDENTIALS on a wrong pair; 429 RATE_LIMITED after too many failed attempts for the email or address.',
    method: 'POST',
    path: '/auth/login',
    caller: 'public',
    input: LoginRequest,
    output: AuthResponse,
    handle: async ({ ctx, input }) => {
      await ctx.services.loginLimiter.attempt(input.email, ctx.ip);
      const response = await ctx.services.auth.login(input);
      await ctx.services.loginLimiter.succeeded(input.email, ctx.ip);
      return response;
    },
  }),
  refresh: operation({
    name: 'Refresh access token',
    description:
      'Public. Rotates the refresh token: answers a new access and refresh token. Presenting an already-rotated token (after a short grace for concurrent tabs) revokes the whole login (401).',
    method: 'POST',
    path: '/auth/refresh',
    caller: 'public',
    input: RefreshTokenRequest,
    output: AuthResponse,
    handle: ({ ctx, input }) => ctx.services.auth.refresh(input),
  }),
  registerViewer: operation({
    name: 'Register a new viewer with device token',
    description:
      'Public. Creates a viewer account bound to the device token, with the display name, and signs it in (same answer as a login).',
    method: 'POST',
    path: '/auth/viewer/register',
    caller: 'public',
    input: ViewerRegisterRequest,
    output: ViewerRegisterResponse,
    handle: ({ ctx, input }) => ctx.services.auth.registerViewer(input),
  }),
  deviceLogin: operation({
    name: 'Login with device token',
    description:
      'Public. Signs in the viewer account registered with the device token; 401 INVALID_CREDENTIALS when none is.',
    method: 'POST',
    path: '/auth/device/login',
    caller: 'public',
    input: DeviceLoginRequest,
    output: AuthResponse,
    handle: ({ ctx, input }) => ctx.services.auth.deviceLogin(input),
  }),
  exchangeCode: operation({
    name: 'Exchange auth code for tokens',
    description:
      'Public. Redeems a one-time code from `POST /auth/code` or a studio URL for the tokens of the account that made it: one use, valid 60 s, 410 CODE_EXPIRED when expired or already used.',
    method: 'POST',
    path: '/auth/code/exchange',
    caller: 'public',
    input: ExchangeAuthCodeRequest,
    output: AuthResponse,
    handle: ({ ctx, input }) => ctx.services.auth.exchangeCode(input),
  }),
  me: operation({
    name: 'Get current authenticated user',
    description: "Any signed-in caller. The caller's own account.",
    method: 'GET',
    path: '/auth/me',
    caller: 'any',
    input: z.strictObject({}),
    output: UserResponse,
    handle: ({ ctx }) => ctx.services.auth.me(ctx.actor),
  }),
  logout: operation({
    name: 'Logout and invalidate refresh token',
    description:
      'Any signed-in caller. Revokes the login the refresh token belongs to (`revoked` says whether it was still active); its access tokens stop working.',
    method: 'POST',
    path: '/auth/logout',
    caller: 'any',
    input: LogoutRequest,
    output: LogoutResponse,
    handle: ({ ctx, input }) => ctx.services.auth.logout(ctx.actor, input),
  }),
  updatePassword: operation({
    name: 'Update Password',
    description:
      'Any signed-in caller, for their own account: `current_password` proves it (403 naming the field when wrong; wrong attempts count like failed logins, 429 past the limit), `new_password` has at least 8 characters. Every other login of the account ends at once (their access tokens and sockets too); the calling one stays. 422 for a device account, which has no password.',
    method: 'PUT',
    path: '/auth/password',
    caller: 'any',
    input: UpdatePasswordRequest,
    output: UpdatePasswordResponse,
    // Each wrong current password counts like a failed login of the account.
    handle: async ({ ctx, input }) => {
      const { actor } = ctx;
      const account = actor.email ?? actor.id;
      await ctx.services.loginLimiter.attempt(account, ctx.ip);
      const updated = await ctx.services.auth.updatePassword(actor, input);
      await ctx.services.loginLimiter.succeeded(account, ctx.ip);
      return updated;
    },
  }),
  generateCode: operation({
    name: 'Generate a short-lived auth code',
    description:
      "Any signed-in caller. A one-time code (60 s) that hands the caller's identity to another app (studio ↔ web), redeemed with `POST /auth/code/exchange`. Under a library, the code is scoped to it.",
    method: 'POST',
    path: '/auth/code',
    caller: 'any',
    input: GenerateAuthCodeRequest,
    output: GenerateAuthCodeResponse,
    libraryScoped: true,
    handle: ({ ctx }) =>
      ctx.services.auth.generateCode(ctx.actor, { libraryId: ctx.libraryId ?? undefined }),
  }),
};
