// Realtime nodes beat a heartbeat; a node that stops (a crash: no shutdown closed its viewers'
// attendance) is swept by the relay leader, which closes the intervals the node opened at its
// last heartbeat, the last moment it is known to have had them.
import type { Deps } from './deps.ts';
import { resetHostMedia } from './host-media.ts';

export const realtimeNodesService = ({ db, now }: Deps) => ({
  /** The node is alive now. */
  beat: (nodeId: string) => db.repos.realtimeNodes.beat(nodeId, now()),

  /**
   * Closes the attendance of every node silent for longer than `timeoutMs` and forgets the node;
   * returns the nodes swept and the intervals closed. A node that beats again meanwhile is kept.
   */
  async sweep(timeoutMs: number): Promise<{ nodes: string[]; closed: number }> {
    const silent = await db.repos.realtimeNodes.silentSince(new Date(now().getTime() - timeoutMs));
    const swept = { nodes: [] as string[], closed: 0 };
    for (const node of silent) {
      const closed = await db.transaction(async (r) => {
        if (!(await r.realtimeNodes.remove(node.id, node.heartbeatAt))) return null;
        const gone = await r.attendance.openedBy(node.id);
        const closed = await r.attendance.closeOpenedBy(node.id, node.heartbeatAt);
        // As for anyone who leaves: a host who turned their camera / microphone off is gone.
        for (const { sessionId, userId } of gone) await resetHostMedia(r, sessionId, userId);
        return closed;
      });
      if (closed === null) continue;
      swept.nodes.push(node.id);
      swept.closed += closed;
    }
    return swept;
  },

  /** A node shutting down cleanly (its viewers' attendance already closed) leaves the list. */
  retire: (nodeId: string) => db.repos.realtimeNodes.remove(nodeId).then(() => undefined),
});
