// Cases of the Health and Auth sections.
import {
  AuthResponse,
  GenerateAuthCodeResponse,
  HealthResponse,
  UpdatePasswordResponse,
  UserResponse,
  ViewerRegisterResponse,
} from '@vidinfra/domain';
import { expect } from 'vitest';
import { z } from 'zod';
import { PASSWORD } from '../harness.ts';
import { freshRefreshToken, type Person } from './fixtures.ts';
import type { Case, Ctx } from './model.ts';

/** The person a public auth row signs in as: the caller, or the viewer for anonymous calls. */
const subject = (ctx: Ctx): Person => ctx.person ?? ctx.people.viewer;

const deviceToken = () => `contract-device-${crypto.randomUUID()}`;

const userCount = async ({ api }: Ctx) =>
  (await api.db.repos.users.list({ page: 1, limit: 1 })).total;

const post = (api: Ctx['api'], path: string, body: unknown, token?: string) =>
  api.call('POST', `/api${path}`, { body, token });

export const authCases: Record<string, Case> = {
  'Health check': {
    output: HealthResponse,
    verify: (data) => expect(data.checks.db.status).toBe('up'),
  },

  'Login with email and password': {
    prepare: (ctx) => ({ body: { email: subject(ctx).email, password: PASSWORD } }),
    output: AuthResponse,
    verify: (data, ctx) => expect(data.user.id).toBe(subject(ctx).id),
    errors: [
      {
        name: 'a wrong password is 401 INVALID_CREDENTIALS',
        as: 'anonymous',
        prepare: async ({ people }) => ({
          body: { email: people.host.email, password: 'not the password' },
        }),
        expect: { status: 401, code: 'INVALID_CREDENTIALS' },
      },
    ],
  },

  'Refresh access token': {
    prepare: async (ctx) => ({
      body: { refresh_token: await freshRefreshToken(ctx.api.services, subject(ctx)) },
    }),
    output: AuthResponse,
    verify: (data, ctx) => expect(data.user.id).toBe(subject(ctx).id),
    errors: [
      {
        name: 'reusing a rotated refresh token is 401 and revokes the whole family',
        as: 'anonymous',
        prepare: async (ctx) => {
          const old = await freshRefreshToken(ctx.api.services, ctx.people.viewer);
          const rotated = await post(ctx.api, '/auth/refresh', { refresh_token: old });
          expect(rotated.status).toBe(200);
          ctx.scratch.successor = rotated.body.data.refresh_token;
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { body: { refresh_token: old } };
        },
        expect: { status: 401, code: 'UNAUTHORIZED' },
        after: async (ctx) => {
          const successor = ctx.scratch.successor;
          const again = await post(ctx.api, '/auth/refresh', { refresh_token: successor });
          expect(again.status).toBe(401);
        },
      },
    ],
  },

  'Register a new viewer with device token': {
    prepare: () => ({
      body: { device_token: deviceToken(), display_name: 'Contract device viewer' },
    }),
    output: ViewerRegisterResponse,
    verify: (data) => {
      expect(data.user.role).toBe('viewer');
      expect(data.user.display_name).toBe('Contract device viewer');
    },
    state: userCount,
  },

  'Login with device token': {
    prepare: async ({ api }) => {
      const device_token = deviceToken();
      await api.services.auth.registerViewer({ device_token, display_name: 'Device owner' });
      return { body: { device_token } };
    },
    output: AuthResponse,
    verify: (data) => expect(data.user.display_name).toBe('Device owner'),
    errors: [
      {
        name: 'an unknown device token is 401',
        as: 'anonymous',
        prepare: async () => ({ body: { device_token: deviceToken() } }),
        expect: { status: 401, code: 'INVALID_CREDENTIALS' },
      },
    ],
  },

  'Exchange auth code for tokens': {
    prepare: async ({ api, people }) => {
      const { code } = await api.services.auth.generateCode(people.host.actor);
      return { body: { code } };
    },
    output: AuthResponse,
    verify: (data, { people }) => expect(data.user.id).toBe(people.host.id),
    errors: [
      {
        name: 'a used code is 410 CODE_EXPIRED',
        as: 'anonymous',
        prepare: async ({ api, people }) => {
          const { code } = await api.services.auth.generateCode(people.host.actor);
          expect((await post(api, '/auth/code/exchange', { code })).status).toBe(200);
          return { body: { code } };
        },
        expect: { status: 410, code: 'CODE_EXPIRED' },
      },
      {
        name: 'an unknown code is 410 CODE_EXPIRED',
        as: 'anonymous',
        prepare: async () => ({ body: { code: crypto.randomUUID() } }),
        expect: { status: 410, code: 'CODE_EXPIRED' },
      },
    ],
  },

  'Get current authenticated user': {
    output: UserResponse,
    verify: (data, ctx) => expect(data.id).toBe(ctx.person?.id),
  },

  'Logout and invalidate refresh token': {
    prepare: async (ctx) => ({
      body: { refresh_token: await freshRefreshToken(ctx.api.services, subject(ctx)) },
    }),
    output: z.object({ revoked: z.literal(true) }),
    verify: async (_data, ctx) => {
      const token = (ctx.request?.body as { refresh_token: string }).refresh_token;
      const refreshed = await post(ctx.api, '/auth/refresh', { refresh_token: token });
      expect(refreshed.status).toBe(401);
    },
  },

  'Update Password': {
    // The same password again: the shared accounts keep signing in with it.
    prepare: async (ctx) => {
      ctx.scratch.otherLogin = await freshRefreshToken(ctx.api.services, subject(ctx));
      return { body: { current_password: PASSWORD, new_password: PASSWORD } };
    },
    output: UpdatePasswordResponse,
    verify: async (data, ctx) => {
      expect(data.other_logins_ended).toBeGreaterThanOrEqual(1);
      const refreshed = await post(ctx.api, '/auth/refresh', {
        refresh_token: ctx.scratch.otherLogin,
      });
      expect(refreshed.status, 'the other login ended').toBe(401);
      const me = await ctx.api.call('GET', '/api/auth/me', { token: ctx.person?.token });
      expect(me.status, 'the calling login stays signed in').toBe(200);
    },
    state: async (ctx) => (await ctx.api.db.repos.users.findById(subject(ctx).id))?.passwordHash,
    errors: [
      {
        name: 'a wrong current password is 403 naming the field, and changes nothing',
        as: 'viewer',
        prepare: async () => ({
          body: { current_password: 'not the password', new_password: 'another password' },
        }),
        expect: { status: 403, code: 'FORBIDDEN' },
      },
    ],
  },

  'Generate a short-lived auth code': {
    prepare: () => ({ body: {} }),
    output: GenerateAuthCodeResponse,
    verify: async (data, ctx) => {
      expect(data.expires_in).toBe(60);
      const exchanged = await post(ctx.api, '/auth/code/exchange', { code: data.code });
      expect(exchanged.body.data?.user.id).toBe(ctx.person?.id);
    },
  },
};
