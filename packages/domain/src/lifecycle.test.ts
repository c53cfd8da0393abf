import { describe, expect, it } from 'vitest';
import type { SessionAction } from './lifecycle.ts';
import { SESSION_ACTIONS, canDelete, canReschedule, transition } from './lifecycle.ts';
import type { SessionStatus } from './schemas/sessions.ts';
import { SessionStatus as SessionStatusSchema } from './schemas/sessions.ts';

const STATUSES = SessionStatusSchema.options;

/** status → action → resulting status, or null when the transition is refused. */
const TABLE: Record<SessionStatus, Record<SessionAction, SessionStatus | null>> = {
  scheduled: { start: 'backstage', go_live: 'live', end: 'ended' },
  backstage: { start: null, go_live: 'live', end: 'ended' },
  live: { start: null, go_live: null, end: 'ended' },
  ended: { start: null, go_live: null, end: null },
};

describe('transition', () => {
  const cases = STATUSES.flatMap((status) =>
    SESSION_ACTIONS.map((action) => ({ status, action, next: TABLE[status][action] })),
  );

  it.each(cases)('$status + $action → $next', ({ status, action, next }) => {
    const result = transition(status, action);
    if (next) {
      expect(result).toEqual({ ok: true, status: next });
    } else {
      expect(result).toEqual({
        ok: false,
        code: 'INVALID_STATE_TRANSITION',
        message: expect.stringContaining(status),
      });
    }
  });

  it('explains a refusal in words', () => {
    expect(transition('ended', 'go_live')).toMatchObject({
      message: 'Cannot go live a session that is ended',
    });
  });
});

describe('canReschedule / canDelete', () => {
  it.each(STATUSES)('%s', (status) => {
    expect(canReschedule(status)).toBe(status === 'scheduled');
    expect(canDelete(status)).toBe(status !== 'live');
  });
});
