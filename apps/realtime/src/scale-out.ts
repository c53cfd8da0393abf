// Scale-out on Redis: the Socket.IO Redis Streams adapter carries broadcasts (and connection
// state recovery) across gateway nodes, and a Redis lease makes one node the outbox relay, so
// events keep their per-channel order whatever node a client is on.
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { redisReportStore } from './playback-reports.ts';

const LEADER_KEY = 'vidinfra:realtime:relay-leader';
const CHANNEL_PREFIX = 'socket.io';
/** The adapter's private channel of one node in the main namespace: prefix#namespace#uid#. */
const nodeChannel = (adapterUid: string) => `${CHANNEL_PREFIX}#/#${adapterUid}#`;
const SUBSCRIBE_TIMEOUT_MS = 10_000;
// Renew only our own lease, atomically.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export async function redisScaleOut(url: string, options: { leaseMs?: number } = {}) {
  const leaseMs = options.leaseMs ?? 5000;
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1000) },
  });
  client.on('error', () => {}); // reconnects by itself; commands wait in the offline queue
  // The adapter PUBLISHes its requests to the other nodes (fetchSockets…) without awaiting them:
  // one failing (Redis gone mid-command) must not be an unhandled rejection, which ends the
  // process. The asker still fails by its own timeout.
  const publish = client.publish.bind(client);
  Object.defineProperty(client, 'publish', {
    value: (...args: Parameters<typeof publish>) => {
      const reply = publish(...args);
      reply.catch(() => {});
      return reply;
    },
  });
  await client.connect();
  const nodeId = randomUUID();

  /** True while this node holds the relay lease (taking it when free). */
  const isLeader = async (): Promise<boolean> => {
    if (!client.isReady) return false;
    try {
      if (
        (await client.eval(RENEW, { keys: [LEADER_KEY], arguments: [nodeId, String(leaseMs)] })) ===
        1
      )
        return true;
      return (
        (await client.set(LEADER_KEY, nodeId, {
          condition: 'NX',
          expiration: { type: 'PX', value: leaseMs },
        })) === 'OK'
      );
    } catch {
      return false;
    }
  };

  return {
    /** This node's id: the relay lease's holder, and the node named on attendance it opens. */
    nodeId,
    adapter: createAdapter(client as never, { channelPrefix: CHANNEL_PREFIX }),
    isLeader,
    /** The players' playback reports, shared by every node. */
    reportStore: redisReportStore(client),
    /**
     * Resolves once the adapter of the node `adapterUid` has subscribed to its Redis channels.
     * The adapter subscribes in the background and does not handle its SUBSCRIBE failing: a
     * gateway closed before it completed left an unhandled rejection ("Disconnects client").
     */
    async subscribed(adapterUid: string): Promise<void> {
      const deadline = Date.now() + SUBSCRIBE_TIMEOUT_MS;
      const channel = nodeChannel(adapterUid);
      while ((await client.pubSubNumSub(channel))[channel] !== 1) {
        if (Date.now() > deadline) throw new Error('the Redis adapter did not subscribe in time');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    /** True while Redis answers. */
    async ping(): Promise<boolean> {
      if (!client.isReady) return false;
      try {
        return (await client.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      try {
        if (client.isReady && (await client.get(LEADER_KEY)) === nodeId)
          await client.del(LEADER_KEY);
      } finally {
        client.destroy();
      }
    },
  };
}
