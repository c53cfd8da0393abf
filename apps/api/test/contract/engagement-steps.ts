// Scenes the engagement cases set up straight through the repositories (a message, a poll, a hand
// raise, someone watching), and the checks they share.
import type { RealtimeEventName } from '@vidinfra/domain';
import { expect } from 'vitest';
import { recordedEvents } from './events.ts';
import type { Ctx } from './model.ts';

/** A message of the world's session by `userId` (default: the world's viewer). */
export async function messageBy(ctx: Ctx, userId = ctx.people.viewer.id) {
  return ctx.api.db.repos.chat.create(ctx.world.session.id, userId, 'Hello from the contract');
}

/** The messages the session shows (not deleted), newest first. */
export const visibleMessages = async ({ api, world }: Ctx) =>
  (await api.db.repos.chat.page(world.session.id, { limit: 100 })).items.map(({ id }) => id);

/** An open single-choice poll of the world's session, asked by its owner. */
export const pollOf = ({ api, world }: Ctx) =>
  api.db.repos.polls.create({
    sessionId: world.session.id,
    question: 'Contract poll?',
    multipleChoice: false,
    createdBy: world.owner.id,
    options: ['Yes', 'No'],
  });

/** A poll to act on: `{id}` of a `/polls/{id}/…` path. */
export async function onPoll(ctx: Ctx) {
  const poll = await pollOf(ctx);
  ctx.scratch.poll = poll.id;
  ctx.scratch.option = poll.options[0]!.id;
  return { params: { id: poll.id } };
}

export const pollRow = ({ api, scratch }: Ctx) => api.db.repos.polls.findById(scratch.poll!);

/** The caller's pending hand raise (or join request), made once per world. */
export async function queued(ctx: Ctx, kind: 'handRaises' | 'joinRequests', userId?: string) {
  const id = userId ?? ctx.person?.id;
  if (!id) return null;
  const queue = ctx.api.db.repos[kind];
  return (
    (await queue.findPending(ctx.world.session.id, id)) ??
    queue.enqueue(ctx.world.session.id, id, 'Contract request')
  );
}

export const pendingOf = async ({ api, world }: Ctx, kind: 'handRaises' | 'joinRequests') =>
  (await api.db.repos[kind].listPending(world.session.id)).map(({ userId }) => userId);

export const stageOf = async ({ api, world }: Ctx) =>
  (await api.db.repos.stage.list(world.session.id)).map(({ participant }) => participant.userId);

/** The user is watching the world's session (an open attendance interval), once per world. */
export async function watching(ctx: Ctx, userId: string) {
  const { attendance } = ctx.api.db.repos;
  const active = await attendance.active(ctx.world.session.id);
  if (!active.some((row) => row.userId === userId)) {
    await attendance.open(ctx.world.session.id, userId);
  }
}

export async function expectRecorded(
  ctx: Ctx,
  event: RealtimeEventName,
  payload: Record<string, unknown>,
  channelId = ctx.world.session.id,
) {
  const events = await recordedEvents(ctx.api, event, channelId);
  expect(events, `${event} is recorded`).toContainEqual(expect.objectContaining(payload));
}
