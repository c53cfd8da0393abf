// Cases of the Chat, Polls, Moderation and Attendance sections.
import {
  ActiveViewersResponse,
  AttendanceListResponse,
  AttendanceStatsResponse,
  BannedParticipantResponse,
  BannedParticipantsListResponse,
  BanStatusResponse,
  ChatMessageResponse,
  ChatMessagesResponse,
  PollListResponse,
  PollResponse,
} from '@vidinfra/domain';
import { expect } from 'vitest';
import { ChatMessageDeletedResponse, LeaveSessionResponse, UnbanResponse } from '@vidinfra/domain';
import { attendanceExportCase } from './cases-export.ts';
import {
  expectRecorded,
  messageBy,
  onPoll,
  pollOf,
  pollRow,
  stageOf,
  visibleMessages,
  watching,
} from './engagement-steps.ts';
import { me, type Case, type Ctx } from './model.ts';

const pollsOfSession = async ({ api, world }: Ctx) =>
  (await api.db.repos.polls.listBySession(world.session.id)).length;

const ballots = async (ctx: Ctx) =>
  (await ctx.api.db.repos.polls.results(ctx.scratch.poll!)).totalBallots;

const bannedIds = async ({ api, world }: Ctx) =>
  (await api.db.repos.bans.listActive({ sessionId: world.session.id, roomId: world.room.id })).map(
    ({ ban }) => ban.userId,
  );

const openIntervals = async ({ api, world }: Ctx) =>
  (await api.db.repos.attendance.active(world.session.id)).map(({ userId }) => userId);

/** The world's viewer watched for a while and is still watching. */
const seedAttendance = async (ctx: Ctx) => {
  await watching(ctx, ctx.people.viewer.id);
  return {};
};

export const engagementCases: Record<string, Case> = {
  'Get chat messages for a session': {
    prepare: async (ctx) => {
      ctx.scratch.message = (await messageBy(ctx)).id;
      return { query: { limit: '100' } };
    },
    output: ChatMessagesResponse,
    verify: (data, ctx) => {
      expect(data.items.map((m: { id: string }) => m.id)).toContain(ctx.scratch.message);
      for (const message of data.items) expect(message.session_id).toBe(ctx.world.session.id);
    },
    errors: [
      {
        name: 'pages with `before` (newest first)',
        as: 'viewer',
        prepare: async (ctx) => {
          const first = await messageBy(ctx);
          await ctx.api.db.repos.chat.create(
            ctx.world.session.id,
            ctx.people.viewer.id,
            'later',
            new Date(first.createdAt.getTime() + 1000),
          );
          ctx.scratch.first = first.id;
          return { query: { limit: '1' } };
        },
        expect: { status: 200 },
        after: async (ctx, reply) => {
          const page = reply.body.data as { items: { id: string }[]; next_before?: string };
          expect(page.items).toHaveLength(1);
          const next = await ctx.api.call(
            'GET',
            `/api/sessions/${ctx.world.session.id}/chat?limit=1&before=${page.next_before}`,
            { token: ctx.people.viewer.token },
          );
          expect(next.body.data?.items.map((m: { id: string }) => m.id)).toEqual([
            ctx.scratch.first,
          ]);
        },
      },
    ],
  },

  'Send a chat message': {
    prepare: () => ({ body: { text: 'Hello, contract' } }),
    output: ChatMessageResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ user_id: me(ctx).id, text: 'Hello, contract' });
      expect(await visibleMessages(ctx)).toContain(data.id);
      await expectRecorded(ctx, 'chat.message_created', { id: data.id });
    },
    state: visibleMessages,
    errors: [
      {
        name: 'chat off is 403 CHAT_DISABLED',
        as: 'viewer',
        world: { settings: { chat_enabled: false } },
        expect: { status: 403, code: 'CHAT_DISABLED' },
      },
      {
        name: 'slow mode: a second message too soon is 429 SLOW_MODE',
        as: 'viewer',
        world: { settings: { slow_mode_seconds: 60 } },
        prepare: async (ctx) => {
          await messageBy(ctx);
          return { body: { text: 'too soon' } };
        },
        expect: { status: 429, code: 'SLOW_MODE' },
      },
      {
        name: 'more than 500 characters is 400 VALIDATION_ERROR',
        as: 'viewer',
        prepare: async () => ({ body: { text: 'x'.repeat(501) } }),
        expect: { status: 400, code: 'VALIDATION_ERROR' },
      },
    ],
  },

  'Delete a chat message': {
    prepare: async (ctx) => {
      const author = await ctx.api.db.repos.users.create({
        email: `author-${crypto.randomUUID()}@example.test`,
        passwordHash: null,
        displayName: 'Contract author',
        role: 'viewer',
      });
      ctx.scratch.message = (await messageBy(ctx, author.id)).id;
      return { params: { message_id: ctx.scratch.message } };
    },
    output: ChatMessageDeletedResponse,
    verify: async (data, ctx) => {
      expect(data).toEqual({
        id: ctx.scratch.message,
        session_id: ctx.world.session.id,
        deleted: true,
      });
      expect(await visibleMessages(ctx)).not.toContain(ctx.scratch.message);
      const kept = await ctx.api.db.repos.chat.findById(ctx.scratch.message!);
      expect(kept?.deletedAt, 'a soft delete keeps the row').toBeInstanceOf(Date);
      await expectRecorded(ctx, 'chat.message_deleted', { message_id: ctx.scratch.message });
    },
    state: visibleMessages,
    resourceParams: ['message_id'],
    errors: [
      {
        name: 'the author deletes their own message',
        as: 'viewer',
        prepare: async (ctx) => ({ params: { message_id: (await messageBy(ctx)).id } }),
        expect: { status: 200 },
      },
    ],
  },

  'Get polls for a session': {
    prepare: async (ctx) => {
      ctx.scratch.poll = (await pollOf(ctx)).id;
      return {};
    },
    output: PollListResponse,
    verify: (data, ctx) => {
      expect(data.items.map((p: { id: string }) => p.id)).toContain(ctx.scratch.poll);
    },
  },

  'Create a poll for a session': {
    prepare: () => ({
      body: { question: 'Contract question?', options: ['A', 'B', 'C'], multiple_choice: true },
    }),
    output: PollResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ question: 'Contract question?', multiple_choice: true });
      expect(data.options.map((o: { text: string }) => o.text)).toEqual(['A', 'B', 'C']);
      expect(await pollsOfSession(ctx)).toBe(1);
      await expectRecorded(ctx, 'poll.created', { id: data.id });
    },
    state: pollsOfSession,
    errors: [
      {
        name: 'one option is 400 VALIDATION_ERROR (2–10 options)',
        as: 'owner',
        prepare: async () => ({ body: { question: 'Q?', options: ['A'], multiple_choice: false } }),
        expect: { status: 400, code: 'VALIDATION_ERROR' },
      },
      {
        name: 'eleven options are 400 VALIDATION_ERROR',
        as: 'owner',
        prepare: async () => ({
          body: {
            question: 'Q?',
            options: Array.from({ length: 11 }, (_, i) => `Option ${i}`),
            multiple_choice: false,
          },
        }),
        expect: { status: 400, code: 'VALIDATION_ERROR' },
      },
      {
        name: 'polls off is 403 POLLS_DISABLED',
        as: 'owner',
        world: { settings: { polls_enabled: false } },
        expect: { status: 403, code: 'POLLS_DISABLED' },
      },
    ],
  },

  'Vote on a poll': {
    prepare: async (ctx) => ({
      ...(await onPoll(ctx)),
      body: { option_ids: [ctx.scratch.option] },
    }),
    output: PollResponse,
    verify: async (data, ctx) => {
      expect(data.my_option_ids).toEqual([ctx.scratch.option]);
      expect(await ctx.api.db.repos.polls.ballotOf(ctx.scratch.poll!, me(ctx).id)).toEqual([
        ctx.scratch.option,
      ]);
      await expectRecorded(ctx, 'poll.updated', { id: ctx.scratch.poll, total_voters: 1 });
    },
    state: ballots,
    errors: [
      {
        name: 'a closed poll is 409 POLL_CLOSED',
        as: 'viewer',
        prepare: async (ctx) => {
          const request = await onPoll(ctx);
          await ctx.api.db.repos.polls.close(ctx.scratch.poll!);
          return { ...request, body: { option_ids: [ctx.scratch.option] } };
        },
        expect: { status: 409, code: 'POLL_CLOSED' },
      },
      {
        name: 'voting again replaces the ballot',
        as: 'viewer',
        prepare: async (ctx) => {
          const request = await onPoll(ctx);
          await ctx.api.db.repos.polls.vote(ctx.scratch.poll!, ctx.people.viewer.id, [
            ctx.scratch.option!,
          ]);
          const poll = await pollRow(ctx);
          ctx.scratch.other = poll!.options[1]!.id;
          return { ...request, body: { option_ids: [ctx.scratch.other] } };
        },
        expect: { status: 200 },
        after: async (ctx) => {
          const ballot = await ctx.api.db.repos.polls.ballotOf(
            ctx.scratch.poll!,
            ctx.people.viewer.id,
          );
          expect(ballot).toEqual([ctx.scratch.other]);
          expect(await ballots(ctx)).toBe(1);
        },
      },
      {
        name: 'two options on a single-choice poll are 422 BUSINESS_RULE',
        as: 'viewer',
        prepare: async (ctx) => {
          const request = await onPoll(ctx);
          const options = (await pollRow(ctx))!.options.map(({ id }) => id);
          return { ...request, body: { option_ids: options } };
        },
        expect: { status: 422, code: 'BUSINESS_RULE' },
      },
    ],
  },

  'Get poll results': {
    prepare: async (ctx) => {
      const request = await onPoll(ctx);
      await ctx.api.db.repos.polls.vote(ctx.scratch.poll!, ctx.people.viewer.id, [
        ctx.scratch.option!,
      ]);
      return request;
    },
    output: PollResponse,
    verify: (data, ctx) => {
      expect(data).toMatchObject({ id: ctx.scratch.poll, total_voters: 1 });
      const [yes, no] = data.options;
      expect([yes.vote_count, yes.percentage, no.vote_count, no.percentage]).toEqual([
        1, 100, 0, 0,
      ]);
    },
  },

  'Close a poll': {
    prepare: onPoll,
    output: PollResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ id: ctx.scratch.poll, status: 'closed' });
      expect((await pollRow(ctx))?.status).toBe('closed');
      await expectRecorded(ctx, 'poll.closed', { id: ctx.scratch.poll, status: 'closed' });
    },
    state: async (ctx) => (await pollRow(ctx))?.status,
    errors: [
      {
        name: 'closing a closed poll is 409 POLL_CLOSED',
        as: 'owner',
        prepare: async (ctx) => {
          const request = await onPoll(ctx);
          await ctx.api.db.repos.polls.close(ctx.scratch.poll!);
          return request;
        },
        expect: { status: 409, code: 'POLL_CLOSED' },
      },
    ],
  },

  'Ban a participant': {
    prepare: ({ people }) => ({
      body: { user_id: people.viewer.id, scope: 'session', reason: 'contract' },
    }),
    output: BannedParticipantResponse,
    verify: async (data, ctx) => {
      const { viewer } = ctx.people;
      expect(data).toMatchObject({ user_id: viewer.id, scope: 'session' });
      expect(await bannedIds(ctx)).toContain(viewer.id);
      await expectRecorded(ctx, 'moderation.banned', { user_id: viewer.id });
      const chat = await ctx.api.call('POST', `/api/sessions/${ctx.world.session.id}/chat`, {
        token: viewer.token,
        body: { text: 'still here?' },
      });
      expect(chat.body.error?.code, 'a banned user cannot chat').toBe('BANNED');
    },
    state: bannedIds,
    errors: [
      {
        name: 'removes a banned stage guest from the stage',
        as: 'moderator',
        prepare: async ({ people }) => ({ body: { user_id: people.stage.id, scope: 'room' } }),
        expect: { status: 200 },
        after: async (ctx) => {
          expect(await stageOf(ctx)).not.toContain(ctx.people.stage.id);
          await expectRecorded(ctx, 'stage.participant_removed', { user_id: ctx.people.stage.id });
        },
      },
      {
        name: 'the host side cannot be banned (422 BUSINESS_RULE)',
        as: 'owner',
        prepare: async ({ people }) => ({ body: { user_id: people.cohost.id, scope: 'session' } }),
        expect: { status: 422, code: 'BUSINESS_RULE' },
      },
      {
        name: 'banning the banned again is 409 ALREADY_EXISTS',
        as: 'owner',
        prepare: async ({ people }) => ({ body: { user_id: people.banned.id, scope: 'session' } }),
        expect: { status: 409, code: 'ALREADY_EXISTS' },
      },
      {
        name: 'an unknown user is 404',
        as: 'owner',
        prepare: async () => ({ body: { user_id: crypto.randomUUID(), scope: 'session' } }),
        expect: { status: 404, code: 'NOT_FOUND' },
      },
    ],
  },

  'Unban a participant': {
    prepare: ({ people }) => ({ params: { user_id: people.banned.id } }),
    output: UnbanResponse,
    verify: async (_data, ctx) => {
      expect(await bannedIds(ctx)).not.toContain(ctx.people.banned.id);
      await expectRecorded(ctx, 'moderation.unbanned', { user_id: ctx.people.banned.id });
    },
    state: bannedIds,
    resourceParams: ['user_id'],
  },

  'Get banned participants list': {
    output: BannedParticipantsListResponse,
    verify: (data, { people }) =>
      expect(data.items.map((ban: { user_id: string }) => ban.user_id)).toEqual([people.banned.id]),
  },

  'Check if current user is banned': {
    output: BanStatusResponse,
    verify: (data, ctx) => {
      expect(data.banned).toBe(ctx.as === 'banned');
      if (data.banned) expect(data.scope).toBe('session');
    },
  },

  'Leave a session': {
    prepare: async (ctx) => {
      if (ctx.person) await watching(ctx, ctx.person.id);
      return {};
    },
    output: LeaveSessionResponse,
    verify: async (data, ctx) => {
      expect(data).toEqual({ session_id: ctx.world.session.id, left: true });
      expect(await openIntervals(ctx)).not.toContain(me(ctx).id);
    },
    state: openIntervals,
  },

  'Get active viewers for a session': {
    prepare: seedAttendance,
    output: ActiveViewersResponse,
    verify: (data, { people }) =>
      expect(data.items).toContainEqual(
        expect.objectContaining({ user_id: people.viewer.id, role: 'viewer' }),
      ),
  },

  'Get full attendance list': {
    prepare: seedAttendance,
    output: AttendanceListResponse,
    verify: (data, { people }) => {
      expect(data.items.map((row: { user_id: string }) => row.user_id)).toEqual([people.viewer.id]);
      expect(data.items[0].last_leave_at).toBeUndefined();
    },
  },

  'Get attendance statistics': {
    prepare: seedAttendance,
    output: AttendanceStatsResponse,
    verify: (data, { world }) =>
      expect(data).toMatchObject({
        session_id: world.session.id,
        unique_viewers: 1,
        current_viewers: 1,
      }),
  },

  'Export attendance data': attendanceExportCase,
};
