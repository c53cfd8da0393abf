// The live viewer count of each session channel with sockets on this node: the session's open
// attendance intervals (its `viewer_count`), read once a tick for all of them and sent to this
// node's own sockets when it changed, or when a socket joined and needs it. Every node does the
// same for its sockets, so no node asks the others.
import { parseChannel, sessionChannel } from '@vidinfra/domain';
import type { Services } from '@vidinfra/services';
import type { GatewayServer } from './socket-types.ts';

export function viewerCountBroadcaster(
  io: GatewayServer,
  services: Services,
  intervalMs: number,
  onError: (error: unknown) => void,
) {
  /** The count last sent here, per session channel. */
  const sent = new Map<string, number>();
  /** Channels a socket joined since the last tick: they get the count even if unchanged. */
  const joined = new Set<string>();
  let running = false;

  const sessionsHere = () =>
    [...io.of('/').adapter.rooms.keys()].flatMap((room) => {
      const channel = parseChannel(room);
      return channel?.kind === 'session' ? [channel.sessionId] : [];
    });

  async function tick() {
    const sessionIds = sessionsHere();
    for (const channel of sent.keys())
      if (!sessionIds.some((id) => sessionChannel(id) === channel)) sent.delete(channel);
    if (!sessionIds.length) return;
    const counts = await services.attendance.viewerCounts(sessionIds);
    for (const sessionId of sessionIds) {
      const channel = sessionChannel(sessionId);
      const count = counts[sessionId] ?? 0;
      if (sent.get(channel) === count && !joined.has(channel)) continue;
      joined.delete(channel);
      sent.set(channel, count);
      io.local.to(channel).emit('viewer_count', { session_id: sessionId, count });
    }
  }

  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void tick()
      .catch(onError)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return {
    /** A socket joined the channel: it gets the current count at the next tick. */
    joined: (channel: string) => joined.add(channel),
    stop: () => clearInterval(timer),
  };
}
