import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sessionChannel } from '@vidinfra/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, originCheck } from '@vidinfra/services';
import { createClient } from 'redis';
import { redisScaleOut } from '../src/scale-out.ts';
import { startGateway } from '../src/start.ts';
import { collect, dialect, request, useRealtime, waitFor } from './harness.ts';
import { startRedis } from './redis-server.ts';
import { offer, signallingCast, stageMove } from './rtc-cast.ts';

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

/** What this process leaves unhandled while `run` runs (each would crash a production node). */
async function unhandledDuring(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const record = (reason: unknown) => seen.push(String(reason));
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  }
  return seen;
}

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

  it('delivers an event relayed by this process to a client of another gateway process', async () => {
    await scaledNode(); // this process's node takes the relay lease first
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: {
        ...process.env,
        DATABASE_URL: rt.dbUrl,
        JWT_SECRET: rt.config.jwtSecret,
        DATA_DIR: rt.config.dataDir,
        REDIS_URL: redis.url,
        REALTIME_PORT: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let output = '';
        child.stderr!.on('data', (chunk) => {
          output += String(chunk);
          const match = /realtime node on :(\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
        });
        child.once('exit', (code) => reject(new Error(`realtime node exited ${code}: ${output}`)));
      });
      const { sessionId } = await rt.liveSession();
      const client = await rt.connected(
        `http://127.0.0.1:${port}`,
        (await rt.account('viewer')).token,
      );
      const events = collect(client);
      expect(
        await request(client, 'subscribe', { channel: sessionChannel(sessionId) }),
      ).toMatchObject({ ok: true });
      await rt.publish(sessionId, 'across processes');
      await waitFor(() => events.length === 1, 10_000);
      expect(events[0]).toMatchObject({
        channel: sessionChannel(sessionId),
        seq: 1,
        event: 'host.video',
      });
      client.disconnect();
    } finally {
      child.kill('SIGTERM');
    }
  });
  it('keeps a viewer attending while they follow the session on another node', async () => {
    const [a, b] = [await scaledNode(), await scaledNode()];
    const { sessionId } = await rt.liveSession();
    const viewer = await rt.account('viewer');
    const active = async () =>
      (await rt.db.repos.attendance.active(sessionId)).map((entry) => entry.userId);
    const onA = await rt.connected(a.url, viewer.token);
    const onB = await rt.connected(b.url, viewer.token);
    await request(onA, 'subscribe', { channel: sessionChannel(sessionId) });
    await request(onB, 'subscribe', { channel: sessionChannel(sessionId) });
    onA.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // well past node A's grace
    expect(await active()).toEqual([viewer.id]);
    onB.disconnect();
    await waitFor(async () => (await active()).length === 0, 3000);
    expect(await rt.db.repos.attendance.intervals(sessionId)).toHaveLength(1);
  });

  it("tells a viewer on another node, following later, the host's camera state and its reset when the host leaves", async () => {
    const [a, b] = [await scaledNode(), await scaledNode()];
    const host = await rt.account('host');
    const { sessionId } = await rt.liveSession(host.id);
    const channel = { channel: sessionChannel(sessionId) };
    const studio = await rt.connected(a.url, host.token);
    await request(studio, 'subscribe', channel);
    await rt.hostVideo(sessionId, host.token, false);
    const late = await rt.connected(b.url, (await rt.account('viewer')).token);
    const events = collect(late);
    await request(late, 'subscribe', channel);
    expect(await rt.hostMedia(sessionId)).toEqual({ video: false, audio: true });
    // The host follows on node B too for a while: leaving node A alone is not leaving.
    const second = await rt.connected(b.url, host.token);
    await request(second, 'subscribe', channel);
    studio.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // well past node A's grace
    expect(await rt.hostMedia(sessionId)).toEqual({ video: false, audio: true });
    second.disconnect();
    await waitFor(() => events.length === 2, 3000);
    expect(events.map((e) => [e.event, e.payload])).toEqual([
      ['host.video', { session_id: sessionId, enabled: true }],
      ['host.audio', { session_id: sessionId, enabled: true }],
    ]);
    expect(await rt.hostMedia(sessionId)).toEqual({ video: true, audio: true });
  });

  it("sums up players' playback reports from every node (a Redis hash)", async () => {
    const [here, there] = [createServices(rt.services.deps), createServices(rt.services.deps)];
    const options = { redisUrl: redis.url, allowOrigin: originCheck(rt.config.allowedOrigins) };
    const [a, b] = [
      await startGateway(createServer(), here, options),
      await startGateway(createServer(), there, options),
    ];
    try {
      const { sessionId } = await rt.liveSession();
      const figures = {
        latency_ms: 3000,
        stalls: 0,
        stall_ms: 0,
        bitrate_bps: 1e6,
        period_ms: 1e4,
      };
      for (const [started, latency_ms] of [
        [a, 3000],
        [b, 5000],
      ] as const) {
        await new Promise<void>((resolve) => started.gateway.io.httpServer.listen(0, resolve));
        const port = (started.gateway.io.httpServer.address() as { port: number }).port;
        const player = await rt.connected(`http://127.0.0.1:${port}`, null);
        await request(player, 'subscribe', { channel: sessionChannel(sessionId) });
        expect(
          await request(player, 'playback:report', {
            session_id: sessionId,
            ...figures,
            latency_ms,
          }),
        ).toMatchObject({ ok: true });
        player.disconnect();
      }
      for (const services of [here, there]) {
        expect(await services.viewerReports.quality(sessionId)).toMatchObject({
          reporting_players: 2,
          viewer_latency_p50_ms: 3000,
          viewer_latency_p95_ms: 5000,
        });
      }
      expect((await rt.services.viewerReports.quality(sessionId)).reporting_players).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('relays WebRTC signals between nodes to the two users only, and stops at a stage removal', async () => {
    const [a, b] = [await scaledNode(), await scaledNode()];
    const { sessionId, users, sockets, received } = await signallingCast(rt, {
      host: a.url,
      guest: b.url,
    });
    expect(
      await request(sockets.guest, 'rtc:signal', offer(sessionId, users.host.id)),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await request(sockets.host, 'rtc:signal', {
        session_id: sessionId,
        to_user_id: users.guest.id,
        call_id: 'call-1',
        kind: 'answer',
        sdp: 'v=0\r\n',
      }),
    ).toMatchObject({ ok: true });
    await waitFor(() => received.host.length === 1 && received.guest.length === 1);
    expect(received.host[0]).toMatchObject({ kind: 'offer', from_user_id: users.guest.id });
    expect(received.guest[0]).toMatchObject({ kind: 'answer', from_user_id: users.host.id });

    await stageMove(rt, 'remove', sessionId, users.host.id, users.guest.id);
    expect(
      await request(sockets.guest, 'rtc:signal', offer(sessionId, users.host.id, 'call-2')),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.host).toHaveLength(1);
    expect([...received.viewer, ...received.outsider]).toEqual([]);
  });

  it('starts a gateway only once its adapter listens on Redis: closing it at once leaves nothing unhandled', async () => {
    const services = createServices(rt.services.deps);
    const seen = await unhandledDuring(async () => {
      for (let i = 0; i < 3; i++) {
        const started = await startGateway(createServer(), services, {
          redisUrl: redis.url,
          allowOrigin: originCheck(rt.config.allowedOrigins),
        });
        await started.close();
      }
    });
    expect(seen).toEqual([]);
  });

  it('keeps running when Redis dies under a just-started gateway, and is healthy once it is back', async () => {
    const services = createServices(rt.services.deps);
    const realtime = async () => (await services.health.check()).checks.realtime.status;
    const seen = await unhandledDuring(async () => {
      const started = await startGateway(createServer(), services, {
        redisUrl: redis.url,
        allowOrigin: originCheck(rt.config.allowedOrigins),
      });
      try {
        await redis.stop();
        await waitFor(async () => (await realtime()) === 'down');
        await redis.restart();
        await waitFor(async () => (await realtime()) === 'up', 10_000);
      } finally {
        await started.close();
      }
    });
    expect(seen).toEqual([]);
  });
  it('survives Redis dying while a request to the other nodes is on its way', async () => {
    const services = createServices(rt.services.deps);
    const seen = await unhandledDuring(async () => {
      const start = () =>
        startGateway(createServer(), services, {
          redisUrl: redis.url,
          allowOrigin: originCheck(rt.config.allowedOrigins),
        });
      const [a, b] = [await start(), await start()];
      const admin = createClient({ url: redis.url });
      admin.on('error', () => {});
      try {
        await waitFor(async () => (await a.gateway.io.of('/').adapter.serverCount()) >= 2);
        // Writes wait (PUBLISH among them), reads answer: fetchSockets counts the nodes, then
        // its PUBLISH is in flight when Redis goes.
        await admin.connect();
        await admin.sendCommand(['CLIENT', 'PAUSE', '5000', 'WRITE']);
        void a.gateway.io.fetchSockets().catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 200));
        await redis.stop();
        await new Promise((resolve) => setTimeout(resolve, 300));
      } finally {
        admin.destroy();
        await a.close();
        await b.close();
        await redis.restart();
      }
    });
    expect(seen).toEqual([]);
  });
});
