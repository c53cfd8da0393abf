// Delivers committed outbox events to their channels, oldest first, each with its stream's
// sequence number. One relay at a time (the leader) keeps per-channel order across nodes.
import type { OutboxEvent } from '@vidinfra/db';
import type { RealtimeEnvelope } from '@vidinfra/domain';
import type { Services } from '@vidinfra/services';

export const toEnvelope = (event: OutboxEvent): RealtimeEnvelope => ({
  event: event.event as RealtimeEnvelope['event'],
  channel: event.stream,
  seq: event.seq,
  payload: event.payload,
  at: event.createdAt.toISOString(),
});

export interface RelayOptions {
  intervalMs: number;
  batch: number;
  /** True while this node may relay (always, on one node; a Redis lock when scaled). */
  isLeader: () => Promise<boolean>;
  deliver: (envelope: RealtimeEnvelope) => void;
  onError: (error: unknown) => void;
}

export function startRelay(services: Services, options: RelayOptions) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let again = false;

  const drain = async () => {
    if (!(await options.isLeader())) return;
    for (;;) {
      const events = await services.outbox.claim(options.batch);
      for (const event of events) options.deliver(toEnvelope(event));
      if (events.length < options.batch) return;
    }
  };

  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch(options.onError)
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, again ? 0 : options.intervalMs);
        again = false;
      });
  };
  tick();

  return {
    /** Relay now (after a commit in this process) instead of at the next interval. */
    nudge() {
      if (timer) clearTimeout(timer);
      timer = null;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
