// Test helpers shared by the unit tests (not exported from the package).
import { expect } from 'vitest';
import type { z } from 'zod';

export const uuid = (): string => crypto.randomUUID();

export const AT = '2025-01-31T18:00:00.000Z';
export const LATER = '2025-02-01T18:30:00.000Z';

/** Parse and return the output, failing the test with zod's message when it does not parse. */
export function parses<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) expect.fail(result.error.message);
  return result.data;
}

/** Assert the input is rejected with an issue at `path` (`[]` = the object itself). */
export function rejectsAt(schema: z.ZodType, input: unknown, path: PropertyKey[]): void {
  const result = schema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
}

export function userFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: uuid(),
    email: 'ann@example.com',
    display_name: 'Ann',
    role: 'host',
    disabled: false,
    created_at: AT,
    ...overrides,
  };
}

export function sessionFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: uuid(),
    room_id: uuid(),
    title: 'Launch webinar',
    status: 'scheduled',
    scheduled_at: LATER,
    settings: {
      chat_enabled: true,
      slow_mode_seconds: 0,
      polls_enabled: true,
      hand_raise_enabled: true,
      join_requests_enabled: true,
      max_stage_size: 6,
      latency_mode: 'standard',
      auto_record: false,
    },
    viewer_count: 0,
    host_media: { video: true, audio: true },
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
}

export function chatMessageFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: uuid(),
    session_id: uuid(),
    user_id: uuid(),
    display_name: 'Bob',
    role: 'viewer',
    text: 'Hello!',
    created_at: AT,
    ...overrides,
  };
}

export function pollFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: uuid(),
    session_id: uuid(),
    question: 'Tea or coffee?',
    multiple_choice: false,
    status: 'open',
    options: [
      { id: uuid(), text: 'Tea', position: 0, vote_count: 3, percentage: 75 },
      { id: uuid(), text: 'Coffee', position: 1, vote_count: 1, percentage: 25 },
    ],
    total_voters: 4,
    created_by: uuid(),
    created_at: AT,
    ...overrides,
  };
}
