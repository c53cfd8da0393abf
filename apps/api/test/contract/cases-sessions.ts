// Cases of the Sessions and Participants sections.
import {
  AddParticipantRoleRequest,
  CreateSessionResponse,
  DashboardStatsResponse,
  DefaultPlaybackResponse,
  EnsureEgressResponse,
  HostMediaStateResponse,
  JoinSessionResponse,
  MonitorTokenResponse,
  SessionListResponse,
  SessionParticipantResponse,
  SessionParticipantsListResponse,
  SessionResponse,
  ShareURLResponse,
  StartSessionResponse,
  StreamHealthResponse,
  StudioURLResponse,
  type RealtimeEventName,
  type SessionStatus,
} from '@vidinfra/domain';
import { expect } from 'vitest';
import type { z } from 'zod';
import { recordedEvents, sessionChannelSize } from './events.ts';
import { newPerson } from './fixtures.ts';
import { later, type Case, type Ctx, type DocumentedError } from './model.ts';

const sessionRow = ({ api, world }: Ctx) => api.db.repos.sessions.findById(world.session.id);

const sessionStatus = async (ctx: Ctx) => (await sessionRow(ctx))?.status;

/** A session field and the session channel's size: a refused call changes neither. */
const sessionState =
  (field: (session: NonNullable<Awaited<ReturnType<typeof sessionRow>>>) => unknown) =>
  async (ctx: Ctx) => {
    const session = await sessionRow(ctx);
    return {
      field: session ? field(session) : null,
      events: await sessionChannelSize(ctx.api, ctx.world.session.id),
    };
  };

const expectEvent = async (
  ctx: Ctx,
  event: RealtimeEventName,
  payload: Record<string, unknown>,
) => {
  const events = await recordedEvents(ctx.api, event, ctx.world.session.id);
  expect(events, `${event} is recorded for the session channel`).toContainEqual(
    expect.objectContaining(payload),
  );
};

const staffOf = async ({ api, world }: Ctx) =>
  (await api.db.repos.sessionParticipants.list(world.session.id)).map(
    ({ userId, role }) => `${role}:${userId}`,
  );

const roleOf = ({ api, world }: Ctx, userId: string) =>
  api.db.repos.sessionParticipants.roleOf(world.session.id, userId);

/** The session an answer carries: `data.session` (start/go_live…) or `data` itself. */
const sessionIn = (data: { session?: { status: string } } & { status?: string }) =>
  data.session ?? data;

/** A lifecycle row: from `from` it moves the session to `to`; from `refusedFrom` it is a 409. */
function transitionCase(
  from: SessionStatus,
  to: SessionStatus,
  refusedFrom: SessionStatus,
  output: z.ZodType = StartSessionResponse,
): Case {
  return {
    world: { status: from },
    output,
    verify: async (data, ctx) => {
      expect(sessionIn(data).status).toBe(to);
      expect(await sessionStatus(ctx)).toBe(to);
      await expectEvent(ctx, 'session.status_changed', { session_id: ctx.world.session.id });
    },
    state: sessionState((session) => session.status),
    errors: [
      {
        name: `refused (409 INVALID_STATE_TRANSITION) when the session is ${refusedFrom}`,
        as: 'owner',
        world: { status: refusedFrom },
        expect: { status: 409, code: 'INVALID_STATE_TRANSITION' },
      },
    ],
  };
}

const refusedWhileLive = (what: string): DocumentedError => ({
  name: `refused (409) while live: ${what}`,
  as: 'owner',
  world: { status: 'live' },
  expect: { status: 409 },
});

/** Stats cover the caller's rooms, or (library-scoped) every room of the library. */
async function statsRooms({ api, person, world }: Ctx): Promise<number> {
  const { rooms, libraries } = api.db.repos;
  if (!world.libraryId) return (await rooms.idsOwnedBy(person!.id)).length;
  const members = await libraries.members(world.libraryId);
  const owned = await Promise.all(
    members.map(({ userId }) => rooms.idsOwnedBy(userId, world.libraryId)),
  );
  return owned.flat().length;
}

const JOIN_ROLES: Record<string, string> = {
  owner: 'owner',
  libOwner: 'owner',
  cohost: 'cohost',
  moderator: 'moderator',
  stage: 'participant',
  viewer: 'viewer',
  host: 'viewer',
  member: 'viewer',
};

/** Broadcast host video / audio: the event goes to everyone in the session. */
const hostMediaCase = (kind: 'video' | 'audio'): Case => ({
  world: { status: 'live' },
  prepare: () => ({ body: { enabled: false } }),
  output: HostMediaStateResponse,
  verify: async (data, ctx) => {
    const expected = { session_id: ctx.world.session.id, enabled: false };
    expect(data).toEqual(expected);
    await expectEvent(ctx, `host.${kind}`, expected);
  },
  state: sessionState(() => null),
});

/** Add a co-host / moderator: the target gets the role. */
const appointCase = (role: 'cohost' | 'moderator'): Case => ({
  prepare: async (ctx) => ({
    body: AddParticipantRoleRequest.parse({ user_id: (await newPerson(ctx.api)).id }),
  }),
  output: SessionParticipantResponse,
  verify: async (data, ctx) => {
    const target = (ctx.request?.body as { user_id: string }).user_id;
    expect(data).toMatchObject({ session_id: ctx.world.session.id, user_id: target, role });
    expect(await roleOf(ctx, target)).toBe(role);
  },
  state: staffOf,
  errors: [
    {
      name: 'an unknown user is 404',
      as: 'owner',
      prepare: async () => ({ body: { user_id: crypto.randomUUID() } }),
      expect: { status: 404, code: 'NOT_FOUND' },
    },
  ],
});

/** Remove a co-host / moderator: the world's one loses the role. */
const dismissCase = (role: 'cohost' | 'moderator'): Case => ({
  prepare: ({ people }) => ({ params: { user_id: people[role].id } }),
  verify: async (_data, ctx) => expect(await roleOf(ctx, ctx.people[role].id)).toBeNull(),
  state: staffOf,
  resourceParams: ['user_id'],
});

export const sessionCases: Record<string, Case> = {
  'List sessions for a room': {
    output: SessionListResponse,
    verify: (data, { world }) => {
      expect(data.items.map((s: { id: string }) => s.id)).toContain(world.session.id);
      for (const session of data.items) expect(session.room_id).toBe(world.room.id);
    },
  },

  'Create a new session in a room': {
    prepare: () => ({ body: { title: 'Contract created session', scheduled_at: later(90) } }),
    output: CreateSessionResponse,
    verify: async (data, { api, world }) => {
      expect(data).toMatchObject({ room_id: world.room.id, status: 'scheduled' });
      expect(await api.db.repos.sessions.findById(data.id)).not.toBeNull();
    },
    state: ({ api, world }) => api.db.repos.sessions.countInRoom(world.room.id),
  },

  'List all sessions (public)': {
    prepare: () => ({ query: { status: 'scheduled', limit: '100' } }),
    output: SessionListResponse,
    verify: (data) => {
      expect(data.total).toBeGreaterThan(0);
      for (const session of data.items) expect(session.status).toBe('scheduled');
    },
    errors: [
      {
        name: 'filters by from/to',
        as: 'viewer',
        prepare: async ({ world }) => {
          const at = world.session.scheduledAt.getTime();
          const from = new Date(at - 1000).toISOString();
          const to = new Date(at + 1000).toISOString();
          return { query: { from, to, limit: '100' } };
        },
        expect: { status: 200 },
        after: async ({ world }, reply) => {
          const { items } = reply.body.data as { items: { id: string; scheduled_at: string }[] };
          expect(items.map((session) => session.id)).toContain(world.session.id);
          const at = world.session.scheduledAt.getTime();
          for (const session of items) {
            expect(Math.abs(Date.parse(session.scheduled_at) - at)).toBeLessThanOrEqual(1000);
          }
        },
      },
    ],
  },

  'List currently live sessions (public)': {
    world: { status: 'live' },
    output: SessionListResponse,
    verify: (data) => {
      expect(data.total).toBeGreaterThan(0);
      for (const session of data.items) expect(session.status).toBe('live');
    },
  },

  'Get dashboard stats': {
    output: DashboardStatsResponse,
    verify: async (data, ctx) => expect(data.rooms).toBe(await statsRooms(ctx)),
  },

  'Get session by ID (public)': {
    output: SessionResponse,
    verify: (data, { world }) =>
      expect(data).toMatchObject({ id: world.session.id, room_id: world.room.id }),
  },

  'Delete a session': {
    verify: async (_data, ctx) => expect(await sessionRow(ctx)).toBeNull(),
    state: async (ctx) => (await sessionRow(ctx)) !== null,
    errors: [refusedWhileLive('delete')],
  },

  'Join a session (get LiveKit token)': {
    world: { status: 'live' },
    output: JoinSessionResponse,
    verify: (data, ctx) => {
      const role = JOIN_ROLES[ctx.as];
      if (role) expect(data.role).toBe(role);
    },
    refuse: { banned: { status: 403, code: 'BANNED' } },
  },

  'Go live with a session': transitionCase('backstage', 'live', 'ended'),
  'Start a session': transitionCase('scheduled', 'backstage', 'live'),
  'Start webcam to HLS streaming': transitionCase('backstage', 'live', 'ended'),
  'End a session': transitionCase(
    'live',
    'ended',
    'ended',
    SessionResponse.or(StartSessionResponse),
  ),

  'Ensure HLS egress is running': {
    world: { status: 'live' },
    output: EnsureEgressResponse,
    verify: (data, { world }) => expect(data.session_id).toBe(world.session.id),
  },

  'Reschedule a session': {
    prepare: async (ctx) => {
      const subscriber = await newPerson(ctx.api);
      await ctx.api.db.repos.reminders.subscribe(ctx.world.room.id, subscriber.id);
      ctx.scratch.subscriber = subscriber.id;
      ctx.scratch.when = later(24 * 60);
      return { body: { scheduled_at: ctx.scratch.when } };
    },
    output: SessionResponse,
    verify: async (data, ctx) => {
      const { session } = ctx.world;
      expect(data.scheduled_at).toBe(ctx.scratch.when);
      expect((await sessionRow(ctx))?.scheduledAt.toISOString()).toBe(ctx.scratch.when);
      await expectEvent(ctx, 'session.rescheduled', { scheduled_at: ctx.scratch.when });
      const notified = await recordedEvents(
        ctx.api,
        'reminder.rescheduled',
        ctx.scratch.subscriber!,
      );
      expect(notified, 'reminder subscribers are notified').toContainEqual(
        expect.objectContaining({ session_id: session.id }),
      );
    },
    state: sessionState((session) => session.scheduledAt.toISOString()),
    errors: [
      {
        name: 'only while scheduled (409 when live)',
        as: 'owner',
        world: { status: 'live' },
        expect: { status: 409 },
      },
    ],
  },

  'Update session runtime settings': {
    world: { status: 'live' },
    prepare: () => ({ body: { chat_enabled: false, slow_mode_seconds: 7 } }),
    verify: async (_data, ctx) => {
      const fetched = await ctx.api.call('GET', `/api/sessions/${ctx.world.session.id}`);
      const changed = { chat_enabled: false, slow_mode_seconds: 7 };
      expect(fetched.body.data?.settings).toMatchObject(changed);
      const events = await recordedEvents(
        ctx.api,
        'session.settings_updated',
        ctx.world.session.id,
      );
      expect(events).toContainEqual(
        expect.objectContaining({ settings: expect.objectContaining(changed) }),
      );
    },
    state: sessionState((session) => session.settings),
  },

  'Broadcast host video state change': hostMediaCase('video'),
  'Broadcast host audio state change': hostMediaCase('audio'),

  'Get monitor token for a session': {
    world: { status: 'live' },
    output: MonitorTokenResponse,
  },

  'Get stream health info': {
    world: { status: 'live' },
    output: StreamHealthResponse,
    verify: (data, { world }) =>
      expect(data).toMatchObject({ session_id: world.session.id, status: 'live' }),
  },

  'Generate studio URL': {
    output: StudioURLResponse,
    verify: async (data, ctx) => {
      expect(data.expires_in).toBe(60);
      const url = new URL(data.url);
      expect(url.pathname).toBe(`/sessions/${ctx.world.session.id}/live`);
      const code = url.searchParams.get('code');
      const exchanged = await ctx.api.call('POST', '/api/auth/code/exchange', { body: { code } });
      expect(exchanged.status, 'the studio URL code is redeemable').toBe(200);
      expect(exchanged.body.data?.user.id).toBe(ctx.person?.id);
    },
  },

  'Get shareable URLs for a session': {
    output: ShareURLResponse,
    verify: (data, { world }) => {
      expect(data.viewer_url).toContain(world.session.id);
      expect(data.embed_html).toContain('<iframe');
    },
  },

  'Get default playback (live or recorded)': {
    world: { status: 'live', playback: true },
    output: DefaultPlaybackResponse,
    verify: (data) => expect(data.default_playback).toBe(true),
    errors: [
      {
        name: 'no default playback is 404 NO_DEFAULT_PLAYBACK',
        as: 'viewer',
        world: { status: 'live' },
        expect: { status: 404, code: 'NO_DEFAULT_PLAYBACK' },
      },
    ],
  },

  'Get session participants (co-hosts, moderators)': {
    output: SessionParticipantsListResponse,
    verify: (data, { people }) => {
      const roles = data.items.map(
        (p: { user_id: string; role: string }) => `${p.role}:${p.user_id}`,
      );
      expect(roles).toEqual(
        expect.arrayContaining([`cohost:${people.cohost.id}`, `moderator:${people.moderator.id}`]),
      );
    },
  },

  'Add a co-host to a session': appointCase('cohost'),
  'Remove a co-host from a session': dismissCase('cohost'),
  'Add a moderator to a session': appointCase('moderator'),
  'Remove a moderator from a session': dismissCase('moderator'),
};
