import { describe, expect, it } from 'vitest';
import { parses, pollFixture, rejectsAt, uuid } from '../testing/fixtures.ts';
import { CreatePollRequest, PollListResponse, PollResponse, VoteRequest } from './polls.ts';

describe('CreatePollRequest', () => {
  it('trims the question and options; single choice by default', () => {
    expect(parses(CreatePollRequest, { question: ' Tea? ', options: [' Yes ', 'No'] })).toEqual({
      question: 'Tea?',
      options: ['Yes', 'No'],
      multiple_choice: false,
    });
  });

  it('takes 2 to 10 options', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => `Option ${i + 1}`);
    expect(CreatePollRequest.safeParse({ question: 'q', options: options(10) }).success).toBe(true);
    rejectsAt(CreatePollRequest, { question: 'q', options: options(1) }, ['options']);
    rejectsAt(CreatePollRequest, { question: 'q', options: options(11) }, ['options']);
  });

  it('rejects empty, overlong and duplicate options', () => {
    rejectsAt(CreatePollRequest, { question: 'q', options: ['a', '  '] }, ['options', 1]);
    rejectsAt(CreatePollRequest, { question: 'q', options: ['a', 'b'.repeat(201)] }, [
      'options',
      1,
    ]);
    rejectsAt(CreatePollRequest, { question: 'q', options: ['Yes', ' yes '] }, ['options']);
  });

  it('rejects a missing question and unknown keys', () => {
    rejectsAt(CreatePollRequest, { options: ['a', 'b'] }, ['question']);
    rejectsAt(CreatePollRequest, { question: 'q', options: ['a', 'b'], anonymous: true }, []);
  });
});

describe('VoteRequest', () => {
  it('takes one or more distinct option ids', () => {
    const ids = [uuid(), uuid()];
    expect(parses(VoteRequest, { option_ids: ids })).toEqual({ option_ids: ids });
    rejectsAt(VoteRequest, { option_ids: [] }, ['option_ids']);
    rejectsAt(VoteRequest, { option_ids: ['1'] }, ['option_ids', 0]);
    const id = uuid();
    rejectsAt(VoteRequest, { option_ids: [id, id] }, ['option_ids']);
  });
});

describe('PollResponse', () => {
  it('carries options with counts and percentages', () => {
    const poll = pollFixture({ my_option_ids: [uuid()] });
    expect(parses(PollResponse, poll)).toEqual(poll);
    expect(
      PollListResponse.safeParse({ items: [poll], total: 1, page: 1, limit: 20 }).success,
    ).toBe(true);
  });

  it('bounds percentages to 0–100', () => {
    const poll = pollFixture();
    const [first, second] = poll.options;
    rejectsAt(PollResponse, { ...poll, options: [{ ...first, percentage: 101 }, second] }, [
      'options',
      0,
      'percentage',
    ]);
    rejectsAt(PollResponse, { ...poll, status: 'draft' }, ['status']);
  });
});
