// The two servers the benchmark compares, run as a child process (IPC with the orchestrator):
// `gateway` — our Socket.IO gateway on a fresh SQLite database, chat messages committed to the
// outbox as the chat service does; `ws` — a plain `ws` server broadcasting the same JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionChannel } from '@vidinfra/domain';
import { createRuntime, loadConfig, originCheck, recordEvent } from '@vidinfra/services';
import { WebSocketServer } from 'ws';
import { createGateway } from '../src/index.ts';

const kind = process.argv[2] as 'gateway' | 'ws';
const send = (message: unknown) => process.send!(message);
const http = createServer();
let publish: (i: number) => Promise<void>;

if (kind === 'gateway') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rt-'));
  // The orchestrator ends this process with SIGTERM: the database goes with it.
  process.once('SIGTERM', () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
  // The runtime every node builds, on SQLite in the temporary directory (secrets made there).
  const config = loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent' });
  const { db, services } = await createRuntime(config);
  const host = await db.repos.users.create({
    email: 'host@bench.test',
    displayName: 'Host',
    role: 'host',
  });
  const room = await db.repos.rooms.create({
    ownerId: host.id,
    name: 'Bench',
    visibility: 'public',
  });
  const session = await db.repos.sessions.create({
    roomId: room.id,
    title: 'Bench',
    scheduledAt: new Date(),
    settings: {},
  });
  await db.repos.sessions.transition(session.id, ['scheduled'], 'live', { liveAt: new Date() });
  createGateway({
    services,
    httpServer: http,
    allowOrigin: originCheck(config.allowedOrigins),
    presenceGraceMs: 10_000,
  });
  publish = (i) =>
    db.transaction(async (r) => {
      const message = await r.chat.create(session.id, host.id, `message ${i}`);
      await recordEvent(r, 'chat.message_created', session.id, {
        id: message.id,
        session_id: session.id,
        user_id: host.id,
        display_name: 'Host',
        role: 'owner',
        text: message.text,
        created_at: message.createdAt.toISOString(),
      });
    });
  send({ channel: sessionChannel(session.id) });
} else {
  const wss = new WebSocketServer({ server: http });
  let seq = 0;
  publish = async (i) => {
    const at = new Date().toISOString();
    const data = JSON.stringify({
      event: 'chat.message_created',
      channel: 'session:bench',
      seq: ++seq,
      payload: { text: `message ${i}`, created_at: at },
      at,
    });
    for (const client of wss.clients) client.send(data);
  };
  send({ channel: 'session:bench' });
}

await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
send({ port: (http.address() as AddressInfo).port, rss: process.memoryUsage().rss });

process.on('message', async (message: { cmd: string; perSecond?: number; seconds?: number }) => {
  if (message.cmd === 'rss') {
    global.gc?.();
    send({ rss: process.memoryUsage().rss });
  }
  if (message.cmd === 'publish') {
    const total = message.perSecond! * message.seconds!;
    const start = Date.now();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / message.perSecond!;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      await publish(i);
    }
    send({ published: total });
  }
});
