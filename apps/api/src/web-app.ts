// The built web app (apps/web/dist, WEB_DIST_DIR) served at `/`: its files as they are, and its
// index.html for every other GET of a page path (the app's client routes; the app shows its own
// not-found page). The server's own paths keep their behaviour, an unknown one still answering
// the JSON 404. The API never imports the web app: it reads a folder.
//
// Every page carries the security headers: a Content-Security-Policy that lets the page load
// only this origin's scripts and connect only to this origin (HTTP and WebSocket), media from
// this origin and from blob: (Media Source), and be framed nowhere but on the embed route.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths the server answers itself: never the web app's index.html. */
const SERVER_PREFIXES = [
  '/api',
  '/trpc',
  '/hls',
  '/ingest',
  '/recordings',
  '/socket.io',
  '/metrics',
  '/health',
];
const EMBED_PREFIX = '/embed/';

const underPrefix = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}/`);

/** A client route: not the server's, and not a file name (a missing asset stays a 404). */
export const isPagePath = (path: string) =>
  !SERVER_PREFIXES.some((prefix) => underPrefix(path, prefix)) &&
  !/\.[A-Za-z0-9]+$/.test(path.split('/').pop() ?? '');

/** An origin's address for sockets (ws/wss) and for requests (http/https). */
function bothSchemes(url: string): string[] {
  const { protocol, host } = new URL(url);
  const secure = protocol === 'https:' || protocol === 'wss:';
  return [`${secure ? 'wss' : 'ws'}://${host}`, `${secure ? 'https' : 'http'}://${host}`];
}

/**
 * The policy of a page at `path`; `publicUrl` names the origin its sockets connect to, and
 * `mediaUrl` the media server the studio and stage guests connect to when it is another one
 * (LiveKit).
 */
export function contentSecurityPolicy(
  path: string,
  publicUrl: string,
  mediaUrl: string | null = null,
): string {
  const [wsOrigin] = bothSchemes(publicUrl);
  const media = mediaUrl ? bothSchemes(mediaUrl).filter((o) => o !== wsOrigin) : [];
  const framing = path.startsWith(EMBED_PREFIX) ? '*' : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine writes its theme variables into a <style> element and style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    // hls.js demuxes in a worker it starts from a blob: URL.
    "worker-src 'self' blob:",
    ['connect-src', "'self'", wsOrigin, ...media].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framing}`,
  ].join('; ');
}

/** The headers every page (and file) of the app carries. */
export function securityHeaders(
  path: string,
  publicUrl: string,
  mediaUrl: string | null = null,
): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(path, publicUrl, mediaUrl),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(path.startsWith(EMBED_PREFIX) ? {} : { 'x-frame-options': 'DENY' }),
  };
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/';

export interface WebApp {
  /** Serves the app's files; nothing when the folder has no built app. */
  register(app: FastifyInstance): Promise<void>;
  /** For the not-found handler: index.html for a page path, or null to answer 404. */
  fallback(request: FastifyRequest, reply: FastifyReply): FastifyReply | null;
}

export function webApp(options: {
  dir: string;
  publicUrl: string;
  /** The LiveKit server's URL when that backend runs (pages connect to it too). */
  mediaUrl?: string | null;
}): WebApp {
  const { dir, publicUrl, mediaUrl = null } = options;
  const built = existsSync(join(dir, 'index.html'));
  const assets = join(dir, 'assets');
  const pageHeaders = securityHeaders('/', publicUrl, mediaUrl);
  return {
    async register(app) {
      if (!built) {
        app.log.warn(`no web app at ${dir} (npm run build -w @vidinfra/web builds it)`);
        return;
      }
      await app.register(fastifyStatic, {
        root: dir,
        // One route per file found now: unknown paths fall through to the not-found handler.
        wildcard: false,
        cacheControl: false,
        setHeaders: (reply, file) => {
          // Files at `/`, `/index.html` and `/assets/…` (never the embed route) get the page
          // headers; the fallback has set its route's already.
          if (!reply.hasHeader('content-security-policy')) reply.headers(pageHeaders);
          // Vite names assets by their content: they never change. The page itself may.
          reply.header(
            'cache-control',
            file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    },
    fallback(request, reply) {
      const path = pathOf(request);
      if (!built || !['GET', 'HEAD'].includes(request.method) || !isPagePath(path)) return null;
      return reply
        .headers({ ...securityHeaders(path, publicUrl, mediaUrl), 'cache-control': 'no-cache' })
        .sendFile('index.html');
    },
  };
}
