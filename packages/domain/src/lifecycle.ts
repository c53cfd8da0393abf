// The session state machine: scheduled → backstage → live → ended.
import type { SessionStatus } from './schemas/sessions.ts';

/**
 * `start` opens the backstage (media room, not public); `go_live` starts the public output —
 * also what `webcam_hls` does — from backstage or straight from scheduled; `end` closes the
 * session from any state but ended.
 */
export const SESSION_ACTIONS = ['start', 'go_live', 'end'] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

const ALLOWED_FROM: Record<SessionAction, readonly SessionStatus[]> = {
  start: ['scheduled'],
  go_live: ['scheduled', 'backstage'],
  end: ['scheduled', 'backstage', 'live'],
};

const TARGET: Record<SessionAction, SessionStatus> = {
  start: 'backstage',
  go_live: 'live',
  end: 'ended',
};

export type TransitionResult =
  | { ok: true; status: SessionStatus }
  | { ok: false; code: 'INVALID_STATE_TRANSITION'; message: string };

export function transition(status: SessionStatus, action: SessionAction): TransitionResult {
  if (ALLOWED_FROM[action].includes(status)) return { ok: true, status: TARGET[action] };
  return {
    ok: false,
    code: 'INVALID_STATE_TRANSITION',
    message: `Cannot ${action.replace('_', ' ')} a session that is ${status}`,
  };
}

/** Only a scheduled session can be moved to another time. */
export function canReschedule(status: SessionStatus): boolean {
  return status === 'scheduled';
}

/** A live session must be ended before it (or its room) can be deleted. */
export function canDelete(status: SessionStatus): boolean {
  return status !== 'live';
}
