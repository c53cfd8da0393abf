// A gateway process that dies without a shutdown never closes its viewers' attendance: the
// surviving relay leader sweeps it once the dead node's heartbeat is older than the timeout (and
// a host among them who turned the camera off has it on again, as when they leave).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sessionChannel } from '@vidinfra/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisScaleOut } from '../src/scale-out.ts';
import { dialect, request, useRealtime, waitFor } from './harness.ts';
import { startRedis } from './redis-server.ts';

const NODE_TIMEOUT_MS = 1500;
// The harness's own node neither relays nor sweeps: the Redis lease's holder does.
const rt = useRealtime({ isLeader: async () => false });
let redis: Awaited<ReturnType<typeof startRedis>>;
let scale: Awaited<ReturnType<typeof redisScaleOut>> | null = null;
let child: ChildProcess | null = null;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await scale?.close();
  await redis?.stop();
});

/** Starts a gateway node process on the test's database and Redis; its id and URL. */
async function gatewayProcess(): Promise<{ nodeId: string; url: string; process: ChildProcess }> {
  const script = fileURLToPath(new URL('./gateway-node.ts', import.meta.url));
  const started = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      DATABASE_URL: rt.dbUrl,
      REDIS_URL: redis.url,
      SERVICE_CONFIG: JSON.stringify(rt.config),
      NODE_TIMEOUT_MS: String(NODE_TIMEOUT_MS),
      SWEEP_INTERVAL_MS: '100',
      // Longer than the test: only the sweep can close what this node opened.
      PRESENCE_GRACE_MS: '600000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child = started;
  return new Promise((resolve, reject) => {
    let output = '';
    started.stderr!.on('data', (chunk) => {
      output += String(chunk);
      const match = /gateway node (\S+) on :(\d+)/.exec(output);
      if (match)
        resolve({ nodeId: match[1]!, url: `http://127.0.0.1:${match[2]}`, process: started });
    });
    started.once('exit', (code) => reject(new Error(`gateway node exited ${code}: ${output}`)));
  });
}

describe(`a crashed gateway node (${dialect})`, () => {
  it('has its viewers’ attendance closed by the surviving leader, at its last heartbeat', async () => {
    // The survivor takes the relay lease first, so it is the leader that sweeps.
    scale = await redisScaleOut(redis.url, { leaseMs: 1000 });
    const survivor = await rt.startNode({
      adapter: scale.adapter,
      isLeader: scale.isLeader,
      nodeId: scale.nodeId,
      nodeTimeoutMs: NODE_TIMEOUT_MS,
      sweepIntervalMs: 100,
    });
    const doomed = await gatewayProcess();
    const { sessionId } = await rt.liveSession();
    const viewer = await rt.account('viewer');
    const socket = await rt.connected(doomed.url, viewer.token);
    expect(
      await request(socket, 'subscribe', { channel: sessionChannel(sessionId) }),
    ).toMatchObject({ ok: true });
    const [opened] = await rt.db.repos.attendance.intervals(sessionId);
    expect(opened).toMatchObject({ userId: viewer.id, nodeId: doomed.nodeId, leftAt: null });
    // The host follows there too, with the camera off: gone with the node, it is on again.
    const host = await rt.account('host');
    await rt.db.repos.sessionParticipants.put(sessionId, host.id, 'cohost');
    const studio = await rt.connected(doomed.url, host.token);
    await request(studio, 'subscribe', { channel: sessionChannel(sessionId) });
    await rt.hostVideo(sessionId, host.token, false);
    expect(await rt.hostMedia(sessionId)).toEqual({ video: false, audio: true });

    const exited = new Promise((resolve) => doomed.process.once('exit', resolve));
    doomed.process.kill('SIGKILL');
    await exited;
    const killedAt = new Date();

    await waitFor(
      async () => (await rt.db.repos.attendance.active(sessionId)).length === 0,
      15_000,
    );
    expect(await rt.hostMedia(sessionId)).toEqual({ video: true, audio: true });
    const [closed] = await rt.db.repos.attendance.intervals(sessionId);
    expect(closed!.leftAt!.getTime()).toBeGreaterThanOrEqual(opened!.joinedAt.getTime());
    expect(closed!.leftAt!.getTime()).toBeLessThanOrEqual(killedAt.getTime());
    // The dead node is forgotten; the survivor still beats.
    const known = (await rt.db.repos.realtimeNodes.silentSince(new Date(Date.now() + 60_000))).map(
      (node) => node.id,
    );
    expect(known).not.toContain(doomed.nodeId);
    expect(known).toContain(survivor.gateway.nodeId);
    await rt.stopNode(survivor);
  });
});
