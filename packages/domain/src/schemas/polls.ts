// Polls: 2–10 options, single or multiple choice, one (replaceable) vote per user.
import { z } from 'zod';
import { paginated } from './common.ts';
import { Count, Id, Timestamp, trimmedText } from './fields.ts';

export const MIN_POLL_OPTIONS = 2;
export const MAX_POLL_OPTIONS = 10;

/** True when no two entries are equal, ignoring case. */
function distinctIgnoringCase(values: readonly string[]): boolean {
  return new Set(values.map((value) => value.toLowerCase())).size === values.length;
}

export const CreatePollRequest = z
  .strictObject({
    question: trimmedText(1, 300),
    options: z
      .array(trimmedText(1, 200))
      .min(MIN_POLL_OPTIONS)
      .max(MAX_POLL_OPTIONS)
      .refine(distinctIgnoringCase, { error: 'Poll options must be distinct' }),
    multiple_choice: z.boolean().default(false),
  })
  .meta({ id: 'CreatePollRequest' });
export type CreatePollRequest = z.infer<typeof CreatePollRequest>;

/** A single-choice poll takes exactly one id (a service rule: BUSINESS_RULE otherwise). */
export const VoteRequest = z
  .strictObject({
    option_ids: z
      .array(Id)
      .min(1)
      .max(MAX_POLL_OPTIONS)
      .refine((ids) => new Set(ids).size === ids.length, { error: 'Option ids must be distinct' }),
  })
  .meta({ id: 'VoteRequest' });
export type VoteRequest = z.infer<typeof VoteRequest>;

export const PollStatus = z.enum(['open', 'closed']).meta({ id: 'PollStatus' });
export type PollStatus = z.infer<typeof PollStatus>;

export const PollOptionResponse = z
  .object({
    id: Id,
    text: z.string(),
    /** 0-based order in which the options were given. */
    position: Count,
    vote_count: Count,
    /** Share of voters who chose this option, 0–100 (sums above 100 for multiple choice). */
    percentage: z.number().min(0).max(100),
  })
  .meta({ id: 'PollOptionResponse' });
export type PollOptionResponse = z.infer<typeof PollOptionResponse>;

export const PollResponse = z
  .object({
    id: Id,
    session_id: Id,
    question: z.string(),
    multiple_choice: z.boolean(),
    status: PollStatus,
    options: z.array(PollOptionResponse),
    /** Distinct users who voted. */
    total_voters: Count,
    /** The caller's current choice; absent for anonymous callers and fan-out events. */
    my_option_ids: z.array(Id).optional(),
    created_by: Id,
    created_at: Timestamp,
    closed_at: Timestamp.optional(),
  })
  .meta({ id: 'PollResponse' });
export type PollResponse = z.infer<typeof PollResponse>;

export const PollListResponse = paginated(PollResponse).meta({ id: 'PollListResponse' });
export type PollListResponse = z.infer<typeof PollListResponse>;
