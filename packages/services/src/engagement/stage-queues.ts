// The two ways to ask for the stage, hand raises and join requests: first-in-first-out queues
// with one pending entry per user, which staff approve (a seat on stage) or reject.
import {
  DEFAULT_STAGE_PERMISSIONS,
  DomainError,
  type ErrorCode,
  type SessionSettings,
} from '@vidinfra/domain';
import type { HandRaise, Repositories } from '@vidinfra/db';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { LoadedSession } from '../access.ts';
import { lockAgainstBans, requireUser } from './shared.ts';
import { seatOnStage } from './stage-moves.ts';

/** A hand raise or a join request (the same row shape). */
export type QueueEntry = HandRaise;
export type QueueKind = 'hand_raise' | 'join_request';

interface QueueRules {
  repo(r: Repositories): Repositories['handRaises'];
  enabled(settings: SessionSettings): boolean;
  disabled: ErrorCode;
  alreadyPending: string;
}

const RULES: Record<QueueKind, QueueRules> = {
  hand_raise: {
    repo: (r) => r.handRaises,
    enabled: (settings) => settings.hand_raise_enabled,
    disabled: 'HAND_RAISE_DISABLED',
    alreadyPending: 'your hand is already raised',
  },
  join_request: {
    repo: (r) => r.joinRequests,
    enabled: (settings) => settings.join_requests_enabled,
    disabled: 'JOIN_REQUESTS_DISABLED',
    alreadyPending: 'you already asked to join the stage',
  },
};

/**
 * Records the event(s) of a queue change inside its transaction and gives the entry as the wire
 * shows it (`displayName` is the requester's).
 */
type Announce<W> = (r: Repositories, entry: QueueEntry, displayName: string) => Promise<W>;

const notPending = (entry: QueueEntry) =>
  new DomainError('CONFLICT', `it was already ${entry.status}`);

export const stageQueues = ({ db, now }: Pick<Deps, 'db' | 'now'>) => ({
  /** Queues the caller (refused while the queue is off, on stage, or already queued). */
  async enqueue<W>(
    kind: QueueKind,
    loaded: LoadedSession,
    actor: Actor,
    message: string | undefined,
    announce: Announce<W>,
  ): Promise<W> {
    const rules = RULES[kind];
    const { session } = loaded;
    return db.transaction(async (r) => {
      const settings = await lockAgainstBans(r, loaded, actor.id, now());
      if (!rules.enabled(settings)) throw new DomainError(rules.disabled);
      if (await r.stage.find(session.id, actor.id)) {
        throw new DomainError('CONFLICT', 'you are already on stage');
      }
      const queue = rules.repo(r);
      if (await queue.findPending(session.id, actor.id)) {
        throw new DomainError('CONFLICT', rules.alreadyPending);
      }
      const entry = await queue.enqueue(session.id, actor.id, message);
      return announce(r, entry, actor.displayName);
    });
  },

  /**
   * Approves the pending `entry`: the requester gets a seat on stage (unless they have one) with
   * the default permissions. Under the room lock, of two racing approvals one wins (the other:
   * CONFLICT) and the stage never grows past `max_stage_size` (STAGE_FULL, entry stays queued).
   */
  async approve<W>(
    kind: QueueKind,
    loaded: LoadedSession,
    actor: Actor,
    entry: QueueEntry,
    announce: Announce<W>,
  ): Promise<W> {
    const queue = RULES[kind].repo;
    const { sessionId, userId } = entry;
    const user = await requireUser(db.repos, userId);
    return db.transaction(async (r) => {
      const settings = await lockAgainstBans(
        r,
        loaded,
        userId,
        now(),
        'the user is banned from this session',
      );
      const current = await queue(r).findById(entry.id);
      if (!current || current.status !== 'pending') throw notPending(current ?? entry);
      if (!(await r.stage.find(sessionId, userId))) {
        await seatOnStage(r, settings, {
          sessionId,
          userId,
          displayName: user.displayName,
          source: kind,
          addedBy: actor.id,
          permissions: DEFAULT_STAGE_PERMISSIONS,
        });
      }
      const resolved = await queue(r).resolve(sessionId, userId, 'approved', actor.id);
      if (!resolved) throw notPending(current);
      return announce(r, resolved, user.displayName);
    });
  },

  async reject<W>(
    kind: QueueKind,
    actor: Actor,
    entry: QueueEntry,
    announce: Announce<W>,
  ): Promise<W> {
    const user = await requireUser(db.repos, entry.userId);
    return db.transaction(async (r) => {
      const queue = RULES[kind].repo(r);
      const current = await queue.findById(entry.id);
      if (!current || current.status !== 'pending') throw notPending(current ?? entry);
      const resolved = await queue.resolve(entry.sessionId, entry.userId, 'rejected', actor.id);
      if (!resolved) throw notPending(current);
      return announce(r, resolved, user.displayName);
    });
  },
});
