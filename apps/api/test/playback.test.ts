// The default playback (public or signed with restriction tokens) and the HLS files under
// `/hls/{sessionId}/{file}`: content types, caching, the signed rules (token, session, site,
// expiry), the playlist carrying the token on to its segments, no way out of the folder, and no
// token in the request logs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@vidinfra/services';
import { buildServer } from '../src/server.ts';
// Not exported by the package: its caller is the recordings service in the same package.
import { createRecordingPlayback } from '../../../packages/services/src/sessions/playback.ts';
import { dialect, useTestApp } from './harness.ts';
import {
  createRoom,
  createSession,
  expectError,
  MISSING_ID,
  moveTo,
  type Account,
} from './session-fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-playback-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The services' clock: tests move it forward to expire tokens. */
let clockOffsetMs = 0;
const api = useTestApp({ DATA_DIR: dataDir }, { now: () => new Date(Date.now() + clockOffsetMs) });

const PLAYLIST = [
  '#EXTM3U',
  '#EXT-X-VERSION:7',
  '#EXT-X-TARGETDURATION:1',
  '#EXT-X-MEDIA-SEQUENCE:0',
  '#EXT-X-MAP:URI="init.mp4"',
  '#EXT-X-PROGRAM-DATE-TIME:2025-01-31T18:00:00.000Z',
  '#EXTINF:1.000,',
  'index0.ts',
  '#EXTINF:1.000,',
  'index1.ts',
  '',
].join('\n');
const SEGMENT = Buffer.from([0x47, 0x40, 0x00, 0x10, 0xff, 0x00, 0x47]);
const SITE = 'http://vidinfra.test/sessions/x';

/** The files the media pipeline would have written for the session. */
function writeHls(sessionId: string) {
  const dir = join(dataDir, 'hls', sessionId);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.m3u8'), PLAYLIST);
  writeFileSync(join(dir, 'index0.ts'), SEGMENT);
  writeFileSync(join(dir, 'init.mp4'), SEGMENT);
  writeFileSync(join(dir, 'notes.txt'), 'not media');
}

/** A raw HLS request (the bodies are not JSON envelopes when they succeed). */
async function hls(path: string, headers: Record<string, string> = {}) {
  const response = await api.app.inject({ method: 'GET', url: path, headers });
  return { status: response.statusCode, headers: response.headers, response };
}

const errorCodeOf = (reply: Awaited<ReturnType<typeof hls>>) =>
  (reply.response.json() as { error?: { code: string } }).error?.code;

/** A live session of a room with that visibility, its HLS files on disk. */
async function liveSession(visibility: 'public' | 'private', owner?: Account) {
  const host = owner ?? (await api.account('host'));
  const roomId = await createRoom(api, host, { visibility });
  const sessionId = await createSession(api, host, roomId);
  await moveTo(api, host, sessionId, 'live');
  writeHls(sessionId);
  return { owner: host, sessionId };
}

async function playbackOf(sessionId: string, token: string) {
  const reply = await api.call('GET', `/api/sessions/${sessionId}/playback`, { token });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.data;
}

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));

describe(`default playback (${dialect})`, () => {
  it('is 404 NO_DEFAULT_PLAYBACK before going live, a public live playback after', async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner);
    const sessionId = await createSession(api, owner, roomId);
    const path = `/api/sessions/${sessionId}/playback`;
    expectError(await api.call('GET', path, { token: owner.token }), 404, 'NO_DEFAULT_PLAYBACK');
    await moveTo(api, owner, sessionId, 'live');
    const viewer = await api.account('viewer');
    const playback = await playbackOf(sessionId, viewer.token);
    expect(playback).toMatchObject({
      kind: 'live',
      playback_id: sessionId,
      url: `http://vidinfra.test/hls/${sessionId}/index.m3u8`,
      default_playback: true,
      signed: false,
    });
    expect(playback).not.toHaveProperty('playback_restriction_token');
    expect(playback).not.toHaveProperty('thumbnail_restriction_token');
    expect(playback.expires_at).toBeNull();
  });

  it("signs a private room's playback: expiring tokens naming the session and allowed domains", async () => {
    const { sessionId } = await liveSession('private');
    const viewer = await api.account('viewer');
    const playback = await playbackOf(sessionId, viewer.token);
    expect(playback).toMatchObject({
      kind: 'live',
      signed: true,
      allowed_domains: ['vidinfra.test'],
      token_expires_in: 3600,
    });
    const token = playback.playback_restriction_token as string;
    expect(playback.url).toBe(`http://vidinfra.test/hls/${sessionId}/index.m3u8?token=${token}`);
    const claims = claimsOf(token);
    expect(claims).toMatchObject({
      sub: sessionId,
      pid: playback.id,
      domains: ['vidinfra.test'],
      aud: 'vidinfra-live:playback',
    });
    expect(claims.exp - claims.iat).toBe(3600);
    expect(playback.expires_at).toBe(new Date(claims.exp * 1000).toISOString());
    const thumbnail = claimsOf(playback.thumbnail_restriction_token);
    expect(thumbnail).toMatchObject({ sub: sessionId, aud: 'vidinfra-live:thumbnail' });
  });

  it("gives a recording its own playback, signed by the room's rule, made once", async () => {
    const { owner, sessionId } = await liveSession('private');
    const recording = await api.db.repos.recordings.create({
      sessionId,
      ownerId: owner.id,
      title: 'Rec',
      status: 'ready',
      filePath: '/data/recordings/rec.mp4',
      durationSeconds: 12,
      startedAt: new Date(),
    });
    const first = await api.db.transaction((r) =>
      createRecordingPlayback(r, recording, { id: owner.id }, { makeDefault: true }),
    );
    const again = await api.db.transaction((r) =>
      createRecordingPlayback(r, recording, { id: owner.id }, { makeDefault: true }),
    );
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ kind: 'recording', signed: true, isDefault: true });
    const playback = await playbackOf(sessionId, owner.token);
    expect(playback).toMatchObject({ id: first.id, asset_id: recording.id, signed: true });
    // The file route opens with a file token for this recording, not with the restriction token.
    const url = new URL(playback.url as string);
    expect(url.pathname).toBe(`/api/recordings/${recording.id}/file`);
    expect(claimsOf(url.searchParams.get('token')!)).toMatchObject({
      sub: recording.id,
      aud: 'vidinfra-live:recording-file',
    });
    expect(await api.db.repos.playbacks.listBySession(sessionId)).toHaveLength(2);
  });
});

describe(`the public session read's playback URL (${dialect})`, () => {
  it('carries the HLS URL of a live public session to an anonymous caller, and only then', async () => {
    const owner = await api.account('host');
    const roomId = await createRoom(api, owner, { visibility: 'public' });
    const sessionId = await createSession(api, owner, roomId);
    const read = async (token?: string) =>
      (await api.call('GET', `/api/sessions/${sessionId}`, token ? { token } : {})).body.data;
    expect(await read()).not.toHaveProperty('hls_url');
    await moveTo(api, owner, sessionId, 'live');
    expect((await read()).hls_url).toBe(`http://vidinfra.test/hls/${sessionId}/index.m3u8`);
    await moveTo(api, owner, sessionId, 'ended');
    expect(await read()).not.toHaveProperty('hls_url');
  });

  it("carries the recording's file URL, with its token, once a public session has ended with one", async () => {
    const { owner, sessionId } = await liveSession('public');
    const read = async () => (await api.call('GET', `/api/sessions/${sessionId}`)).body.data;
    await moveTo(api, owner, sessionId, 'ended');
    expect(await read()).not.toHaveProperty('recording_url');

    const recording = await api.db.repos.recordings.create({
      sessionId,
      ownerId: owner.id,
      title: 'Rec',
      status: 'ready',
      filePath: '/data/recordings/rec.mp4',
      durationSeconds: 12,
      startedAt: new Date(),
    });
    await api.db.transaction((r) =>
      createRecordingPlayback(r, recording, { id: owner.id }, { makeDefault: true }),
    );
    const ended = await read();
    expect(ended).not.toHaveProperty('hls_url');
    const url = new URL(ended.recording_url as string);
    expect(url.pathname).toBe(`/api/recordings/${recording.id}/file`);
    expect(claimsOf(url.searchParams.get('token')!)).toMatchObject({
      sub: recording.id,
      aud: 'vidinfra-live:recording-file',
    });
  });

  it('leaves it out of a signed (private room) session: that playback stays for attendees', async () => {
    const { sessionId } = await liveSession('private');
    const viewer = await api.account('viewer');
    const read = await api.call('GET', `/api/sessions/${sessionId}`, { token: viewer.token });
    expect(read.status).toBe(200);
    expect(read.body.data).not.toHaveProperty('hls_url');
  });
});

describe(`HLS files, public playback (${dialect})`, () => {
  it('serves the playlist uncached and segments cached for good, with their content types', async () => {
    const { sessionId } = await liveSession('public');
    const playlist = await hls(`/hls/${sessionId}/index.m3u8`);
    expect(playlist.status).toBe(200);
    expect(playlist.headers['content-type']).toMatch(/^application\/vnd\.apple\.mpegurl/);
    expect(playlist.headers['cache-control']).toBe('no-cache');
    expect(playlist.headers['access-control-allow-origin']).toBe('*');
    expect(playlist.response.body).toBe(PLAYLIST);

    const segment = await hls(`/hls/${sessionId}/index0.ts`);
    expect(segment.status).toBe(200);
    expect(segment.headers['content-type']).toBe('video/mp2t');
    expect(segment.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(segment.headers['access-control-allow-origin']).toBe('*');
    expect(segment.response.rawPayload.equals(SEGMENT)).toBe(true);

    const part = await hls(`/hls/${sessionId}/index0.ts`, { range: 'bytes=1-2' });
    expect(part.status).toBe(206);
    expect(part.response.rawPayload.equals(SEGMENT.subarray(1, 3))).toBe(true);
    const outside = await hls(`/hls/${sessionId}/index0.ts`, { range: 'bytes=100-200' });
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${SEGMENT.length}`);
    expect(errorCodeOf(outside)).toBe('RANGE_NOT_SATISFIABLE');

    const init = await hls(`/hls/${sessionId}/init.mp4`);
    expect(init.status).toBe(200);
    expect(init.headers['content-type']).toBe('video/mp4');
  });

  it('answers a failed If-Match with 412 in the envelope, a matching one with the segment', async () => {
    const { sessionId } = await liveSession('public');
    const failed = await hls(`/hls/${sessionId}/index0.ts`, { 'if-match': '"nope"' });
    expect(failed.status).toBe(412);
    expect(errorCodeOf(failed)).toBe('PRECONDITION_FAILED');
    const { etag } = (await hls(`/hls/${sessionId}/index0.ts`)).headers;
    const matched = await hls(`/hls/${sessionId}/index0.ts`, { 'if-match': String(etag) });
    expect(matched.status).toBe(200);
    expect(matched.response.rawPayload.equals(SEGMENT)).toBe(true);
  });

  it('answers 404 in the envelope for a missing segment, session, or playback', async () => {
    const { owner, sessionId } = await liveSession('public');
    const missing = await hls(`/hls/${sessionId}/index9.ts`);
    expect(missing.status).toBe(404);
    expect(errorCodeOf(missing)).toBe('NOT_FOUND');
    const noSession = await hls(`/hls/${MISSING_ID}/index.m3u8`);
    expect(noSession.status).toBe(404);
    expect(errorCodeOf(noSession)).toBe('NOT_FOUND');
    const notLive = await createSession(api, owner, await createRoom(api, owner));
    writeHls(notLive);
    const noPlayback = await hls(`/hls/${notLive}/index.m3u8`);
    expect(noPlayback.status).toBe(404);
    expect(errorCodeOf(noPlayback)).toBe('NOT_FOUND');
  });

  it('serves nothing but the playlist and segments of that folder', async () => {
    const { sessionId } = await liveSession('public');
    writeFileSync(join(dataDir, 'hls', 'outside.ts'), 'outside');
    const attempts = [
      `/hls/${sessionId}/notes.txt`,
      `/hls/${sessionId}/..%2Foutside.ts`,
      `/hls/${sessionId}/%2e%2e%2foutside.ts`,
      `/hls/${sessionId}/..%5Coutside.ts`,
      `/hls/${sessionId}/.hidden.ts`,
      `/hls/${sessionId}/index0.ts%00.m3u8`,
      `/hls/${sessionId}/sub/index0.ts`,
      `/hls/..%2Fhls/outside.ts`,
      `/hls/${sessionId}%2F..%2F/outside.ts`,
      `/hls/not-a-session/index.m3u8`,
    ];
    for (const path of attempts) {
      const reply = await hls(path);
      expect(reply.status, path).toBe(404);
      expect(errorCodeOf(reply), path).toBe('NOT_FOUND');
      expect(reply.response.body, path).not.toContain('outside');
    }
  });
});

describe(`HLS files, signed playback (${dialect})`, () => {
  async function signedLive() {
    const live = await liveSession('private');
    const viewer = await api.account('viewer');
    const playback = await playbackOf(live.sessionId, viewer.token);
    return { ...live, token: playback.playback_restriction_token as string, playback };
  }

  it('serves the playlist with the token on each URI it names, to an allowed site', async () => {
    const { sessionId, token } = await signedLive();
    const reply = await hls(`/hls/${sessionId}/index.m3u8?token=${token}`, { referer: SITE });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/vnd\.apple\.mpegurl/);
    expect(reply.headers['cache-control']).toBe('private, no-cache');
    const lines = reply.response.body.split('\n');
    expect(lines).toContain(`index0.ts?token=${token}`);
    expect(lines).toContain(`index1.ts?token=${token}`);
    expect(lines).toContain(`#EXT-X-MAP:URI="init.mp4?token=${token}"`);
    expect(lines).toContain('#EXT-X-PROGRAM-DATE-TIME:2025-01-31T18:00:00.000Z');
    expect(lines.filter((line) => line && !line.startsWith('#'))).toHaveLength(2);

    // The URIs the player follows work as they are.
    const segment = await hls(`/hls/${sessionId}/index0.ts?token=${token}`, { referer: SITE });
    expect(segment.status).toBe(200);
    expect(segment.headers['content-type']).toBe('video/mp2t');
    expect(segment.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });

  it('lets a player on another origin of an allowed host read it (CORS)', async () => {
    const { sessionId, token } = await signedLive();
    const origin = 'http://vidinfra.test:8080';
    const reply = await hls(`/hls/${sessionId}/index0.ts?token=${token}`, { origin });
    expect(reply.status).toBe(200);
    expect(reply.headers['access-control-allow-origin']).toBe(origin);
    expect(reply.headers.vary).toBe('Origin');
  });

  it('refuses the playlist and segments without a token, or with a token not for them', async () => {
    const { sessionId, token, playback } = await signedLive();
    const other = await signedLive();
    const refused: [string, string][] = [
      [`/hls/${sessionId}/index.m3u8`, 'FORBIDDEN'],
      [`/hls/${sessionId}/index0.ts`, 'FORBIDDEN'],
      [`/hls/${sessionId}/index0.ts?token=`, 'FORBIDDEN'],
      [`/hls/${sessionId}/index0.ts?token=not-a-jwt`, 'FORBIDDEN'],
      [`/hls/${sessionId}/index.m3u8?token=${other.token}`, 'FORBIDDEN'],
      [`/hls/${sessionId}/index.m3u8?token=${playback.thumbnail_restriction_token}`, 'FORBIDDEN'],
    ];
    for (const [path, code] of refused) {
      const reply = await hls(path, { referer: SITE });
      expect(reply.status, path).toBe(403);
      expect(errorCodeOf(reply), path).toBe(code);
    }
    // The same token still opens its own session.
    expect(
      (await hls(`/hls/${sessionId}/index0.ts?token=${token}`, { referer: SITE })).status,
    ).toBe(200);
  });

  it('refuses other sites, and requests that name no site', async () => {
    const { sessionId, token } = await signedLive();
    const path = `/hls/${sessionId}/index.m3u8?token=${token}`;
    const refusedHeaders: Record<string, string>[] = [
      { referer: 'https://evil.example/watch' },
      { referer: 'http://vidinfra.test.evil.example/' },
      { origin: 'https://evil.example', referer: SITE },
      { referer: 'not a url' },
      {},
    ];
    for (const headers of refusedHeaders) {
      const reply = await hls(path, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(errorCodeOf(reply)).toBe('FORBIDDEN');
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('refuses an expired token with PLAYBACK_TOKEN_EXPIRED', async () => {
    const { sessionId, token } = await signedLive();
    clockOffsetMs = 3601 * 1000;
    try {
      const reply = await hls(`/hls/${sessionId}/index0.ts?token=${token}`, { referer: SITE });
      expect(reply.status).toBe(403);
      expect(errorCodeOf(reply)).toBe('PLAYBACK_TOKEN_EXPIRED');
    } finally {
      clockOffsetMs = 0;
    }
  });
});

describe(`live posters (${dialect})`, () => {
  /** A JPEG as the media backend writes it: one frame made by ffmpeg, in the session's folder. */
  function writePoster(sessionId: string): Buffer {
    const file = join(dataDir, 'hls', sessionId, 'poster.jpg');
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180', '-frames:v', '1'],
      file,
    ]);
    return readFileSync(file);
  }
  const sessionRead = async (sessionId: string, token?: string) =>
    (await api.call('GET', `/api/sessions/${sessionId}`, { token })).body.data;

  it('names the poster on the session read once there is one, and serves it like the playlist', async () => {
    const { owner, sessionId } = await liveSession('public');
    expect((await sessionRead(sessionId)).poster_url).toBeNull();
    expect((await hls(`/hls/${sessionId}/poster.jpg`)).status).toBe(404);

    const jpeg = writePoster(sessionId);
    const read = await sessionRead(sessionId);
    expect(read.poster_url).toBe(`http://vidinfra.test/hls/${sessionId}/poster.jpg`);
    const poster = await hls(new URL(read.poster_url).pathname);
    expect(poster.status).toBe(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');
    expect(poster.headers['cache-control']).toBe('public, no-cache');
    expect(poster.response.rawPayload.equals(jpeg)).toBe(true);

    expect(
      (await api.call('POST', `/api/sessions/${sessionId}/end`, { token: owner.token })).status,
    ).toBe(200);
    expect((await sessionRead(sessionId)).poster_url).toBeNull();
  });

  it('names the poster in session lists too, for live sessions with one only', async () => {
    const { owner, sessionId } = await liveSession('public');
    const roomId = (await sessionRead(sessionId)).room_id as string;
    const scheduledId = await createSession(api, owner, roomId);
    const listed = async (path: string) => {
      const reply = await api.call('GET', path, { token: owner.token });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      const items = reply.body.data.items as { id: string; poster_url?: string | null }[];
      return (id: string) => items.find((item) => item.id === id);
    };
    const roomList = `/api/rooms/${roomId}/sessions`;
    expect((await listed('/api/sessions/live?limit=100'))(sessionId)?.poster_url).toBeNull();

    writePoster(sessionId);
    const poster = `http://vidinfra.test/hls/${sessionId}/poster.jpg`;
    expect((await listed('/api/sessions/live?limit=100'))(sessionId)?.poster_url).toBe(poster);
    const inRoom = await listed(roomList);
    expect(inRoom(sessionId)?.poster_url).toBe(poster);
    expect(inRoom(scheduledId)?.poster_url ?? null).toBeNull();

    await api.call('POST', `/api/sessions/${sessionId}/end`, { token: owner.token });
    expect((await listed(roomList))(sessionId)?.poster_url ?? null).toBeNull();
  });

  it("takes a signed playback's thumbnail token, from an allowed site", async () => {
    const { sessionId } = await liveSession('private');
    const viewer = await api.account('viewer');
    const playback = await playbackOf(sessionId, viewer.token);
    const jpeg = writePoster(sessionId);
    // Not named on the read (a page would request it without the token and fail): attendees
    // build it from the playback's thumbnail token.
    expect((await sessionRead(sessionId, viewer.token)).poster_url).toBeNull();
    const path = `/hls/${sessionId}/poster.jpg`;
    const poster = await hls(`${path}?token=${playback.thumbnail_restriction_token}`, {
      referer: SITE,
    });
    expect(poster.status).toBe(200);
    expect(poster.headers['cache-control']).toBe('private, no-cache');
    expect(poster.response.rawPayload.equals(jpeg)).toBe(true);
    for (const [url, headers] of [
      [path, { referer: SITE }],
      [`${path}?token=${playback.playback_restriction_token}`, { referer: SITE }],
      [
        `${path}?token=${playback.thumbnail_restriction_token}`,
        { referer: 'https://evil.example/' },
      ],
    ] as const) {
      const refused = await hls(url, headers);
      expect(refused.status, url).toBe(403);
      expect(errorCodeOf(refused)).toBe('FORBIDDEN');
    }
  });
});

describe(`request logs (${dialect})`, () => {
  it('never contain a token or code from the query string', async () => {
    const { sessionId } = await liveSession('private');
    const viewer = await api.account('viewer');
    const { playback_restriction_token: token } = await playbackOf(sessionId, viewer.token);
    const lines: string[] = [];
    const config = loadConfig({
      JWT_SECRET: 'test-secret-test-secret-test-secret!',
      PUBLIC_URL: 'http://vidinfra.test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    const logged = await buildServer(
      { ...api.runtime, config },
      {
        logStream: { write: (line) => void lines.push(line) },
      },
    );
    try {
      const served = await logged.inject({
        url: `/hls/${sessionId}/index.m3u8?token=${token}`,
        headers: { referer: SITE },
      });
      expect(served.statusCode).toBe(200);
      const refused = await logged.inject({
        url: `/hls/${sessionId}/index0.ts?a=1&token=${token}`,
      });
      expect(refused.statusCode).toBe(403);
      await logged.inject({ url: '/sessions/x/live?code=one-time-code' });
      // tRPC queries carry their input, a recording token here, in the query string.
      const input = encodeURIComponent(
        JSON.stringify({ id: MISSING_ID, token: 'trpc-file-token' }),
      );
      const trpc = await logged.inject({ url: `/trpc/recordings.file?input=${input}` });
      expect(trpc.statusCode).not.toBe(200);
      await logged.inject({ url: `/trpc/recordings.file,health.get?batch=1&input=${input}` });
    } finally {
      await logged.close();
    }
    const urls = lines.map((line) => JSON.parse(line).req?.url).filter(Boolean);
    expect(urls).toEqual([
      `/hls/${sessionId}/index.m3u8?token=[REDACTED]`,
      `/hls/${sessionId}/index0.ts?a=1&token=[REDACTED]`,
      '/sessions/x/live?code=[REDACTED]',
      '/trpc/recordings.file?input=[REDACTED]',
      '/trpc/recordings.file,health.get?batch=1&input=[REDACTED]',
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain('one-time-code');
    expect(all).not.toContain('trpc-file-token');
  });
});
