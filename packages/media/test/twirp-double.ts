// A stand-in for LiveKit's server API (the LiveKit server cannot be installed here): the Twirp
// endpoints our backend calls, over real HTTP, speaking protobuf JSON as the server does. Every
// request's bearer JWT is checked with the SDK's TokenVerifier against the API secret and for
// the grant LiveKit requires; requests are recorded; egresses are kept so tests can move them
// along (ACTIVE, COMPLETE, FAILED) as the egress service would.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AccessToken,
  EgressInfo,
  EgressStatus,
  Room,
  RoomCompositeEgressRequest,
  TokenVerifier,
  type ClaimGrants,
  type VideoGrant,
} from 'livekit-server-sdk';

export interface TwirpCall {
  service: string;
  method: string;
  body: Record<string, unknown>;
}

export interface TwirpDouble {
  url: string;
  /** Accepted calls, in order. */
  calls: TwirpCall[];
  /** Calls turned away (bad token, missing grant), with why. */
  refused: { method: string; status: number; reason: string }[];
  egresses: Map<string, EgressInfo>;
  /** `room/identity` of the participants connected now. */
  participants: Set<string>;
  /** While set, every call answers 503 (LiveKit down). */
  down: boolean;
  callsTo(method: string): TwirpCall[];
  /** Moves an egress to `status` as the egress service would, with whatever else it reports. */
  update(egressId: string, status: EgressStatus, patch?: Partial<EgressInfo>): EgressInfo;
  close(): Promise<void>;
}

/** The Go server's protojson: field names as in the .proto, defaults included. */
const JSON_OPTIONS = { useProtoFieldName: true, emitDefaultValues: true } as const;

type Handler = (body: Record<string, unknown>, grant: VideoGrant) => unknown;

class TwirpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const nowNs = (() => {
  let last = 0n;
  // Strictly increasing, so "the latest egress" is well defined within a test.
  return () => {
    const now = BigInt(Date.now()) * 1_000_000n;
    last = now > last ? now : last + 1n;
    return last;
  };
})();

const requireGrant = (ok: boolean | undefined, what: string) => {
  if (!ok) throw new TwirpFailure(403, 'permission_denied', `missing ${what} grant`);
};

/** A request field by its JSON name or its proto name (the server takes both). */
const field = (body: Record<string, unknown>, json: string, proto = json) =>
  body[json] ?? body[proto];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTwirpDouble(credentials: {
  apiKey: string;
  apiSecret: string;
}): Promise<TwirpDouble> {
  const verifier = new TokenVerifier(credentials.apiKey, credentials.apiSecret);
  const calls: TwirpCall[] = [];
  const refused: TwirpDouble['refused'] = [];
  const egresses = new Map<string, EgressInfo>();
  const participants = new Set<string>();
  let egressCount = 0;

  const find = (egressId: unknown) => {
    const info = egresses.get(String(egressId));
    if (!info) throw new TwirpFailure(404, 'not_found', 'egress does not exist');
    return info;
  };
  const isActive = (info: EgressInfo) => info.status <= EgressStatus.EGRESS_ENDING;

  const handlers: Record<string, Handler> = {
    'Egress/StartRoomCompositeEgress': (body, grant) => {
      requireGrant(grant.roomRecord, 'roomRecord');
      const request = RoomCompositeEgressRequest.fromJson(body as never);
      if (!request.roomName) throw new TwirpFailure(400, 'invalid_argument', 'room name required');
      const segments = request.segmentOutputs[0];
      const file = request.fileOutputs[0];
      const info = new EgressInfo({
        egressId: `EG_double${++egressCount}`,
        roomId: `RM_${request.roomName}`,
        roomName: request.roomName,
        status: EgressStatus.EGRESS_STARTING,
        startedAt: nowNs(),
        updatedAt: nowNs(),
        request: { case: 'roomComposite', value: request },
        segmentResults: segments ? [{ playlistName: segments.playlistName }] : [],
        fileResults: file ? [{ filename: file.filepath }] : [],
      });
      egresses.set(info.egressId, info);
      return info.toJson(JSON_OPTIONS);
    },
    'Egress/ListEgress': (body, grant) => {
      requireGrant(grant.roomRecord, 'roomRecord');
      const roomName = field(body, 'roomName', 'room_name');
      const egressId = field(body, 'egressId', 'egress_id');
      const active = field(body, 'active') === true;
      const items = [...egresses.values()].filter(
        (info) =>
          (!roomName || info.roomName === roomName) &&
          (!egressId || info.egressId === egressId) &&
          (!active || isActive(info)),
      );
      return { items: items.map((info) => info.toJson(JSON_OPTIONS)) };
    },
    'Egress/StopEgress': (body, grant) => {
      requireGrant(grant.roomRecord, 'roomRecord');
      const info = find(field(body, 'egressId', 'egress_id'));
      if (!isActive(info) || info.status === EgressStatus.EGRESS_ENDING) {
        throw new TwirpFailure(412, 'failed_precondition', 'egress already ended');
      }
      info.status = EgressStatus.EGRESS_ENDING;
      info.updatedAt = nowNs();
      return info.toJson(JSON_OPTIONS);
    },
    'RoomService/RemoveParticipant': (body, grant) => {
      const room = String(field(body, 'room') ?? '');
      requireGrant(grant.roomAdmin && grant.room === room, `roomAdmin for room ${room}`);
      const key = `${room}/${String(field(body, 'identity') ?? '')}`;
      if (!participants.delete(key)) {
        throw new TwirpFailure(404, 'not_found', 'participant not found');
      }
      return {};
    },
    'RoomService/ListRooms': (_body, grant) => {
      requireGrant(grant.roomList, 'roomList');
      const names = new Set([...participants].map((key) => key.split('/')[0]!));
      return { rooms: [...names].map((name) => new Room({ name }).toJson(JSON_OPTIONS)) };
    },
  };

  async function serve(request: IncomingMessage, response: ServerResponse) {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const match = /^\/twirp\/livekit\.(\w+)\/(\w+)$/.exec(request.url ?? '');
    const method = match ? `${match[1]}/${match[2]}` : (request.url ?? '');
    const text = await readBody(request);
    try {
      if (double.down) throw new TwirpFailure(503, 'unavailable', 'LiveKit is down');
      const handler = match && request.method === 'POST' ? handlers[method] : undefined;
      if (!handler) throw new TwirpFailure(404, 'bad_route', `no handler for ${method}`);
      const [scheme, token] = (request.headers.authorization ?? '').split(' ');
      if (scheme !== 'Bearer' || !token) {
        throw new TwirpFailure(401, 'unauthenticated', 'no bearer token');
      }
      const claims = (await verifier.verify(token).catch((error: Error) => {
        throw new TwirpFailure(401, 'unauthenticated', error.message);
      })) as ClaimGrants;
      const body = JSON.parse(text) as Record<string, unknown>;
      const answer = handler(body, claims.video ?? {});
      calls.push({ service: match![1]!, method: match![2]!, body });
      send(200, answer);
    } catch (error) {
      const failure =
        error instanceof TwirpFailure ? error : new TwirpFailure(500, 'internal', String(error));
      refused.push({ method, status: failure.status, reason: failure.message });
      send(failure.status, { code: failure.code, msg: failure.message });
    }
  }

  const server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const double: TwirpDouble = {
    url: `http://127.0.0.1:${port}`,
    calls,
    refused,
    egresses,
    participants,
    down: false,
    callsTo: (method) => calls.filter((call) => call.method === method),
    update(egressId, status, patch = {}) {
      const info = new EgressInfo({ ...find(egressId), ...patch, status, updatedAt: nowNs() });
      egresses.set(egressId, info);
      return info;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return double;
}

/**
 * Signs a webhook body as the LiveKit server does (livekit/protocol webhook notifier): a JWT
 * from the API key and secret, valid 5 minutes, whose `sha256` claim is the base64 SHA-256 of
 * the exact body bytes, sent as the raw `Authorization` header value (no "Bearer").
 */
export async function signWebhook(body: string, apiKey: string, apiSecret: string) {
  const token = new AccessToken(apiKey, apiSecret, { ttl: '5m' });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}
