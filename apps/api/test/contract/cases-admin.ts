// Cases of the Presets, Admin and Supporting operations (users, libraries, members) sections.
import {
  LibraryListResponse,
  LibraryMemberListResponse,
  LibraryMemberResponse,
  LibraryResponse,
  PresetListResponse,
  PresetResponse,
  StorageStatusResponse,
  UserListResponse,
  UserResponse,
} from '@vidinfra/domain';
import { expect } from 'vitest';
import { freshRefreshToken, newPerson, presetOf } from './fixtures.ts';
import type { Case, Ctx } from './model.ts';

const presetRow = ({ api, world }: Ctx) => api.db.repos.presets.findById(world.preset!.id);

const presetsOf = async ({ api, people, person }: Ctx) =>
  (await api.db.repos.presets.listByOwner((person ?? people.viewer).id)).length;

const userRow = ({ api, scratch }: Ctx) => api.db.repos.users.findById(scratch.target!);

const userTotal = async ({ api }: Ctx) =>
  (await api.db.repos.users.list({ page: 1, limit: 1 })).total;

/** A fresh account as the target of an admin row: `{id}` of the path. */
const onTarget = async (ctx: Ctx) => {
  const target = await newPerson(ctx.api);
  ctx.scratch.target = target.id;
  ctx.scratch.targetToken = target.token;
  ctx.scratch.targetRefresh = await freshRefreshToken(ctx.api.services, target);
  return { params: { id: target.id } };
};

const members = ({ api, shared }: Ctx) =>
  api.db.repos.libraries
    .members(shared.libraryId)
    .then((rows) => rows.map(({ userId, role }) => `${role}:${userId}`));

const presetCase = (rest: Case): Case => ({ world: { preset: true }, ...rest });

export const adminCases: Record<string, Case> = {
  'Create a new preset': {
    prepare: () => ({ body: { name: 'Contract created preset', layout: 'grid' } }),
    output: PresetResponse,
    verify: (data, ctx) => expect(data).toMatchObject({ owner_id: ctx.person?.id, layout: 'grid' }),
    state: presetsOf,
  },

  'List my presets': presetCase({
    output: PresetListResponse,
    verify: (data, ctx) => {
      for (const preset of data.items) expect(preset.owner_id).toBe(ctx.person?.id);
      if (ctx.person?.id === ctx.world.owner.id) {
        expect(data.items.map((p: { id: string }) => p.id)).toContain(ctx.world.preset!.id);
      }
    },
  }),

  'Get preset by ID': presetCase({
    output: PresetResponse,
    verify: (data, { world }) => expect(data.id).toBe(world.preset!.id),
  }),

  'Update a preset': presetCase({
    prepare: () => ({ body: { name: 'Renamed contract preset', layout: 'side_by_side' } }),
    output: PresetResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ name: 'Renamed contract preset', layout: 'side_by_side' });
      expect((await presetRow(ctx))?.name).toBe('Renamed contract preset');
    },
    state: async (ctx) => {
      const preset = await presetRow(ctx);
      return { name: preset?.name, layout: preset?.layout };
    },
  }),

  'Delete a preset': presetCase({
    verify: async (_data, ctx) => expect(await presetRow(ctx)).toBeNull(),
    state: async (ctx) => (await presetRow(ctx)) !== null,
  }),

  'Set preset as default': presetCase({
    prepare: async (ctx) => {
      const other = await presetOf(ctx.api.services, ctx.world, 'Previous default');
      await ctx.api.db.repos.presets.setDefault(other.id);
      ctx.scratch.previous = other.id;
      return {};
    },
    output: PresetResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ id: ctx.world.preset!.id, is_default: true });
      const previous = await ctx.api.db.repos.presets.findById(ctx.scratch.previous!);
      expect(previous?.isDefault, 'exactly one default per owner').toBe(false);
    },
    state: async (ctx) => (await ctx.api.db.repos.presets.defaultFor(ctx.world.owner.id))?.id,
  }),

  'Get storage status': {
    output: StorageStatusResponse,
  },

  'Create User': {
    prepare: () => ({
      body: {
        email: `created-${crypto.randomUUID()}@example.test`,
        password: 'a long enough password',
        display_name: 'Created by admin',
        role: 'host',
      },
    }),
    output: UserResponse,
    verify: (data) =>
      expect(data).toMatchObject({ role: 'host', display_name: 'Created by admin' }),
    state: userTotal,
    errors: [
      {
        name: 'an email already taken is a 409',
        as: 'admin',
        prepare: async ({ people }) => ({
          body: {
            email: people.viewer.email,
            password: 'a long enough password',
            display_name: 'Duplicate',
            role: 'viewer',
          },
        }),
        expect: { status: 409 },
      },
    ],
  },

  'Find Users': {
    prepare: () => ({ query: { role: 'admin' } }),
    output: UserListResponse,
    verify: (data, { people }) => {
      expect(data.items.map((u: { id: string }) => u.id)).toContain(people.admin.id);
      for (const user of data.items) expect(user.role).toBe('admin');
    },
  },

  'Show User details': {
    prepare: ({ people }) => ({ params: { id: people.viewer.id } }),
    output: UserResponse,
    verify: (data, { people }) => expect(data.id).toBe(people.viewer.id),
  },

  'Update User': {
    prepare: async (ctx) => ({
      ...(await onTarget(ctx)),
      body: { display_name: 'Renamed by admin', disabled: true },
    }),
    output: UserResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ display_name: 'Renamed by admin', disabled: true });
      const me = await ctx.api.call('GET', '/api/auth/me', { token: ctx.scratch.targetToken });
      expect(me.status, "a disabled user's tokens stop working").toBeGreaterThanOrEqual(401);
      expect(me.status).toBeLessThanOrEqual(403);
      expect(['UNAUTHORIZED', 'ACCOUNT_DISABLED']).toContain(me.body.error?.code);
    },
    state: async (ctx) => {
      const user = await userRow(ctx);
      return { name: user?.displayName, disabled: user?.disabled };
    },
  },

  'Update User Password': {
    prepare: async (ctx) => ({
      ...(await onTarget(ctx)),
      body: { password: 'the brand new password' },
    }),
    verify: async (_data, ctx) => {
      const user = await userRow(ctx);
      const login = await ctx.api.call('POST', '/api/auth/login', {
        body: { email: user!.email, password: 'the brand new password' },
      });
      expect(login.status, 'the new password signs in').toBe(200);
    },
    state: async (ctx) => (await userRow(ctx))?.passwordHash,
  },

  'Delete User Sessions': {
    prepare: onTarget,
    verify: async (_data, ctx) => {
      const refreshed = await ctx.api.call('POST', '/api/auth/refresh', {
        body: { refresh_token: ctx.scratch.targetRefresh },
      });
      expect(refreshed.status, 'every refresh token of the user is revoked').toBe(401);
    },
  },

  'Create New Library': {
    roles: 'library',
    prepare: () => ({ body: { name: 'Contract created library' } }),
    output: LibraryResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ owner_id: ctx.person?.id, role: 'owner', member_count: 1 });
      const role = await ctx.api.db.repos.libraries.membership(data.id, ctx.person!.id);
      expect(role, 'the creator becomes its owner').toBe('owner');
    },
    state: async ({ api, people, person }) =>
      (await api.db.repos.libraries.listForUser((person ?? people.viewer).id)).length,
  },

  'Get Library List': {
    roles: 'library',
    output: LibraryListResponse,
    verify: (data, ctx) => {
      const ids = data.items.map((library: { id: string }) => library.id);
      if (ctx.as === 'member' || ctx.as === 'libOwner') expect(ids).toContain(ctx.shared.libraryId);
      else expect(ids).not.toContain(ctx.shared.libraryId);
    },
  },

  'Get Library Details': {
    roles: 'library',
    output: LibraryResponse,
    verify: (data, ctx) =>
      expect(data).toMatchObject({
        id: ctx.shared.libraryId,
        role: ctx.as === 'libOwner' ? 'owner' : 'member',
      }),
  },

  Members: {
    roles: 'library',
    output: LibraryMemberListResponse,
    verify: (data, { people }) => {
      const listed = data.items.map(
        (m: { user_id: string; role: string }) => `${m.role}:${m.user_id}`,
      );
      expect(listed).toEqual(
        expect.arrayContaining([`owner:${people.libOwner.id}`, `member:${people.member.id}`]),
      );
    },
  },

  'Add Member': {
    roles: 'library',
    prepare: async (ctx) => {
      ctx.scratch.target = (await newPerson(ctx.api, 'host')).id;
      return { body: { user_id: ctx.scratch.target, role: 'member' } };
    },
    output: LibraryMemberResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ user_id: ctx.scratch.target, role: 'member' });
      const role = await ctx.api.db.repos.libraries.membership(
        ctx.shared.libraryId,
        ctx.scratch.target!,
      );
      expect(role).toBe('member');
    },
    state: members,
    errors: [
      {
        name: 'an unknown user is 404',
        as: 'libOwner',
        prepare: async () => ({ body: { user_id: crypto.randomUUID(), role: 'member' } }),
        expect: { status: 404, code: 'NOT_FOUND' },
      },
    ],
  },

  'Remove Member': {
    roles: 'library',
    prepare: async (ctx) => {
      const target = await newPerson(ctx.api, 'host');
      await ctx.api.db.repos.libraries.putMember(ctx.shared.libraryId, target.id, 'member');
      ctx.scratch.target = target.id;
      return { params: { user_id: target.id } };
    },
    verify: async (_data, ctx) => {
      const role = await ctx.api.db.repos.libraries.membership(
        ctx.shared.libraryId,
        ctx.scratch.target!,
      );
      expect(role).toBeNull();
    },
    state: members,
    resourceParams: ['user_id'],
  },
};
