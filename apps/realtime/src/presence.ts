// A signed-in viewer following a session is attending it: the first subscription opens an
// attendance interval, the last disconnect closes it after a grace period, so a flaky network
// that reconnects within the grace keeps one interval instead of making a hundred. A node counts
// only its own sockets, so before closing it asks every node (`elsewhere`) whether the viewer
// still follows the session there. Opening and closing is the attendance service's rule, the one
// the media webhook follows too; each interval names this node, so a crash of it gets swept.
import type { Services } from '@vidinfra/services';

/** How long a node waits for the others before closing anyway (Redis away, a node hung). */
const ELSEWHERE_TIMEOUT_MS = 2000;

/** The answer, or a rejection when it takes longer than ms. */
function within<T>(ms: number, answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

export interface PresenceOptions {
  /** This node, named on the intervals it opens. */
  nodeId: string;
  /** Settles once this node is registered (its intervals can be swept if it crashes). */
  registered: Promise<unknown>;
  graceMs: number;
  onError: (error: unknown) => void;
  /** Whether the viewer follows the session on any node (this one included). */
  elsewhere: (sessionId: string, userId: string) => Promise<boolean>;
}

export function presenceTracker(services: Services, options: PresenceOptions) {
  const { graceMs, onError, elsewhere } = options;
  const sockets = new Map<string, number>();
  const closing = new Map<string, NodeJS.Timeout>();
  const key = (sessionId: string, userId: string) => `${sessionId}|${userId}`;
  const { attendance } = services;
  /** Closes decided but still asking the other nodes: shutdown waits for them. */
  const asking = new Set<Promise<void>>();
  let stopped = false;

  /** Closes the interval unless the viewer came back here or follows the session elsewhere. */
  async function closeUnlessElsewhere(sessionId: string, userId: string, leftAt: Date) {
    // Unknown (a node did not answer): closing loses less than an interval left open.
    const stillThere = await within(ELSEWHERE_TIMEOUT_MS, elsewhere(sessionId, userId)).catch(
      (error: unknown) => {
        onError(error);
        return false;
      },
    );
    if (!stillThere && !sockets.has(key(sessionId, userId)))
      await attendance.absent(sessionId, userId, leftAt);
  }

  return {
    async joined(sessionId: string, userId: string): Promise<void> {
      if (stopped) return;
      const k = key(sessionId, userId);
      sockets.set(k, (sockets.get(k) ?? 0) + 1);
      const pending = closing.get(k);
      if (pending) {
        clearTimeout(pending);
        closing.delete(k);
      }
      await options.registered;
      await attendance.present(sessionId, userId, options.nodeId);
    },

    left(sessionId: string, userId: string): void {
      if (stopped) return;
      const k = key(sessionId, userId);
      const remaining = (sockets.get(k) ?? 1) - 1;
      if (remaining > 0) {
        sockets.set(k, remaining);
        return;
      }
      sockets.delete(k);
      const leftAt = new Date();
      closing.set(
        k,
        setTimeout(() => {
          closing.delete(k);
          const closed = closeUnlessElsewhere(sessionId, userId, leftAt).catch(onError);
          asking.add(closed);
          void closed.finally(() => asking.delete(closed));
        }, graceMs),
      );
    },

    /** Closes every pending interval now and stops tracking (shutdown). */
    async flush(): Promise<void> {
      stopped = true;
      const pending = [...closing.entries()];
      closing.clear();
      await Promise.all([
        ...pending.map(([k, timer]) => {
          clearTimeout(timer);
          const [sessionId, userId] = k.split('|') as [string, string];
          return attendance.absent(sessionId, userId);
        }),
        ...asking,
      ]);
    },
  };
}
