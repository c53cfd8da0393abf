import {
  CreatePollRequest,
  Id,
  IdParam,
  PaginationQuery,
  PollListResponse,
  PollResponse,
  VoteRequest,
} from '@vidinfra/domain';
import { operation } from '../operation.ts';

export const pollsOps = {
  list: operation({
    name: 'Get polls for a session',
    description:
      "Attendees (signed in, not banned). The session's polls with counts and the caller's own choice; paginated with `page` and `limit`.",
    method: 'GET',
    path: '/sessions/{id}/polls',
    caller: 'attendee',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: PollListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.polls.list(ctx.access, ctx.actor, query),
  }),
  create: operation({
    name: 'Create a poll for a session',
    description:
      'Staff of the session. A question with 2–10 options, single or multiple choice; 403 POLLS_DISABLED when polls are off. Everyone in the session receives it in realtime.',
    method: 'POST',
    path: '/sessions/{id}/polls',
    caller: 'staff',
    resource: 'session',
    input: CreatePollRequest.extend({ id: Id }),
    output: PollResponse,
    handle: ({ ctx, input: { id: _id, ...poll } }) =>
      ctx.services.polls.create(ctx.access, ctx.actor, poll),
  }),
  vote: operation({
    name: 'Vote on a poll',
    description:
      'Attendees (signed in, not banned). One ballot per user: voting again replaces it. 409 POLL_CLOSED when closed, 403 POLLS_DISABLED when polls are off, 422 for several options on a single-choice poll, 400 for an option of another poll.',
    method: 'POST',
    path: '/polls/{id}/vote',
    caller: 'attendee',
    resource: 'poll',
    input: VoteRequest.extend({ id: Id }),
    output: PollResponse,
    handle: ({ ctx, input: { id: _id, ...ballot } }) =>
      ctx.services.polls.vote(ctx.access, ctx.actor, ballot),
  }),
  results: operation({
    name: 'Get poll results',
    description:
      "Attendees (signed in, not banned). Counts and percentages per option, with the caller's own choice.",
    method: 'GET',
    path: '/polls/{id}/results',
    caller: 'attendee',
    resource: 'poll',
    input: IdParam,
    output: PollResponse,
    handle: ({ ctx }) => ctx.services.polls.results(ctx.access, ctx.actor),
  }),
  close: operation({
    name: 'Close a poll',
    description:
      'Staff of the session. No more votes are taken; 409 POLL_CLOSED when already closed. Everyone in the session receives the final results.',
    method: 'POST',
    path: '/polls/{id}/close',
    caller: 'staff',
    resource: 'poll',
    input: IdParam,
    output: PollResponse,
    handle: ({ ctx }) => ctx.services.polls.close(ctx.access, ctx.actor),
  }),
};
