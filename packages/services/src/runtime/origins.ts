// Which browser origins may call this server: one rule for REST and tRPC (CORS), the Socket.IO
// gateway and the local media ingest (their WebSocket Origin checks; CORS does not cover
// WebSockets). Allowed: the PUBLIC_URL's origin (the web app), the desktop studio's `app://studio`
// and the origins in ALLOWED_ORIGINS. A request without an Origin header is not a browser page's
// (the Node clients, ffmpeg, curl): it passes, and its token still decides what it may do.
import { STUDIO_APP_ORIGIN } from '@vidinfra/domain';

/** True when a request with this Origin header (or none) may be served. */
export type OriginCheck = (origin: string | undefined) => boolean;

/** An `http(s)://host[:port]` origin exactly (no path, no trailing slash), or the reason it is not. */
export function originProblem(value: string): string | null {
  const problem = `"${value}" is not an origin (http(s)://host[:port], nothing after it)`;
  try {
    const url = new URL(value);
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== value) return problem;
    return null;
  } catch {
    return problem;
  }
}

/** The comma-separated origins of ALLOWED_ORIGINS (blanks around commas ignored). */
export const splitOrigins = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Every allowed origin: the public URL's, the desktop studio's and the extra ones. */
export function allowedOrigins(publicUrl: string, extra: readonly string[]): string[] {
  return [...new Set([new URL(publicUrl).origin, STUDIO_APP_ORIGIN, ...extra])];
}

export function originCheck(origins: readonly string[]): OriginCheck {
  const allowed = new Set(origins);
  return (origin) => origin === undefined || allowed.has(origin);
}
