// The local ingest endpoint: `GET /ingest/sessions/{id}?token=…[&takeover=1]` upgraded to a
// WebSocket. Every /ingest/ upgrade is accepted first and then refused with a close code if it
// must be (see close-codes.ts): a close code is the only answer a browser WebSocket can read, and
// engine.io (Socket.IO) destroys upgrade requests nobody has answered within a second. Upgrades
// elsewhere (Socket.IO at /socket.io/) are left to their own listeners.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { TokenVerifier } from 'livekit-server-sdk';
import { WebSocketServer, type WebSocket } from 'ws';
import type { MediaBackend } from '../backend.ts';
import { CLOSE, IngestRefusal } from './close-codes.ts';
import { verifyPublishToken } from './publish-token.ts';
import type { LocalSession } from './session.ts';

/** What the ingest needs of the backend it feeds. */
export interface IngestTarget {
  apiKey: string;
  apiSecret: string;
  maxMessageBytes: number;
  session(sessionId: string): LocalSession | undefined;
  /** Connections to close when the backend closes. */
  track(close: () => Promise<void>): void;
}

const targets = new WeakMap<MediaBackend, IngestTarget>();

/** Called by the local backend so that `attachIngest` can find its sessions. */
export function registerIngestTarget(backend: MediaBackend, target: IngestTarget) {
  targets.set(backend, target);
}

const PATH = /^\/ingest\/sessions\/([^/]+)\/?$/;

/** Serves the ingest on `server`; a no-op for backends other than the local one. */
export function attachIngest(server: Server, backend: MediaBackend): { close(): Promise<void> } {
  const target = targets.get(backend);
  if (!target) return { close: async () => {} };
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
      admit(ws, url).catch((error: unknown) => {
        const refusal =
          error instanceof IngestRefusal ? error : new IngestRefusal(1011, 'internal error');
        ws.resume();
        ws.close(refusal.code, refusal.reason);
      });
    });
  };
  const admit = async (ws: WebSocket, url: URL) => {
    const match = PATH.exec(url.pathname);
    if (!match?.[1]) throw new IngestRefusal(CLOSE.UNKNOWN_SESSION, 'unknown ingest path');
    const sessionId = decodeURIComponent(match[1]);
    const identity = await verifyPublishToken(verifier, url.searchParams.get('token'), sessionId);
    const session = target.session(sessionId);
    if (!session) throw new IngestRefusal(CLOSE.UNKNOWN_SESSION, 'session is not live');
    if (ws.readyState !== ws.OPEN) return; // left while the token was checked
    session.admit(ws, identity, url.searchParams.get('takeover') === '1');
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
