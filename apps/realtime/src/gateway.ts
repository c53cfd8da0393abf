// The Socket.IO gateway: authenticated connections, authorized channels, committed events
// delivered in order, presence turned into attendance, client actions through the services.
// Every message either way is the domain's protocol (ServerToClientEvents, ClientToServerEvents).
import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import {
  ackError,
  ackOk,
  CLIENT_ACTIONS,
  DomainError,
  isDomainError,
  parseChannel,
  sessionChannel,
  staffChannel,
  validationError,
  type ClientActionName,
  type RealtimeEnvelope,
} from '@vidinfra/domain';
import type { OriginCheck, Services } from '@vidinfra/services';
import { Server, type ServerOptions } from 'socket.io';
import type { z } from 'zod';
import { type ActionHandlers, clientActions } from './actions.ts';
import { authorizeChannel } from './channels.ts';
import { startNodeLiveness } from './node-liveness.ts';
import { presenceTracker } from './presence.ts';
import { startRelay, toEnvelope } from './relay.ts';
import { relayRtcSignal } from './rtc-signals.ts';
import { socketRateLimiter } from './rate-limit.ts';
import type { GatewayServer, GatewaySocket } from './socket-types.ts';
import { viewerCountBroadcaster } from './viewer-count.ts';

export interface GatewayOptions {
  services: Services;
  /** Attach to this HTTP server (the API's, in the embedded default). */
  httpServer: HttpServer;
  /**
   * The origins whose pages may connect (`originCheck(config.allowedOrigins)`): CORS for the
   * polling transport, and a handshake or WebSocket upgrade from a page on another origin refused
   * with 403 (browsers send any site's WebSocket upgrades with no CORS check). No Origin passes.
   */
  allowOrigin: OriginCheck;
  /** A Socket.IO adapter (the Redis Streams adapter when scaled); in-memory by default. */
  adapter?: Partial<ServerOptions>['adapter'];
  isLeader?: () => Promise<boolean>;
  /** How long a disconnected viewer keeps their attendance interval open. */
  presenceGraceMs?: number;
  /** How long Socket.IO keeps a disconnected client's missed events for recovery. */
  recoveryWindowMs?: number;
  relayIntervalMs?: number;
  /** How often the viewer count is read and sent when it changed. */
  viewerCountIntervalMs?: number;
  /** This node's id (on the attendance intervals it opens); a fresh one by default. */
  nodeId?: string;
  /** A node that has not beaten its heartbeat for this long is gone and its viewers are closed. */
  nodeTimeoutMs?: number;
  /** How often the relay leader looks for gone nodes. */
  sweepIntervalMs?: number;
  log?: { warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
}

/** A socket's private room, for acting on all of one user's sockets (ban, stage removal). */
const userRoom = (userId: string) => `uid:${userId}`;
/** The sockets one login opened, for ending them with it. */
const loginRoom = (loginId: string) => `login:${loginId}`;
/** The access token a client connected with (`auth: {token}`), if any. */
const handshakeToken = (socket: { handshake: { auth: unknown } }): string | null => {
  const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token ? token : null;
};
const MAX_MESSAGE_BYTES = 16 * 1024;
const RESYNC_BATCH = 500;

export function createGateway(options: GatewayOptions) {
  const { services } = options;
  const log = options.log ?? { warn: () => {}, error: (obj: unknown) => console.error(obj) };
  const nodeId = options.nodeId ?? randomUUID();
  const isLeader = options.isLeader ?? (async () => true);
  const io: GatewayServer = new Server(options.httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // A recovered socket skips the (async) auth middleware: events broadcast while it ran would
    // miss the socket, which only joins the namespace after it. Its identity is restored with it.
    connectionStateRecovery: {
      maxDisconnectionDuration: options.recoveryWindowMs ?? 2 * 60_000,
      skipMiddlewares: true,
    },
    ...(options.adapter && { adapter: options.adapter }),
    // The token travels in the handshake's `auth`, never in a cookie: no credentials.
    cors: { origin: (origin, allow) => allow(null, options.allowOrigin(origin)) },
    allowRequest: (request, answer) => answer(null, options.allowOrigin(request.headers.origin)),
  });
  const liveness = startNodeLiveness(services, {
    nodeId,
    nodeTimeoutMs: options.nodeTimeoutMs ?? 30_000,
    sweepIntervalMs: options.sweepIntervalMs ?? 10_000,
    isLeader,
    onError: (e) => log.error(e, 'node liveness'),
  });
  const presence = presenceTracker(services, {
    nodeId,
    registered: liveness.registered,
    graceMs: options.presenceGraceMs ?? 10_000,
    onError: (e) => log.error(e, 'presence'),
    // Any node: a socket of the user still in the session's channel (the Redis adapter asks all).
    elsewhere: async (sessionId, userId) =>
      (await io.in(userRoom(userId)).fetchSockets()).some((socket) =>
        socket.rooms.has(sessionChannel(sessionId)),
      ),
  });
  const actions = clientActions(services);
  const viewerCounts = viewerCountBroadcaster(
    io,
    services,
    options.viewerCountIntervalMs ?? 1000,
    (e) => log.error(e, 'viewer count'),
  );

  io.use(async (socket, next) => {
    const token = handshakeToken(socket);
    try {
      const actor = token ? await services.auth.authenticate(token) : null;
      socket.data.actor = actor;
      socket.data.attending ??= new Set();
      next();
    } catch (error) {
      const body = isDomainError(error)
        ? error.toBody()
        : { code: 'UNAUTHORIZED', message: 'invalid token' };
      next(Object.assign(new Error(body.message), { data: body }));
    }
  });

  io.on('connection', (socket) => {
    const actor = socket.data.actor;
    if (actor) void socket.join(userRoom(actor.id));
    if (actor?.loginId) void socket.join(loginRoom(actor.loginId));
    // A recovered socket skipped the handshake check: its login may have ended meanwhile.
    if (socket.recovered && actor) void stillSignedIn(socket, actor.id);
    if (socket.recovered) {
      for (const channel of socket.data.attending)
        void presence.joined(channel.slice('session:'.length), actor!.id);
    }
    const allow = socketRateLimiter({ perSecond: 20, burst: 40 });

    const handle = async (name: ClientActionName, payload: unknown): Promise<unknown> => {
      if (name === 'subscribe' || name === 'unsubscribe') {
        const { channel } = parse(CLIENT_ACTIONS[name].payload, payload);
        if (name === 'unsubscribe') {
          await socket.leave(channel);
          leaveSession(socket, channel);
          return { channel };
        }
        const grant = await authorizeChannel(services, actor, channel);
        await socket.join(channel);
        if (grant.kind === 'session' && actor && !socket.data.attending.has(channel)) {
          socket.data.attending.add(channel);
          await presence.joined(grant.sessionId!, actor.id);
        }
        if (grant.kind === 'session') viewerCounts.joined(channel);
        return { channel, last_seq: await services.outbox.lastSeq(channel) };
      }
      if (name === 'resync') {
        const request = parse(CLIENT_ACTIONS.resync.payload, payload);
        await authorizeChannel(services, actor, request.channel);
        const events = await services.outbox.since(
          request.channel,
          request.after_seq,
          RESYNC_BATCH,
        );
        return {
          channel: request.channel,
          events: events.map(toEnvelope),
          complete: events.length < RESYNC_BATCH,
        };
      }
      if (name === 'playback:report') {
        // A watching player: a socket in the session's channel (so its access was checked).
        const report = parse(CLIENT_ACTIONS[name].payload, payload);
        if (!socket.rooms.has(sessionChannel(report.session_id))) {
          throw new DomainError('FORBIDDEN', `subscribe to session:${report.session_id} first`);
        }
        return services.viewerReports.report(socket.id, report);
      }
      if (name === 'rtc:signal') return relayRtcSignal(io, services, actor, payload, userRoom);
      if (!Object.hasOwn(CLIENT_ACTIONS, name))
        throw new DomainError('NOT_FOUND', `unknown event ${name}`);
      if (!actor) throw new DomainError('UNAUTHORIZED', 'sign in first');
      return actions[name as keyof ActionHandlers](actor, payload);
    };

    socket.onAny((name: string, ...args: unknown[]) => {
      const ack =
        typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : null;
      if (!allow()) {
        ack?.(ackError(new DomainError('RATE_LIMITED', 'slow down', { retryAfterSeconds: 1 })));
        if (allow.flooding()) socket.disconnect(true);
        return;
      }
      handle(name as ClientActionName, args[0])
        .then((data) => ack?.(ackOk(data)))
        .catch((error: unknown) => {
          if (!isDomainError(error)) log.error(error, `realtime ${name} failed`);
          ack?.(ackError(isDomainError(error) ? error : new DomainError('INTERNAL')));
        });
    });

    socket.on('disconnect', () => {
      for (const channel of socket.data.attending)
        presence.left(channel.slice('session:'.length), actor!.id);
    });
  });

  function leaveSession(socket: GatewaySocket, channel: string) {
    if (!socket.data.attending.delete(channel)) return;
    presence.left(channel.slice('session:'.length), socket.data.actor!.id);
  }

  async function stillSignedIn(socket: GatewaySocket, userId: string) {
    const token = handshakeToken(socket);
    const actor = token ? await services.auth.authenticate(token).catch(() => null) : null;
    if (actor?.id !== userId) socket.disconnect(true);
  }

  /**
   * Side effects of some events on live sockets: bans and stage removals act at once, and so
   * does the end of a login (its sockets are disconnected, on every node).
   */
  async function enforce(envelope: RealtimeEnvelope) {
    if (envelope.event === 'auth.signed_out') {
      const ended = envelope.payload as { user_id: string; login_id: string | null };
      io.in(ended.login_id ? loginRoom(ended.login_id) : userRoom(ended.user_id)).disconnectSockets(
        true,
      );
      return;
    }
    const userId = (envelope.payload as { user_id?: string }).user_id;
    const channel = parseChannel(envelope.channel);
    if (!userId || !channel || channel.kind === 'user') return;
    const { sessionId } = channel;
    const sockets = io.in(userRoom(userId));
    if (envelope.event === 'moderation.banned') {
      const channels = [sessionChannel(sessionId), staffChannel(sessionId)];
      sockets.emit('channel:removed', { channels, reason: 'banned' });
      sockets.socketsLeave(channels);
      for (const socket of await sockets.fetchSockets()) {
        if (socket.data.attending?.delete(channels[0]!)) presence.left(sessionId, userId);
      }
    }
    if (envelope.event === 'stage.participant_removed') {
      sockets.emit('stage:unpublish', { session_id: sessionId });
    }
  }

  const relay = startRelay(services, {
    intervalMs: options.relayIntervalMs ?? 50,
    batch: 200,
    isLeader,
    deliver: (envelope) => {
      io.to(envelope.channel).emit('event', envelope);
      void enforce(envelope).catch((e) => log.error(e, 'enforce'));
    },
    onError: (error) => log.error(error, 'relay'),
  });

  // In this process a commit wakes the relay at once; other processes' commits are polled.
  const stopNudging = services.outbox.onCommit(() => relay.nudge());

  return {
    io,
    relay,
    nodeId,
    async close() {
      stopNudging();
      await relay.stop();
      viewerCounts.stop();
      io.disconnectSockets(true);
      await presence.flush();
      // Only once its viewers are closed: a node forgotten earlier would leave them to nobody.
      await liveness.stop({ retire: true });
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

function parse<T extends z.ZodType>(schema: T, payload: unknown): z.output<T> {
  const result = schema.safeParse(payload);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export type Gateway = ReturnType<typeof createGateway>;
