// Cases of the Rooms and Reminders sections.
import { ReminderStatusResponse, RoomListResponse, RoomResponse } from '@vidinfra/domain';
import { expect } from 'vitest';
import type { Case, Ctx } from './model.ts';

const HOST_SIDE_OF_ROOM = ['owner', 'libOwner', 'admin'];

const roomRow = async ({ api, world }: Ctx) => api.db.repos.rooms.findById(world.room.id);

const subscribers = ({ api, world }: Ctx) => api.db.repos.reminders.subscriberIds(world.room.id);

const subscribe = async ({ api, world, person }: Ctx) => {
  if (person) await api.db.repos.reminders.subscribe(world.room.id, person.id);
  return {};
};

const expectSubscribed = async (ctx: Ctx, subscribed: boolean) => {
  const found = await ctx.api.db.repos.reminders.find(ctx.world.room.id, ctx.person!.id);
  expect(found !== null).toBe(subscribed);
};

export const roomCases: Record<string, Case> = {
  'List all rooms (public)': {
    prepare: ({ world }) => ({ query: { q: world.room.name } }),
    output: RoomListResponse,
    verify: (data, { world }) => {
      expect(data.items.map((room: { id: string }) => room.id)).toContain(world.room.id);
      for (const room of data.items) expect(room.visibility).toBe('public');
    },
    errors: [
      {
        name: 'private (unlisted) rooms are absent from the list',
        as: 'viewer',
        world: { visibility: 'private' },
        prepare: async ({ world }) => ({ query: { q: world.room.name } }),
        expect: { status: 200 },
        after: async (_ctx, reply) =>
          expect(reply.body.data).toMatchObject({ items: [], total: 0 }),
      },
    ],
  },

  'Create a new room': {
    prepare: () => ({ body: { name: 'Contract created room', visibility: 'public' } }),
    output: RoomResponse,
    verify: (data, ctx) =>
      expect(data).toMatchObject({ owner_id: ctx.person?.id, name: 'Contract created room' }),
    state: async ({ api, people, person }) =>
      (await api.db.repos.rooms.idsOwnedBy((person ?? people.viewer).id)).length,
  },

  'List my rooms': {
    output: RoomListResponse,
    verify: async (data, { api, person, world }) => {
      for (const room of data.items) expect(room.owner_id).toBe(person?.id);
      const mine = await api.db.repos.rooms.idsOwnedBy(person!.id, world.libraryId ?? undefined);
      expect(data.total).toBe(mine.length);
    },
  },

  'Get room by ID (public)': {
    output: RoomResponse,
    verify: (data, ctx) => {
      expect(data.id).toBe(ctx.world.room.id);
      if (HOST_SIDE_OF_ROOM.includes(ctx.as)) expect(data.analytics).toBeDefined();
      else expect(data.analytics).toBeUndefined();
    },
    errors: [
      {
        name: 'a private room needs a signed-in caller (401)',
        as: 'anonymous',
        world: { visibility: 'private' },
        expect: { status: 401, code: 'UNAUTHORIZED' },
      },
      {
        name: 'a private room is open to a signed-in caller with its link',
        as: 'viewer',
        world: { visibility: 'private' },
        expect: { status: 200 },
      },
    ],
  },

  'Update a room': {
    prepare: () => ({ body: { name: 'Renamed contract room', visibility: 'private' } }),
    output: RoomResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ name: 'Renamed contract room', visibility: 'private' });
      expect((await roomRow(ctx))?.name).toBe('Renamed contract room');
    },
    state: async (ctx) => {
      const room = await roomRow(ctx);
      return { name: room?.name, visibility: room?.visibility };
    },
  },

  'Delete a room': {
    verify: async (_data, ctx) => expect(await roomRow(ctx)).toBeNull(),
    state: async (ctx) => (await roomRow(ctx)) !== null,
    errors: [
      {
        name: 'refuses (409) while a session is live',
        as: 'owner',
        world: { status: 'live' },
        expect: { status: 409, code: 'SESSION_LIVE' },
      },
    ],
  },

  'Subscribe to room reminders': {
    output: ReminderStatusResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ room_id: ctx.world.room.id, subscribed: true });
      await expectSubscribed(ctx, true);
      const again = await ctx.api.call('POST', `/api/rooms/${ctx.world.room.id}/reminders`, {
        token: ctx.person!.token,
      });
      expect(again.status, 'subscribing twice is idempotent').toBe(200);
      const mine = (await subscribers(ctx)).filter((id) => id === ctx.person!.id);
      expect(mine).toHaveLength(1);
    },
    state: async (ctx) => (await subscribers(ctx)).length,
  },

  'Unsubscribe from room reminders': {
    prepare: subscribe,
    output: ReminderStatusResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ room_id: ctx.world.room.id, subscribed: false });
      await expectSubscribed(ctx, false);
    },
    state: async (ctx) => (await subscribers(ctx)).length,
  },

  'Get my reminder subscription status': {
    sharedWorld: false,
    prepare: subscribe,
    output: ReminderStatusResponse,
    verify: (data, ctx) =>
      expect(data).toMatchObject({ room_id: ctx.world.room.id, subscribed: true }),
  },
};
