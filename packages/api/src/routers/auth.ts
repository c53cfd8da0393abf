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
    method: 'POST',
    path: '/auth/refresh',
    caller: 'public',
    input: RefreshTokenRequest,
    output: AuthResponse,
    handle: ({ ctx, input }) => ctx.services.auth.refresh(input),
  }),
  registerViewer: operation({
    name: 'Register a new viewer with device token',
    method: 'POST',
    path: '/auth/viewer/register',
    caller: 'public',
    input: ViewerRegisterRequest,
    output: ViewerRegisterResponse,
    handle: ({ ctx, input }) => ctx.services.auth.registerViewer(input),
  }),
  deviceLogin: operation({
    name: 'Login with device token',
    method: 'POST',
    path: '/auth/device/login',
    caller: 'public',
    input: DeviceLoginRequest,
    output: AuthResponse,
    handle: ({ ctx, input }) => ctx.services.auth.deviceLogin(input),
  }),
  exchangeCode: operation({
    name: 'Exchange auth code for tokens',
    method: 'POST',
    path: '/auth/code/exchange',
    caller: 'public',
    input: ExchangeAuthCodeRequest,
    output: AuthResponse,
    handle: ({ ctx, input }) => ctx.services.auth.exchangeCode(input),
  }),
  me: operation({
    name: 'Get current authenticated user',
    method: 'GET',
    path: '/auth/me',
    caller: 'any',
    input: z.strictObject({}),
    output: UserResponse,
    handle: ({ ctx }) => ctx.services.auth.me(ctx.actor!),
  }),
  logout: operation({
    name: 'Logout and invalidate refresh token',
    method: 'POST',
    path: '/auth/logout',
    caller: 'any',
    input: LogoutRequest,
    output: LogoutResponse,
    handle: ({ ctx, input }) => ctx.services.auth.logout(ctx.actor!, input),
  }),
  updatePassword: operation({
    name: 'Update Password',
    method: 'PUT',
    path: '/auth/password',
    caller: 'any',
    input: UpdatePasswordRequest,
    output: UpdatePasswordResponse,
    // Each wrong current password counts like a failed login of the account.
    handle: async ({ ctx, input }) => {
      const actor = ctx.actor!;
      const account = actor.email ?? actor.id;
      await ctx.services.loginLimiter.attempt(account, ctx.ip);
      const updated = await ctx.services.auth.updatePassword(actor, input);
      await ctx.services.loginLimiter.succeeded(account, ctx.ip);
      return updated;
    },
  }),
  generateCode: operation({
    name: 'Generate a short-lived auth code',
    method: 'POST',
    path: '/auth/code',
    caller: 'any',
    input: GenerateAuthCodeRequest,
    output: GenerateAuthCodeResponse,
    libraryScoped: true,
    handle: ({ ctx }) =>
      ctx.services.auth.generateCode(ctx.actor!, { libraryId: ctx.libraryId ?? undefined }),
  }),
};
