// Cases of the Stage (attendee side) and Stage management (staff side) sections.
import {
  HandRaiseListResponse,
  HandRaiseResponse,
  JoinRequestListResponse,
  JoinRequestResponse,
  MyHandRaiseResponse,
  MyJoinRequestResponse,
  StageListResponse,
  StageParticipantResponse,
  StageTokenResponse,
} from '@vidinfra/domain';
import { expect } from 'vitest';
import { StageRemovalResponse } from '@vidinfra/domain';
import { expectRecorded, pendingOf, queued, stageOf } from './engagement-steps.ts';
import { me, type Case, type Ctx, type DocumentedError, type Request } from './model.ts';
import type { Denial } from './roles.ts';

type Queue = 'handRaises' | 'joinRequests';

/** The stage guest is on stage already: asking for it again is a conflict. */
const ON_STAGE: Denial = { status: 409, code: 'CONFLICT' };

/** A stage of one seat, taken by the world's stage guest. */
const FULL_STAGE = { settings: { max_stage_size: 1 } };

const queueState = (queue: Queue) => async (ctx: Ctx) => ({
  pending: await pendingOf(ctx, queue),
  stage: await stageOf(ctx),
});

const stageToken = (ctx: Ctx) =>
  ctx.api.call('POST', `/api/sessions/${ctx.world.session.id}/stage/token`, {
    token: ctx.people.stage.token,
  });

/** Raise a hand / create a join request: the caller is queued once. */
function enqueueCase(queue: Queue, event: 'hand.raised' | 'join_request.created'): Case {
  const disabled = queue === 'handRaises' ? 'hand_raise_enabled' : 'join_requests_enabled';
  const code = queue === 'handRaises' ? 'HAND_RAISE_DISABLED' : 'JOIN_REQUESTS_DISABLED';
  return {
    prepare: () => ({ body: { message: 'May I speak?' } }),
    output: queue === 'handRaises' ? HandRaiseResponse : JoinRequestResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ user_id: me(ctx).id, message: 'May I speak?' });
      expect(await pendingOf(ctx, queue)).toEqual([me(ctx).id]);
      await expectRecorded(ctx, event, { user_id: me(ctx).id });
    },
    state: queueState(queue),
    refuse: { stage: ON_STAGE },
    errors: [
      {
        name: `off in the settings is 403 ${code}`,
        as: 'viewer',
        world: { settings: { [disabled]: false } },
        expect: { status: 403, code },
      },
      {
        name: 'asking twice is 409 CONFLICT',
        as: 'viewer',
        prepare: async (ctx) => {
          await queued(ctx, queue);
          return { body: {} };
        },
        expect: { status: 409, code: 'CONFLICT' },
      },
    ],
  };
}

/** Get my hand raise / join request status: the caller's pending entry. */
const myEntryCase = (queue: Queue): Case => ({
  sharedWorld: true,
  prepare: async (ctx) => {
    await queued(ctx, queue);
    return {};
  },
  output: queue === 'handRaises' ? MyHandRaiseResponse : MyJoinRequestResponse,
  verify: (data, ctx) => {
    const entry = queue === 'handRaises' ? data.hand : data.request;
    expect(entry).toMatchObject({ user_id: me(ctx).id, status: 'pending' });
  },
});

/** Pending hand raises / join requests: the world's viewer is waiting. */
const pendingCase = (queue: Queue): Case => ({
  prepare: async (ctx) => {
    await queued(ctx, queue, ctx.people.viewer.id);
    return {};
  },
  output: queue === 'handRaises' ? HandRaiseListResponse : JoinRequestListResponse,
  verify: async (data, ctx) => {
    const listed = data.items.map((entry: { user_id: string }) => entry.user_id);
    expect(listed).toContain(ctx.people.viewer.id);
    expect(listed, 'every pending one, first come first').toEqual(await pendingOf(ctx, queue));
  },
});

/** The world's viewer asked; `{user_id}` (hands) or `{request_id}` (join requests) names it. */
const entryParam = (queue: Queue) => (queue === 'handRaises' ? 'user_id' : 'request_id');

async function onViewersEntry(ctx: Ctx, queue: Queue): Promise<Request> {
  const entry = (await queued(ctx, queue, ctx.people.viewer.id))!;
  return { params: { [entryParam(queue)]: queue === 'handRaises' ? entry.userId : entry.id } };
}

/** Approve / reject a hand raise or join request of the world's viewer. */
function resolveCase(queue: Queue, outcome: 'approved' | 'rejected'): Case {
  const resolvedTwice: DocumentedError = {
    name: `resolving it twice is 409 CONFLICT`,
    as: 'owner',
    prepare: async (ctx) => {
      const request = await onViewersEntry(ctx, queue);
      await ctx.api.db.repos[queue].resolve(
        ctx.world.session.id,
        ctx.people.viewer.id,
        'rejected',
        ctx.world.owner.id,
      );
      return request;
    },
    expect: { status: 409, code: 'CONFLICT' },
  };
  const stageFull: DocumentedError = {
    name: 'a full stage is 409 STAGE_FULL (the request stays queued)',
    as: 'owner',
    world: FULL_STAGE,
    prepare: (ctx) => onViewersEntry(ctx, queue),
    expect: { status: 409, code: 'STAGE_FULL' },
  };
  return {
    prepare: (ctx) => onViewersEntry(ctx, queue),
    output: queue === 'handRaises' ? HandRaiseResponse : JoinRequestResponse,
    verify: async (data, ctx) => {
      const { viewer } = ctx.people;
      expect(data).toMatchObject({ user_id: viewer.id, status: outcome });
      expect(await pendingOf(ctx, queue)).toEqual([]);
      const onStage = (await stageOf(ctx)).includes(viewer.id);
      expect(onStage, `${outcome}: on stage`).toBe(outcome === 'approved');
      const event = `${queue === 'handRaises' ? 'hand' : 'join_request'}.${outcome}` as const;
      await expectRecorded(ctx, event, { user_id: viewer.id }, viewer.id);
    },
    state: queueState(queue),
    resourceParams: [entryParam(queue)],
    errors: outcome === 'approved' ? [resolvedTwice, stageFull] : [resolvedTwice],
  };
}

export const stageCases: Record<string, Case> = {
  'Raise hand to request stage access': enqueueCase('handRaises', 'hand.raised'),
  'Create a join request': enqueueCase('joinRequests', 'join_request.created'),

  'Lower hand': {
    prepare: async (ctx) => {
      await queued(ctx, 'handRaises');
      return {};
    },
    output: HandRaiseResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ user_id: me(ctx).id, status: 'withdrawn' });
      expect(await pendingOf(ctx, 'handRaises')).toEqual([]);
      await expectRecorded(ctx, 'hand.lowered', { user_id: me(ctx).id });
    },
    state: queueState('handRaises'),
    errors: [
      {
        name: 'no raised hand is 404',
        as: 'viewer',
        prepare: async () => ({}),
        expect: { status: 404, code: 'NOT_FOUND' },
      },
    ],
  },

  'Get my hand raise status': myEntryCase('handRaises'),
  'Get my join request status': myEntryCase('joinRequests'),

  'Get current stage participants': {
    output: StageListResponse,
    verify: (data, { people }) => {
      expect(data.items.map((p: { user_id: string }) => p.user_id)).toEqual([people.stage.id]);
      expect(data.max_stage_size).toBe(6);
    },
  },

  'Leave the stage': {
    output: StageRemovalResponse,
    verify: async (data, ctx) => {
      expect(data).toEqual({
        session_id: ctx.world.session.id,
        user_id: me(ctx).id,
        removed: true,
      });
      expect(await stageOf(ctx)).toEqual([]);
      await expectRecorded(ctx, 'stage.participant_removed', { user_id: me(ctx).id });
    },
    state: stageOf,
  },

  'Get a stage token for LiveKit': {
    sharedWorld: true,
    output: StageTokenResponse,
    verify: (data, { world }) =>
      expect(data).toMatchObject({
        room: world.session.id,
        permissions: {
          can_publish_audio: true,
          can_publish_video: true,
          can_publish_screen: false,
        },
      }),
    errors: [
      {
        name: 'no stage token after removal (403)',
        as: 'stage',
        prepare: async (ctx) => {
          await ctx.api.db.repos.stage.remove(ctx.world.session.id, ctx.people.stage.id);
          return {};
        },
        expect: { status: 403, code: 'FORBIDDEN' },
      },
    ],
  },

  'Add participant to stage': {
    prepare: ({ people }) => ({
      body: { user_id: people.viewer.id, permissions: { can_publish_screen: true } },
    }),
    output: StageParticipantResponse,
    verify: async (data, ctx) => {
      const { viewer } = ctx.people;
      expect(data).toMatchObject({ user_id: viewer.id });
      const seat = await ctx.api.db.repos.stage.find(ctx.world.session.id, viewer.id);
      expect(seat?.canPublishScreen).toBe(true);
      await expectRecorded(ctx, 'stage.participant_added', { user_id: viewer.id });
    },
    state: stageOf,
    errors: [
      {
        name: 'a full stage is 409 STAGE_FULL',
        as: 'owner',
        world: FULL_STAGE,
        expect: { status: 409, code: 'STAGE_FULL' },
      },
      {
        name: 'someone on stage already is 409 CONFLICT',
        as: 'owner',
        prepare: async ({ people }) => ({ body: { user_id: people.stage.id } }),
        expect: { status: 409, code: 'CONFLICT' },
      },
      {
        name: 'a banned user is 403 BANNED',
        as: 'owner',
        prepare: async ({ people }) => ({ body: { user_id: people.banned.id } }),
        expect: { status: 403, code: 'BANNED' },
      },
      {
        name: 'an unknown user is 404',
        as: 'owner',
        prepare: async () => ({ body: { user_id: crypto.randomUUID() } }),
        expect: { status: 404, code: 'NOT_FOUND' },
      },
    ],
  },

  'Remove participant from stage': {
    prepare: ({ people }) => ({ params: { user_id: people.stage.id } }),
    output: StageRemovalResponse,
    verify: async (_data, ctx) => {
      expect(await stageOf(ctx)).toEqual([]);
      await expectRecorded(ctx, 'stage.participant_removed', { user_id: ctx.people.stage.id });
      const token = await stageToken(ctx);
      expect(
        { status: token.status, code: token.body.error?.code },
        'their media token stops working',
      ).toEqual({ status: 403, code: 'FORBIDDEN' });
    },
    state: stageOf,
    resourceParams: ['user_id'],
  },

  'Update stage participant permissions': {
    prepare: ({ people }) => ({
      params: { user_id: people.stage.id },
      body: { can_publish_screen: true, can_publish_audio: false },
    }),
    output: StageParticipantResponse,
    verify: async (data, ctx) => {
      const seat = await ctx.api.db.repos.stage.find(ctx.world.session.id, ctx.people.stage.id);
      expect(seat).toMatchObject({ canPublishScreen: true, canPublishAudio: false });
      expect(data.user_id).toBe(ctx.people.stage.id);
      const token = await stageToken(ctx);
      expect(token.body.data?.permissions).toMatchObject({
        can_publish_screen: true,
        can_publish_audio: false,
      });
    },
    state: async ({ api, people, world }) =>
      api.db.repos.stage.find(world.session.id, people.stage.id),
    resourceParams: ['user_id'],
  },

  'Get pending join requests': pendingCase('joinRequests'),
  'Approve a join request': resolveCase('joinRequests', 'approved'),
  'Reject a join request': resolveCase('joinRequests', 'rejected'),
  'Get pending hand raises': pendingCase('handRaises'),
  'Approve a hand raise': resolveCase('handRaises', 'approved'),
  'Reject a hand raise': resolveCase('handRaises', 'rejected'),
};
