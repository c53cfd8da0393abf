import { sessionChannel } from '@vidinfra/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisScaleOut } from '../src/scale-out.ts';
import { collect, dialect, request, useRealtime, waitFor } from './harness.ts';
import { startRedis } from './redis-server.ts';

// The harness's own node must not relay here: only the Redis-coordinated nodes do.
const rt = useRealtime({ isLeader: async () => false });
let redis: Awaited<ReturnType<typeof startRedis>>;
const scaled: {
  node: Awaited<ReturnType<typeof rt.startNode>>;
  scale: Awaited<ReturnType<typeof redisScaleOut>>;
}[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const { node, scale } of scaled) {
    await rt.stopNode(node);
    await scale.close();
  }
  await redis?.stop();
});

const scaledNode = async () => {
  const scale = await redisScaleOut(redis.url, { leaseMs: 1000 });
  const node = await rt.startNode({ adapter: scale.adapter, isLeader: scale.isLeader });
  scaled.push({ node, scale });
  return node;
};

describe(`scale-out on Redis (${dialect})`, () => {
  it('delivers an event relayed by one node to clients on every node, once, in order', async () => {
    const [a, b] = [await scaledNode(), await scaledNode()];
    const { sessionId } = await rt.liveSession();
    const onA = await rt.connected(a.url, (await rt.account('viewer')).token);
    const onB = await rt.connected(b.url, (await rt.account('viewer')).token);
    const [eventsA, eventsB] = [collect(onA), collect(onB)];
    await request(onA, 'subscribe', { channel: sessionChannel(sessionId) });
    await request(onB, 'subscribe', { channel: sessionChannel(sessionId) });
    for (let i = 0; i < 20; i++) await rt.publish(sessionId, 'x'.repeat(i));
    await waitFor(() => eventsA.length >= 20 && eventsB.length >= 20);
    await new Promise((r) => setTimeout(r, 200));
    const seqs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(eventsA.map((e) => e.seq)).toEqual(seqs);
    expect(eventsB.map((e) => e.seq)).toEqual(seqs);
  });

  it('loses no event when Redis restarts in the middle of a stream', async () => {
    const [a, b] = [await scaledNode(), await scaledNode()];
    const { sessionId } = await rt.liveSession();
    const onA = await rt.connected(a.url, (await rt.account('viewer')).token);
    const onB = await rt.connected(b.url, (await rt.account('viewer')).token);
    const [eventsA, eventsB] = [collect(onA), collect(onB)];
    await request(onA, 'subscribe', { channel: sessionChannel(sessionId) });
    await request(onB, 'subscribe', { channel: sessionChannel(sessionId) });
    for (let i = 0; i < 30; i++) {
      if (i === 10) await redis.restart();
      await rt.publish(sessionId, 'y'.repeat(i));
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(() => eventsA.length >= 30 && eventsB.length >= 30, 15_000);
    const seqs = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(eventsA.map((e) => e.seq)).toEqual(seqs);
    expect(eventsB.map((e) => e.seq)).toEqual(seqs);
  });
});
