// The AsyncAPI 3 document of the realtime protocol, generated from the domain's schemas (zod →
// JSON Schema): the Socket.IO connection, the three kinds of channel, every message either way
// (each durable event in its envelope, the ephemeral messages, the client actions and their
// acks). Served at /api/asyncapi.json; the gateway is described as the application.
import * as domain from '@vidinfra/domain';
import {
  ackSchema,
  CLIENT_ACTIONS,
  REALTIME_EVENTS,
  RealtimeEnvelope,
  SERVER_MESSAGES,
  type ChannelKind,
  type ClientActionName,
  type RealtimeEventName,
  type ServerMessageName,
} from '@vidinfra/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/** Where the document is served (the OpenAPI document's description links to it). */
export const ASYNCAPI_PATH = '/api/asyncapi.json';

type JsonSchema = Record<string, unknown>;
type Ref = { $ref: string };
const ref = (path: string): Ref => ({ $ref: `#/${path}` });

/** Where each ephemeral message goes (the durable ones say it themselves). */
const EPHEMERAL_CHANNEL: Record<Exclude<ServerMessageName, 'event'>, ChannelKind> = {
  viewer_count: 'session',
  // Sent to every socket of the user it concerns: their personal channel, joined or not.
  'channel:removed': 'user',
  'stage:unpublish': 'user',
  // To every socket of the recipient only (a stage guest or the session's host side).
  'rtc:signalled': 'user',
};

const CHANNELS: Record<ChannelKind, { address: string; parameter: string; description: string }> = {
  session: {
    address: 'session:{sessionId}',
    parameter: 'sessionId',
    description: 'Everyone following the session (anonymous followers only for public rooms).',
  },
  staff: {
    address: 'session:{sessionId}:staff',
    parameter: 'sessionId',
    description: 'The session’s staff: hand raises, join requests, moderation.',
  },
  user: {
    address: 'user:{userId}',
    parameter: 'userId',
    description: 'One signed-in user’s personal channel (and messages to all of their sockets).',
  },
};

const PROTOCOL_DESCRIPTION = `Socket.IO 4 at the API's origin (default path \`/socket.io/\`).
Connect with \`auth: { token: <access token> }\` (or none, to follow public sessions), then emit
\`subscribe\` with a channel name; every client action takes an ack callback and answers
\`{ ok: true, data }\` or \`{ ok: false, error: { code, message } }\`. Durable events arrive as
\`event\` envelopes numbered per channel (\`seq\`): after a drop, \`resync\` with the last \`seq\`
seen returns what was missed. The state they change is read once over REST (the session read's
status, settings and \`host_media\` for \`host.video\` / \`host.audio\`; the stage, polls, chat)
and the events that follow are applied to it. Ephemeral messages (\`viewer_count\`,
\`channel:removed\`, \`stage:unpublish\`, \`rtc:signalled\`) are never stored or replayed. WebRTC signalling between
a stage participant and the session's host side (no media server): \`rtc:signal\` to the other
user, who receives \`rtc:signalled\` with \`from_user_id\` set by the server.`;

/** Zod schemas → JSON Schemas under components/schemas, named by their domain ids. */
function schemaComponents() {
  const registry = z.registry<{ id: string }>();
  for (const value of Object.values(domain)) {
    if (!(value instanceof z.ZodType)) continue;
    const id = z.globalRegistry.get(value)?.id;
    if (typeof id === 'string') registry.add(value, { id });
  }
  /** A reference to the schema's component, naming it `fallbackId` when it has no id. */
  const named = (schema: z.ZodType, fallbackId: string): Ref => {
    const id = registry.get(schema)?.id ?? fallbackId;
    if (!registry.has(schema)) registry.add(schema, { id });
    return ref(`components/schemas/${id}`);
  };
  const convert = (): Record<string, JsonSchema> => {
    const { schemas } = z.toJSONSchema(registry, {
      target: 'draft-7',
      uri: (id) => `#/components/schemas/${id}`,
      unrepresentable: 'any',
    }) as { schemas: Record<string, JsonSchema> };
    if ('__shared' in schemas)
      throw new Error(
        `a named schema is not exported by the domain: ${Object.keys(schemas.__shared!)}`,
      );
    return Object.fromEntries(
      Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
    );
  };
  return { named, convert };
}

/** Keeps the components reachable from `roots` (the document lists no unused schema). */
function reachable(
  schemas: Record<string, JsonSchema>,
  roots: unknown,
): Record<string, JsonSchema> {
  const kept = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const id =
        key === '$ref' &&
        typeof value === 'string' &&
        /^#\/components\/schemas\/(.+)$/.exec(value)?.[1];
      if (id && !kept.has(id)) {
        kept.add(id);
        visit(schemas[id]);
      } else visit(value);
    }
  };
  visit(roots);
  return Object.fromEntries([...kept].sort().map((id) => [id, schemas[id]!]));
}

const title = (name: string) =>
  name.replace(/[^a-zA-Z0-9]+(.)/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string) => title(name).replace(/^./, (c) => c.toUpperCase());

export function buildAsyncApiDocument(publicUrl: string) {
  const { named, convert } = schemaComponents();
  const messages: Record<string, unknown> = {};
  const byChannel: Record<ChannelKind | 'connection', string[]> = {
    session: [],
    staff: [],
    user: [],
    connection: [],
  };

  for (const [event, definition] of Object.entries(REALTIME_EVENTS)) {
    const envelope = RealtimeEnvelope.extend({
      event: z.literal(event as RealtimeEventName),
      payload: definition.payload,
    });
    messages[event] = {
      name: 'event',
      title: event,
      summary: `Durable event \`${event}\` in its envelope (Socket.IO event \`event\`).`,
      payload: named(envelope, `${pascal(event)}Envelope`),
    };
    byChannel[definition.channel].push(event);
  }
  for (const [name, channel] of Object.entries(EPHEMERAL_CHANNEL)) {
    const message = name as Exclude<ServerMessageName, 'event'>;
    messages[message] = {
      name: message,
      summary: `Ephemeral message \`${message}\` (never stored or replayed).`,
      payload: named(SERVER_MESSAGES[message], `${pascal(message)}Message`),
    };
    byChannel[channel].push(message);
  }
  for (const [name, action] of Object.entries(CLIENT_ACTIONS)) {
    const actionName = name as ClientActionName;
    messages[actionName] = {
      name: actionName,
      summary: `Client action \`${actionName}\`, emitted with an ack callback.`,
      payload: named(action.payload, `${pascal(actionName)}Request`),
    };
    messages[`${actionName}.ack`] = {
      name: `${actionName} ack`,
      summary: `The server's answer to \`${actionName}\` (the ack callback's argument).`,
      payload: named(ackSchema(action.result), `${pascal(actionName)}Ack`),
    };
    byChannel.connection.push(actionName, `${actionName}.ack`);
  }

  const channelMessages = (names: string[]) =>
    Object.fromEntries(names.map((name) => [name, ref(`components/messages/${name}`)]));
  const channels = {
    ...Object.fromEntries(
      Object.entries(CHANNELS).map(([kind, channel]) => [
        kind,
        {
          address: channel.address,
          description: channel.description,
          parameters: { [channel.parameter]: { description: 'A UUID.' } },
          messages: channelMessages(byChannel[kind as ChannelKind]),
        },
      ]),
    ),
    connection: {
      address: null,
      description: 'The Socket.IO connection itself: client actions and their acks.',
      messages: channelMessages(byChannel.connection),
    },
  };
  const operations = {
    ...Object.fromEntries(
      (Object.keys(CHANNELS) as ChannelKind[]).map((kind) => [
        `send${pascal(kind)}Messages`,
        {
          action: 'send',
          channel: ref(`channels/${kind}`),
          summary: `What a subscriber of ${CHANNELS[kind].address} receives.`,
          messages: byChannel[kind].map((name) => ref(`channels/${kind}/messages/${name}`)),
        },
      ]),
    ),
    ...Object.fromEntries(
      Object.keys(CLIENT_ACTIONS).map((action) => [
        `receive${pascal(action)}`,
        {
          action: 'receive',
          channel: ref('channels/connection'),
          messages: [ref(`channels/connection/messages/${action}`)],
          reply: {
            channel: ref('channels/connection'),
            messages: [ref(`channels/connection/messages/${action}.ack`)],
          },
        },
      ]),
    ),
  };
  const url = new URL(publicUrl);
  const document = {
    asyncapi: '3.1.0',
    info: {
      title: 'VidInfra Live realtime',
      version: '1.0.0',
      description: PROTOCOL_DESCRIPTION,
    },
    defaultContentType: 'application/json',
    servers: {
      gateway: {
        host: url.host,
        pathname: '/socket.io/',
        protocol: url.protocol === 'https:' ? 'wss' : 'ws',
        description: 'The Socket.IO gateway (WebSocket transport, long-polling fallback).',
      },
    },
    channels,
    operations,
    components: { messages, schemas: {} as Record<string, JsonSchema> },
  };
  document.components.schemas = reachable(convert(), document.components.messages);
  return document;
}

/** Serves the document at ASYNCAPI_PATH, built once. */
export function registerAsyncApi(app: FastifyInstance, publicUrl: string) {
  const document = buildAsyncApiDocument(publicUrl);
  app.get(ASYNCAPI_PATH, async () => document);
}
