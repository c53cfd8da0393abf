// A signed-in viewer following a session is attending it: the first subscription opens an
// attendance interval, the last disconnect closes it after a grace period, so a flaky network
// that reconnects within the grace keeps one interval instead of making a hundred. A node counts
// only its own sockets, so before closing it asks every node (`elsewhere`) whether the viewer
// still follows the session there.
import type { Services } from '@vidinfra/services';

export function presenceTracker(
  services: Services,
  graceMs: number,
  onError: (error: unknown) => void,
  elsewhere: (sessionId: string, userId: string) => Promise<boolean>,
) {
  const sockets = new Map<string, number>();
  const closing = new Map<string, NodeJS.Timeout>();
  const key = (sessionId: string, userId: string) => `${sessionId}|${userId}`;
  const attendance = services.deps.db.repos.attendance;
  let stopped = false;

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
      const found = await services.deps.db.repos.sessions.findById(sessionId);
      if (found && (found.status === 'live' || found.status === 'backstage')) {
        await attendance.open(sessionId, userId, services.deps.now());
      }
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
      const leftAt = services.deps.now();
      closing.set(
        k,
        setTimeout(() => {
          closing.delete(k);
          const close = async () => {
            // Unknown (a node did not answer): closing loses less than an interval left open.
            const stillThere = await elsewhere(sessionId, userId).catch((error: unknown) => {
              onError(error);
              return false;
            });
            if (!stillThere && !sockets.has(k)) await attendance.close(sessionId, userId, leftAt);
          };
          close().catch(onError);
        }, graceMs),
      );
    },

    /** Closes every pending interval now and stops tracking (shutdown). */
    async flush(): Promise<void> {
      stopped = true;
      const pending = [...closing.entries()];
      closing.clear();
      await Promise.all(
        pending.map(([k, timer]) => {
          clearTimeout(timer);
          const [sessionId, userId] = k.split('|') as [string, string];
          return attendance.close(sessionId, userId, services.deps.now());
        }),
      );
    },
  };
}
