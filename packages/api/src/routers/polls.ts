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
    method: 'GET',
    path: '/sessions/{id}/polls',
    caller: 'attendee',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: PollListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.polls.list(ctx.access!, ctx.actor!, query),
  }),
  create: operation({
    name: 'Create a poll for a session',
    method: 'POST',
    path: '/sessions/{id}/polls',
    caller: 'staff',
    resource: 'session',
    input: CreatePollRequest.extend({ id: Id }),
    output: PollResponse,
    handle: ({ ctx, input: { id: _id, ...poll } }) =>
      ctx.services.polls.create(ctx.access!, ctx.actor!, poll),
  }),
  vote: operation({
    name: 'Vote on a poll',
    method: 'POST',
    path: '/polls/{id}/vote',
    caller: 'attendee',
    resource: 'poll',
    input: VoteRequest.extend({ id: Id }),
    output: PollResponse,
    handle: ({ ctx, input: { id, ...ballot } }) =>
      ctx.services.polls.vote(ctx.access!, ctx.actor!, id, ballot),
  }),
  results: operation({
    name: 'Get poll results',
    method: 'GET',
    path: '/polls/{id}/results',
    caller: 'attendee',
    resource: 'poll',
    input: IdParam,
    output: PollResponse,
    handle: ({ ctx, input }) => ctx.services.polls.results(ctx.actor!, input.id),
  }),
  close: operation({
    name: 'Close a poll',
    method: 'POST',
    path: '/polls/{id}/close',
    caller: 'staff',
    resource: 'poll',
    input: IdParam,
    output: PollResponse,
    handle: ({ ctx, input }) => ctx.services.polls.close(ctx.access!, ctx.actor!, input.id),
  }),
};
