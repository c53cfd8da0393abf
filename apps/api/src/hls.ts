// The live HLS output on disk, `{dataDir}/hls/{sessionId}/`, served at `/hls/{sessionId}/{file}`:
// only the playlist, segment and poster names the media pipeline writes (nothing else in that
// folder, no path can leave it), under the session's playback rule (public, or signed: a token
// and an allowed site on every request; the poster takes the thumbnail token). The playlist changes every segment and is never cached; a
// segment name is never reused, so a segment is cached for good.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError, Id } from '@vidinfra/domain';
import { hlsDir, POSTER_NAME } from '@vidinfra/media';
import type { Services } from '@vidinfra/services';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendFromDisk } from './disk-file.ts';
import { sendError } from './rest.ts';

const PLAYLIST = 'index.m3u8';
/** A frame of the newest segment, renewed every 10 s while live (the local media backend's). */
const POSTER = POSTER_NAME;
/** Segment names the media pipeline writes (`r1_00012.ts`; fMP4 `.m4s` and its `init.mp4`). */
const SEGMENT = /^[A-Za-z0-9_-]{1,64}\.(ts|m4s|mp4)$/;

const CONTENT_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  jpg: 'image/jpeg',
};
const YEAR_SECONDS = 365 * 24 * 3600;

type Params = { sessionId: string; file: string };
type Query = { token?: unknown };

const NOT_FOUND_MESSAGE = 'no such HLS file';
const notFound = () => new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);

/** A URI of the playlist's own (relative), which gets the token; others are left alone. */
const isRelative = (uri: string) => !/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.startsWith('//');

const signUri = (uri: string, token: string) =>
  isRelative(uri)
    ? `${uri}${uri.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`
    : uri;

/**
 * The playlist with the token on every URI it names, so the player's next requests (resolved
 * relative to the playlist) pass the same check: the segment lines and tags' `URI="…"` (the
 * fMP4 init segment's `EXT-X-MAP`, keys).
 */
export function signPlaylist(text: string, token: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const trimmed = line.trim();
      if (!trimmed) return line;
      if (trimmed.startsWith('#')) {
        return line.replace(/URI="([^"]*)"/g, (_, uri: string) => `URI="${signUri(uri, token)}"`);
      }
      return signUri(trimmed, token);
    })
    .join('\n');
}

const isMissing = (error: unknown) =>
  ['ENOENT', 'ENOTDIR', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

async function sendPlaylist(reply: FastifyReply, path: string, token: string | null) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) throw notFound();
    throw error;
  }
  return reply
    .type(CONTENT_TYPES.m3u8!)
    .header('cache-control', token ? 'private, no-cache' : 'no-cache')
    .send(token ? signPlaylist(text, token) : text);
}

export function registerHls(app: FastifyInstance, services: Services, dataDir: string) {
  app.get<{ Params: Params; Querystring: Query }>(
    '/hls/:sessionId/:file',
    async (request, reply) => {
      const { sessionId, file } = request.params;
      try {
        const known = file === PLAYLIST || file === POSTER || SEGMENT.test(file);
        if (!Id.safeParse(sessionId).success || !known) throw notFound();
        const { token } = request.query;
        const access = await services.sessions.authorizeHls(
          sessionId,
          {
            token: typeof token === 'string' && token ? token : null,
            origin: request.headers.origin,
            referer: request.headers.referer,
          },
          file === POSTER ? 'thumbnail' : 'playback',
        );
        if (!access.signed) reply.header('access-control-allow-origin', '*');
        else {
          reply.header('vary', 'Origin');
          if (access.origin) reply.header('access-control-allow-origin', access.origin);
        }
        const dir = hlsDir(dataDir, sessionId);
        if (file === PLAYLIST) {
          return await sendPlaylist(
            reply,
            join(dir, PLAYLIST),
            access.signed ? access.token : null,
          );
        }
        const extension = file.slice(file.lastIndexOf('.') + 1);
        const scope = access.signed ? 'private' : 'public';
        return await sendFromDisk(request, reply, dir, file, {
          contentType: CONTENT_TYPES[extension]!,
          // The poster is replaced in place; a segment name is never reused.
          cacheControl:
            file === POSTER ? `${scope}, no-cache` : `${scope}, max-age=${YEAR_SECONDS}, immutable`,
          missing: NOT_FOUND_MESSAGE,
        });
      } catch (error) {
        return sendError(reply, error, app.log);
      }
    },
  );
}
