// The local ingest endpoint: `GET /ingest/sessions/{id}?token=…[&takeover=1]` upgraded to a
// WebSocket. Every /ingest/ upgrade is accepted first and then refused with a close code if it
// must be (see close-codes.ts): a close code is the only answer a browser WebSocket can read, and
// engine.io (Socket.IO) destroys upgrade requests nobody has answered within a second. Upgrades
// elsewhere (Socket.IO at /socket.io/) are left to their own listeners. After the token verifies,
// the application's `admit` hook (see IngestOptions) decides whether this identity may publish;
// before anything, its `allowOrigin` rule refuses an upgrade sent from a foreign page.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { TokenVerifier } from 'livekit-server-sdk';
import { WebSocketServer, type WebSocket } from 'ws';
import type { IngestOptions, IngestStats, MediaIngest } from '../backend.ts';
import { CLOSE, fitReason, IngestRefusal } from './close-codes.ts';
import type { MediaLog } from './options.ts';
import { verifyPublishToken } from './publish-token.ts';
import type { LocalSession } from './session.ts';

/** What the ingest needs of the backend it feeds. */
export interface IngestTarget {
  apiKey: string;
  apiSecret: string;
  maxMessageBytes: number;
  log: MediaLog;
  session(sessionId: string): LocalSession | undefined;
  /** Connections to close when the backend closes. */
  track(close: () => Promise<void>): void;
  /** The backend's sessions, counted. */
  sessionStats(): Omit<IngestStats, 'bytesReceived'>;
}

const PATH = /^\/ingest\/sessions\/([^/]+)\/?$/;

function sessionIdOf(pathname: string): string {
  const encoded = PATH.exec(pathname)?.[1];
  try {
    if (encoded) return decodeURIComponent(encoded);
  } catch {
    // A broken %-escape names no session.
  }
  throw new IngestRefusal(CLOSE.UNKNOWN_SESSION, 'unknown ingest path');
}

/** The local backend's ingest capability: served on any number of HTTP servers. */
export function localIngest(target: IngestTarget): MediaIngest {
  let bytesReceived = 0;
  return {
    attach: (server, options = {}) =>
      attach(target, server, options, (bytes) => (bytesReceived += bytes)),
    stats: () => ({ ...target.sessionStats(), bytesReceived }),
  };
}

function attach(
  target: IngestTarget,
  server: Server,
  options: IngestOptions,
  received: (bytes: number) => void,
): { close(): Promise<void> } {
  const verifier = new TokenVerifier(target.apiKey, target.apiSecret);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: target.maxMessageBytes,
    perMessageDeflate: false,
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://ingest');
    if (!url.pathname.startsWith('/ingest/')) return;
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.pause(); // no media is read before the publisher is admitted
      ws.on('message', (data: Buffer) => received(data.length));
      admit(ws, url, request.headers.origin).catch((error: unknown) => {
        if (!(error instanceof IngestRefusal)) {
          target.log.error(`ingest: admitting a publisher failed: ${String(error)}`);
        }
        const refusal =
          error instanceof IngestRefusal
            ? error
            : new IngestRefusal(CLOSE.INTERNAL, 'internal error');
        refuse(ws, refusal);
      });
    });
  };
  const admit = async (ws: WebSocket, url: URL, origin: string | undefined) => {
    if (options.allowOrigin && !options.allowOrigin(origin))
      throw new IngestRefusal(CLOSE.FORBIDDEN, 'origin not allowed');
    const sessionId = sessionIdOf(url.pathname);
    const identity = await verifyPublishToken(verifier, url.searchParams.get('token'), sessionId);
    const decision = await options.admit?.(sessionId, identity);
    if (decision && !decision.ok) throw new IngestRefusal(decision.code, decision.reason);
    const session = target.session(sessionId);
    if (!session) throw new IngestRefusal(CLOSE.UNKNOWN_SESSION, 'session is not live');
    if (ws.readyState !== ws.OPEN) return; // left while it was being admitted
    session.admit(ws, identity, url.searchParams.get('takeover') === '1');
  };
  const refuse = (ws: WebSocket, refusal: IngestRefusal) => {
    ws.resume();
    try {
      ws.close(refusal.code, fitReason(refusal.reason));
    } catch (error) {
      // A close code ws does not accept (from an admit hook breaking its type): still refused.
      target.log.error(`ingest: closing a refused publisher failed: ${String(error)}`);
      ws.terminate();
    }
  };
  server.on('upgrade', onUpgrade);
  const close = async () => {
    server.off('upgrade', onUpgrade);
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
  target.track(close);
  return { close };
}
