// What the realtime side reads of the outbox: the relay claims committed events to deliver, a
// subscription learns a channel's last sequence number, a resync reads what a client missed.
import type { Deps } from './deps.ts';

export const outboxService = ({ db }: Deps) => ({
  /** Takes up to `limit` undelivered events, oldest first (each goes to one relay). */
  claim: (limit: number) => db.repos.outbox.claim(limit),
  /** The channel's last sequence number (0 before its first event). */
  lastSeq: (channel: string) => db.repos.outbox.lastSeq(channel),
  /** The channel's events after `afterSeq`, in order, at most `limit`. */
  since: (channel: string, afterSeq: number, limit: number) =>
    db.repos.outbox.since(channel, afterSeq, limit),
  /** Calls `listener` after each commit of this process that appended events; the unsubscribe. */
  onCommit: (listener: () => void) => db.onCommit(listener),
});
