// A real gateway on a real HTTP server (random port) over a fresh database of the run's dialect,
// built by the runtime every node uses, and socket.io-client sockets to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@vidinfra/db';
import { openTestDatabase, testDialect } from '@vidinfra/db/testing';
import {
  createRuntime,
  hashPassword,
  loadConfig,
  originCheck,
  recordEvent,
  type Config,
  type Runtime,
  type Services,
} from '@vidinfra/services';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import { createGateway, type Gateway, type GatewayOptions } from '../src/index.ts';

export const dialect = testDialect();

export interface Node {
  gateway: Gateway;
  http: HttpServer;
  url: string;
}

export interface RealtimeTest {
  db: Database;
  /** Where the test database is, for another process to open. */
  dbUrl: string;
  config: Config;
  runtime: Runtime;
  services: Services;
  node: Node;
  startNode(options?: Partial<GatewayOptions>): Promise<Node>;
  stopNode(node: Node): Promise<void>;
  account(role: 'admin' | 'host' | 'viewer'): Promise<{ id: string; token: string }>;
  socket(url: string, token?: string | null, options?: Record<string, unknown>): Socket;
  /** Connects and waits for the connection (or its refusal). */
  connected(url: string, token?: string | null): Promise<Socket>;
  liveSession(
    ownerId?: string,
    visibility?: 'public' | 'private',
  ): Promise<{ sessionId: string; roomId: string; ownerId: string }>;
  publish(sessionId: string, text: string): Promise<void>;
  /** The host (given their token) turns the camera on or off, as `POST /host/video` does. */
  hostVideo(sessionId: string, token: string, enabled: boolean): Promise<void>;
  /** The session read's `host_media`, as a viewer who comes now reads it. */
  hostMedia(sessionId: string): Promise<{ video: boolean; audio: boolean }>;
}

const testEnv = {
  JWT_SECRET: 'realtime-test-secret-realtime-test-secret',
  REFRESH_TOKEN_TTL_SECONDS: '3600',
  PUBLIC_URL: 'http://vidinfra.test',
  LIVEKIT_API_SECRET: 'test-media-secret-test-media-secret',
};

export function useRealtime(defaults: Partial<GatewayOptions> = {}): RealtimeTest {
  const t = {} as RealtimeTest & { nodes: Node[]; sockets: Socket[]; dispose: () => Promise<void> };
  t.nodes = [];
  t.sockets = [];
  let counter = 0;
  let passwordHash = '';

  t.startNode = async (options = {}) => {
    const http = createServer();
    const gateway = createGateway({
      services: t.services,
      httpServer: http,
      allowOrigin: originCheck(t.config.allowedOrigins),
      presenceGraceMs: 300,
      relayIntervalMs: 20,
      ...defaults,
      ...options,
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const node = { gateway, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
    t.nodes.push(node);
    return node;
  };

  t.stopNode = async (node) => {
    t.nodes = t.nodes.filter((n) => n !== node);
    await node.gateway.close();
    await new Promise((resolve) => node.http.close(resolve));
  };

  beforeAll(async () => {
    const { db, url, dispose } = await openTestDatabase();
    // The gateway never starts media here: nothing but the runtime's files is written under it.
    const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-realtime-'));
    t.db = db;
    t.dbUrl = url;
    t.config = loadConfig({ ...testEnv, DATA_DIR: dataDir, DATABASE_URL: url });
    t.runtime = await createRuntime(t.config, { db });
    t.services = t.runtime.services;
    passwordHash = await hashPassword('a password for tests');
    t.node = await t.startNode();
    t.dispose = async () => {
      for (const s of t.sockets) s.disconnect();
      for (const node of [...t.nodes]) await t.stopNode(node);
      await t.runtime.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => t.dispose?.());

  t.account = async (role) => {
    const email = `${role}-${counter++}-${Date.now().toString(36)}@example.test`;
    const user = await t.db.repos.users.create({
      email,
      passwordHash,
      displayName: `${role} ${counter}`,
      role,
    });
    const { access_token } = await t.services.auth.login({
      email,
      password: 'a password for tests',
    });
    return { id: user.id, token: access_token };
  };

  t.socket = (url, token, options = {}) => {
    const socket = connect(url, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...options,
    });
    t.sockets.push(socket);
    return socket;
  };

  t.connected = (url, token) =>
    new Promise((resolve, reject) => {
      const socket = t.socket(url, token);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  t.liveSession = async (ownerId, visibility = 'public') => {
    const owner = ownerId ?? (await t.account('host')).id;
    const room = await t.db.repos.rooms.create({ ownerId: owner, name: 'Room', visibility });
    const session = await t.db.repos.sessions.create({
      roomId: room.id,
      title: 'Live',
      scheduledAt: new Date(),
      settings: {},
    });
    await t.db.repos.sessions.transition(session.id, ['scheduled'], 'live', { liveAt: new Date() });
    return { sessionId: session.id, roomId: room.id, ownerId: owner };
  };

  /** A committed domain event, as a service would record it. */
  t.publish = (sessionId, text) =>
    t.db.transaction((r) =>
      recordEvent(r, 'host.video', sessionId, {
        session_id: sessionId,
        enabled: text.length % 2 === 0,
      }),
    );

  t.hostVideo = async (sessionId, token, enabled) => {
    const actor = await t.services.auth.authenticate(token);
    const access = await t.services.access.authorize({
      caller: 'host_side',
      actor,
      resource: { kind: 'session', id: sessionId },
    });
    await t.services.sessions.hostMedia(access, actor, { kind: 'video', enabled });
  };

  t.hostMedia = async (sessionId) => {
    const access = await t.services.access.resolve('session', sessionId, null, null);
    return (await t.services.sessions.get(access)).host_media;
  };

  return t;
}

/** Emits with an ack and resolves with the ack. */
export const request = <T = any>(socket: Socket, event: string, payload: unknown): Promise<T> =>
  new Promise((resolve) => socket.emit(event, payload, resolve));

/** Collects `event` envelopes arriving on the socket. */
export const collect = (socket: Socket) => {
  const events: { event: string; channel: string; seq: number; payload: any }[] = [];
  socket.on('event', (envelope) => events.push(envelope));
  return events;
};

export const waitFor = async (check: () => boolean | Promise<boolean>, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};
