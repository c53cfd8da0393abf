// Polls: staff ask, attendees vote (one replaceable ballot each), everyone sees counts.
import {
  DomainError,
  type CreatePollRequest,
  type PaginationQuery,
  type PollListResponse,
  type PollResponse,
  type VoteRequest,
} from '@vidinfra/domain';
import type { PollResults, PollWithOptions, Repositories } from '@vidinfra/db';
import type { LoadedSession, PollAccess } from './access.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { recordEvent } from './events.ts';
import { lockAgainstBans } from './engagement/shared.ts';
import { settingsOf } from './session-facts.ts';
import { toPollResponse } from './engagement/wire.ts';

const noVotes = (poll: PollWithOptions): PollResults => ({
  pollId: poll.id,
  totalBallots: 0,
  options: poll.options.map((o) => ({ id: o.id, label: o.label, position: o.position, votes: 0 })),
});

/** The poll as fan-out events show it: without anyone's own choice. */
const everyonesView = ({ my_option_ids: _mine, ...poll }: PollResponse): PollResponse => poll;

/** Refuses a ballot the poll cannot take, before anything is written. */
function checkBallot(poll: PollWithOptions, optionIds: string[]): void {
  if (!poll.multipleChoice && optionIds.length > 1) {
    throw new DomainError('BUSINESS_RULE', 'this poll takes a single choice');
  }
  const own = new Set(poll.options.map((o) => o.id));
  if (optionIds.some((id) => !own.has(id))) {
    const message = 'every option id must be an option of this poll';
    throw new DomainError('VALIDATION_ERROR', message, {
      details: [{ field: 'option_ids', message }],
    });
  }
}

export const pollsService = ({ db, now }: Deps) => {
  /** The poll as `userId` sees it now (with their choice), read through `repos`. */
  const viewFor = async (repos: Repositories, poll: PollWithOptions, userId: string) => {
    const [results, ballots] = await Promise.all([
      repos.polls.results(poll.id),
      repos.polls.ballotsOf([poll.id], userId),
    ]);
    return toPollResponse(poll, results, ballots[poll.id] ?? []);
  };

  const find = async (repos: Repositories, pollId: string) => {
    const poll = await repos.polls.findById(pollId);
    if (!poll) throw new DomainError('NOT_FOUND', 'poll not found');
    return poll;
  };

  return {
    async list(
      { session }: LoadedSession,
      actor: Actor,
      query: PaginationQuery,
    ): Promise<PollListResponse> {
      const page = await db.repos.polls.pageBySession(session.id, query);
      const ids = page.items.map((poll) => poll.id);
      const [results, ballots] = await Promise.all([
        db.repos.polls.resultsFor(ids),
        db.repos.polls.ballotsOf(ids, actor.id),
      ]);
      const items = page.items.map((poll, i) =>
        toPollResponse(poll, results[i]!, ballots[poll.id] ?? []),
      );
      return { ...page, items };
    },

    async create(
      { session }: LoadedSession,
      actor: Actor,
      input: CreatePollRequest,
    ): Promise<PollResponse> {
      if (!settingsOf(session).polls_enabled) throw new DomainError('POLLS_DISABLED');
      return db.transaction(async (r) => {
        const poll = await r.polls.create({
          sessionId: session.id,
          question: input.question,
          multipleChoice: input.multiple_choice,
          createdBy: actor.id,
          options: input.options,
        });
        const response = toPollResponse(poll, noVotes(poll));
        await recordEvent(r, 'poll.created', session.id, response);
        return { ...response, my_option_ids: [] };
      });
    },

    /**
     * The caller's ballot becomes `option_ids`, replacing an earlier one. Checked under the room
     * lock that bans and closing take: no vote lands after a ban or after the poll closed.
     */
    async vote(target: PollAccess, actor: Actor, input: VoteRequest): Promise<PollResponse> {
      checkBallot(target.poll, input.option_ids);
      return db.transaction(async (r) => {
        const settings = await lockAgainstBans(r, target, actor.id, now());
        if (!settings.polls_enabled) throw new DomainError('POLLS_DISABLED');
        const poll = await find(r, target.poll.id);
        if (poll.status === 'closed') throw new DomainError('POLL_CLOSED');
        await r.polls.vote(poll.id, actor.id, input.option_ids);
        const response = await viewFor(r, poll, actor.id);
        await recordEvent(r, 'poll.updated', poll.sessionId, everyonesView(response));
        return response;
      });
    },

    async results({ poll }: PollAccess, actor: Actor): Promise<PollResponse> {
      return viewFor(db.repos, poll, actor.id);
    },

    async close({ room, poll: { id: pollId } }: PollAccess, actor: Actor): Promise<PollResponse> {
      return db.transaction(async (r) => {
        await r.bans.lockRoom(room.id);
        if (!(await r.polls.close(pollId, now()))) {
          await find(r, pollId);
          throw new DomainError('POLL_CLOSED', 'the poll is already closed');
        }
        const response = await viewFor(r, await find(r, pollId), actor.id);
        await recordEvent(r, 'poll.closed', response.session_id, everyonesView(response));
        return response;
      });
    },
  };
};
