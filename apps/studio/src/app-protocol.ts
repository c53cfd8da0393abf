// The renderer is served from the app bundle on app://studio (a privileged standard scheme, never
// file://), every response with a strict Content-Security-Policy whose connect-src names only the
// server the host chose. A path that tries to leave the bundle's folder is refused.
import { extname, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { STUDIO_APP_SCHEME } from '@vidinfra/domain';
import { isAppUrl } from './app-origin.ts';

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: STUDIO_APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/**
 * The policy for every studio response; `server` is the chosen server's origin (or none yet),
 * `media` the other origins its pages may connect to (its LiveKit server; media-origins.ts).
 */
export function contentSecurityPolicy(server: string | null, media: string[] = []): string {
  const connect = ["'self'"];
  if (server) {
    const url = new URL(server);
    connect.push(
      url.origin,
      `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`,
      ...media,
    );
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Mantine (the studio's UI kit, as in apps/web) writes its theme into a <style> element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a request names inside `rootDir`, or null when the path is not a plain relative path
 * inside it (`..` segments, encoded slashes or backslashes, NUL bytes). A path without an
 * extension is a route of the single-page renderer: index.html.
 */
export function resolveBundlePath(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded) || /%2f|%5c/i.test(pathname)) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relative = segments.length && extname(decoded) ? segments.join('/') : 'index.html';
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

export interface AppFileHandlerOptions {
  /** The renderer's folder in the app bundle. */
  rootDir: string;
  readFile(path: string): Promise<Uint8Array>;
  /** The server the host chose, read on each response (a switch reloads the window). */
  server(): string | null;
  /** The other origins that server's pages may connect to (its LiveKit server). */
  mediaOrigins?(): string[];
}

/** The handler for protocol.handle('app', …). */
export function createAppFileHandler(options: AppFileHandlerOptions) {
  return async (request: Request): Promise<Response> => {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(
        options.server(),
        options.mediaOrigins?.() ?? [],
      ),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    const text = (status: number, body: string) =>
      new Response(body, { status, headers: { ...headers, 'Content-Type': 'text/plain' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Not allowed');
    if (!isAppUrl(request.url)) return text(404, 'Not found');
    const file = resolveBundlePath(options.rootDir, new URL(request.url).pathname);
    if (!file) return text(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await options.readFile(file);
    } catch {
      return text(404, 'Not found');
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: { ...headers, 'Content-Type': type },
    });
  };
}
