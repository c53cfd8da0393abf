import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../executor.ts';
import type { Poll, PollOption } from '../rows.ts';
import { countRows, offsetOf, paged, type PageRequest } from './paging.ts';

export type PollWithOptions = Poll & { options: PollOption[] };

export interface PollResults {
  pollId: string;
  totalBallots: number;
  options: { id: string; label: string; position: number; votes: number }[];
}

export const pollsRepository = ({ db, t, atomic }: Executor) => {
  const optionsOf = async (pollIds: string[]) =>
    db
      .select()
      .from(t.pollOptions)
      .where(inArray(t.pollOptions.pollId, pollIds))
      .orderBy(asc(t.pollOptions.position));
  const withOptions = async (polls: Poll[]): Promise<PollWithOptions[]> => {
    if (!polls.length) return [];
    const options = await optionsOf(polls.map((p) => p.id));
    return polls.map((poll) => ({ ...poll, options: options.filter((o) => o.pollId === poll.id) }));
  };
  const resultsFor = async (pollIds: string[]): Promise<PollResults[]> => {
    if (!pollIds.length) return [];
    const [options, votes, ballots] = await Promise.all([
      optionsOf(pollIds),
      db
        .select({ optionId: t.pollVotes.optionId, n: count() })
        .from(t.pollVotes)
        .where(inArray(t.pollVotes.pollId, pollIds))
        .groupBy(t.pollVotes.optionId),
      db
        .select({ pollId: t.pollBallots.pollId, n: count() })
        .from(t.pollBallots)
        .where(inArray(t.pollBallots.pollId, pollIds))
        .groupBy(t.pollBallots.pollId),
    ]);
    const byOption = new Map(votes.map((v) => [v.optionId, Number(v.n)]));
    const byPoll = new Map(ballots.map((b) => [b.pollId, Number(b.n)]));
    return pollIds.map((pollId) => ({
      pollId,
      totalBallots: byPoll.get(pollId) ?? 0,
      options: options
        .filter((o) => o.pollId === pollId)
        .map((o) => ({
          id: o.id,
          label: o.label,
          position: o.position,
          votes: byOption.get(o.id) ?? 0,
        })),
    }));
  };

  return {
    async create(poll: {
      sessionId: string;
      question: string;
      multipleChoice: boolean;
      createdBy: string;
      options: string[];
    }) {
      return atomic(async ({ db }) => {
        const [row] = await db
          .insert(t.polls)
          .values({
            sessionId: poll.sessionId,
            question: poll.question,
            multipleChoice: poll.multipleChoice,
            createdBy: poll.createdBy,
          })
          .returning();
        const options = await db
          .insert(t.pollOptions)
          .values(poll.options.map((label, position) => ({ pollId: row!.id, label, position })))
          .returning();
        return { ...row!, options: options.sort((a, b) => a.position - b.position) };
      });
    },

    async findById(id: string): Promise<PollWithOptions | null> {
      const rows = await db.select().from(t.polls).where(eq(t.polls.id, id));
      return (await withOptions(rows))[0] ?? null;
    },

    async listBySession(sessionId: string): Promise<PollWithOptions[]> {
      const rows = await db
        .select()
        .from(t.polls)
        .where(eq(t.polls.sessionId, sessionId))
        .orderBy(asc(t.polls.createdAt), asc(t.polls.id));
      return withOptions(rows);
    },

    /** Closes an open poll; null when it was not open. */
    async close(id: string, at = new Date()): Promise<Poll | null> {
      const [row] = await db
        .update(t.polls)
        .set({ status: 'closed', closedAt: at })
        .where(and(eq(t.polls.id, id), eq(t.polls.status, 'open')))
        .returning();
      return row ?? null;
    },

    /**
     * The user's ballot becomes exactly `optionIds`, replacing any earlier one. The caller has
     * checked the options belong to the poll; the database keeps one ballot per user per poll.
     */
    async vote(pollId: string, userId: string, optionIds: string[]): Promise<void> {
      await atomic(async ({ db, dialect }) => {
        await db.insert(t.pollBallots).values({ pollId, userId }).onConflictDoNothing();
        const [ballot] = await db
          .select({ id: t.pollBallots.id })
          .from(t.pollBallots)
          .where(and(eq(t.pollBallots.pollId, pollId), eq(t.pollBallots.userId, userId)));
        // Two votes of one user take turns: the second sees the first's options and replaces them.
        await dialect.lockRow(db, t.pollBallots, ballot!.id);
        await db.delete(t.pollVotes).where(eq(t.pollVotes.ballotId, ballot!.id));
        await db
          .insert(t.pollVotes)
          .values(optionIds.map((optionId) => ({ ballotId: ballot!.id, optionId, pollId })));
      });
    },

    async ballotOf(pollId: string, userId: string): Promise<string[] | null> {
      const rows = await db
        .select({ optionId: t.pollVotes.optionId })
        .from(t.pollBallots)
        .innerJoin(t.pollVotes, eq(t.pollVotes.ballotId, t.pollBallots.id))
        .where(and(eq(t.pollBallots.pollId, pollId), eq(t.pollBallots.userId, userId)));
      return rows.length ? rows.map((r) => r.optionId).sort() : null;
    },

    async results(pollId: string): Promise<PollResults> {
      const [results] = await resultsFor([pollId]);
      return results!;
    },

    /** The results of several polls in three queries, in the order of `pollIds`. */
    resultsFor,

    /** The polls of the session, oldest first, a page at a time, with their options. */
    async pageBySession(sessionId: string, request: PageRequest) {
      const where = eq(t.polls.sessionId, sessionId);
      const rows = db
        .select()
        .from(t.polls)
        .where(where)
        .orderBy(asc(t.polls.createdAt), asc(t.polls.id))
        .limit(request.limit)
        .offset(offsetOf(request))
        .then(withOptions);
      return paged(request, rows, countRows(db, t.polls, where));
    },

    /** The user's current choice in each of the polls (absent: no ballot). */
    async ballotsOf(pollIds: string[], userId: string): Promise<Record<string, string[]>> {
      if (!pollIds.length) return {};
      const rows = await db
        .select({ pollId: t.pollBallots.pollId, optionId: t.pollVotes.optionId })
        .from(t.pollBallots)
        .innerJoin(t.pollVotes, eq(t.pollVotes.ballotId, t.pollBallots.id))
        .where(and(inArray(t.pollBallots.pollId, pollIds), eq(t.pollBallots.userId, userId)));
      const ballots: Record<string, string[]> = {};
      for (const row of rows) (ballots[row.pollId] ??= []).push(row.optionId);
      for (const ids of Object.values(ballots)) ids.sort();
      return ballots;
    },
  };
};
