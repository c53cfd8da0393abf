// This node's heartbeat, and (while it is the relay leader) the sweep of nodes that stopped
// beating: a crashed node never closed its viewers' attendance, so the sweep closes it for them
// at that node's last heartbeat.
import type { Services } from '@vidinfra/services';

export interface LivenessOptions {
  nodeId: string;
  /** A node silent this long is gone; this node beats three times as often. */
  nodeTimeoutMs: number;
  sweepIntervalMs: number;
  isLeader: () => Promise<boolean>;
  onError: (error: unknown) => void;
}

export function startNodeLiveness(services: Services, options: LivenessOptions) {
  const beat = () => services.realtimeNodes.beat(options.nodeId);
  /** The first heartbeat: attendance this node opens is swept only once the node is known. */
  const registered = beat().catch(options.onError);
  const beating = setInterval(
    () => void beat().catch(options.onError),
    Math.max(1, Math.floor(options.nodeTimeoutMs / 3)),
  );
  let sweeping: Promise<void> | null = null;
  const sweep = async () => {
    if (await options.isLeader()) await services.realtimeNodes.sweep(options.nodeTimeoutMs);
  };
  const sweeper = setInterval(() => {
    sweeping ??= sweep()
      .catch(options.onError)
      .finally(() => (sweeping = null));
  }, options.sweepIntervalMs);
  beating.unref();
  sweeper.unref();

  return {
    registered,
    /** Stops beating and sweeping; `retire` then forgets the node (its viewers already closed). */
    async stop({ retire }: { retire: boolean }) {
      clearInterval(beating);
      clearInterval(sweeper);
      await sweeping;
      await registered;
      if (retire) await services.realtimeNodes.retire(options.nodeId).catch(options.onError);
    },
  };
}
