// Recording posters: a ready recording's JPEG frame (written by the media backend beside the
// file) is named by its `poster_url` and, once its session has ended with it as the public
// default playback, by the session read's and lists' `poster_url`. The poster route takes the
// poster token (not the file's, not an access token); deleting the recording deletes the poster.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Not exported by the package: the recordings service signs these URLs itself.
import { recordingFileTokens } from '../../../packages/services/src/recordings/file-token.ts';
import { dialect, useTestApp } from './harness.ts';
import { controlledMedia, makeMp4, recordingIn } from './recording-fixtures.ts';
import { createRoom, createSession, MISSING_ID, moveTo, type Account } from './session-fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-posters-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const control = controlledMedia(dataDir);
afterAll(() => control.media.close());
const api = useTestApp({ DATA_DIR: dataDir }, { media: control.media });

const recordings = join(dataDir, 'recordings');
let mp4: Buffer;
let jpeg: Buffer;

beforeAll(() => {
  mp4 = readFileSync(makeMp4(join(dataDir, 'fixtures'), 'talk.mp4').path);
  const path = join(dataDir, 'fixtures', 'poster.jpg');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180', '-frames:v', '1', path],
  ]);
  jpeg = readFileSync(path);
});

/**
 * An ended session of a fresh host's room whose recording became ready, with a poster (as the
 * local backend reports it) unless `withPoster` is false; the recording is then its default.
 */
async function endedWithRecording(visibility: 'public' | 'private', withPoster = true) {
  const owner = await api.account('host');
  const roomId = await createRoom(api, owner, { visibility });
  const sessionId = await createSession(api, owner, roomId);
  await moveTo(api, owner, sessionId, 'live');
  const recording = await recordingIn(api, sessionId, owner.id, 'processing');
  mkdirSync(recordings, { recursive: true });
  const filePath = join(recordings, `${recording.id}.mp4`);
  const posterPath = join(recordings, `${recording.id}.poster.jpg`);
  writeFileSync(filePath, mp4);
  if (withPoster) writeFileSync(posterPath, jpeg);
  await api.services.recordings.applyMediaEvent({
    type: 'recording.ready',
    recordingId: recording.id,
    filePath,
    sizeBytes: mp4.length,
    durationSeconds: 2,
    ...(withPoster && { posterPath }),
  });
  await moveTo(api, owner, sessionId, 'ended');
  return { owner, roomId, sessionId, recordingId: recording.id, posterPath };
}

/** The session read over REST and tRPC (which must agree), as `account` or anonymous. */
async function sessionRead(sessionId: string, account?: Account) {
  const headers: Record<string, string> = account
    ? { authorization: `Bearer ${account.token}` }
    : {};
  const input = encodeURIComponent(JSON.stringify({ id: sessionId }));
  const [rest, trpc] = await Promise.all([
    api.call('GET', `/api/sessions/${sessionId}`, account ? { token: account.token } : {}),
    api.app.inject({ url: `/trpc/sessions.get?input=${input}`, headers }),
  ]);
  expect(rest.status, JSON.stringify(rest.body)).toBe(200);
  const overTrpc = trpc.json().result.data;
  expect(posterPathOf(overTrpc.poster_url)).toBe(posterPathOf(rest.body.data.poster_url));
  return rest.body.data as { poster_url: string | null; recording_url?: string };
}

/** The recording's answer over REST and tRPC (owner or admin). */
async function recordingRead(recordingId: string, account: Account) {
  const input = encodeURIComponent(JSON.stringify({ id: recordingId }));
  const [rest, trpc] = await Promise.all([
    api.call('GET', `/api/recordings/${recordingId}`, { token: account.token }),
    api.app.inject({
      url: `/trpc/recordings.get?input=${input}`,
      headers: { authorization: `Bearer ${account.token}` },
    }),
  ]);
  expect(rest.status, JSON.stringify(rest.body)).toBe(200);
  expect(posterPathOf(trpc.json().result.data.poster_url)).toBe(
    posterPathOf(rest.body.data.poster_url),
  );
  return rest.body.data as { poster_url: string | null };
}

/** A poster URL's path (tokens differ between two reads: each is signed anew). */
const posterPathOf = (url: string | null | undefined) => (url ? new URL(url).pathname : null);

/** GET of a poster: status, headers, bytes and the envelope when it is JSON. */
async function fetchPoster(pathAndQuery: string) {
  const response = await api.app.inject({ method: 'GET', url: pathAndQuery });
  const isJson = String(response.headers['content-type']).startsWith('application/json');
  return {
    status: response.statusCode,
    headers: response.headers,
    bytes: response.rawPayload,
    body: isJson ? response.json() : null,
  };
}

const local = (url: string) => {
  const parsed = new URL(url);
  expect(parsed.origin).toBe('http://vidinfra.test');
  return parsed.pathname + parsed.search;
};

describe(`recording posters: the session read and lists (${dialect})`, () => {
  it("an ended public session shows its recording's poster, which serves the JPEG", async () => {
    const { owner, roomId, sessionId, recordingId } = await endedWithRecording('public');
    const read = await sessionRead(sessionId);
    expect(read.poster_url).toMatch(
      new RegExp(
        `^http://vidinfra\\.test/api/recordings/${recordingId}/poster\\.jpg\\?token=[\\w-]+\\.[\\w-]+\\.[\\w-]+$`,
      ),
    );
    expect(read.recording_url).toBeDefined();
    const poster = await fetchPoster(local(read.poster_url!));
    expect(poster.status).toBe(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');
    expect(poster.headers['content-disposition']).toMatch(/^inline; filename="Recorded talk\.jpg"/);
    expect(poster.bytes.equals(jpeg)).toBe(true);

    // Its recording names it too, for the owner.
    expect(posterPathOf((await recordingRead(recordingId, owner)).poster_url)).toBe(
      `/api/recordings/${recordingId}/poster.jpg`,
    );
    // And the room's list of sessions.
    const list = await api.call('GET', `/api/rooms/${roomId}/sessions`, { token: owner.token });
    const item = (list.body.data.items as { id: string; poster_url: string | null }[]).find(
      (s) => s.id === sessionId,
    );
    expect(posterPathOf(item?.poster_url)).toBe(`/api/recordings/${recordingId}/poster.jpg`);

    // Over tRPC the route describes the poster.
    const token = new URL(read.poster_url!).searchParams.get('token');
    const input = encodeURIComponent(JSON.stringify({ id: recordingId, token }));
    const described = await api.app.inject({ url: `/trpc/recordings.poster?input=${input}` });
    expect(described.json().result.data).toEqual({
      filename: 'Recorded talk.jpg',
      content_type: 'image/jpeg',
      size_bytes: jpeg.length,
    });
  });

  it('is null when the recording has no poster, and for a private room (its playback is signed)', async () => {
    const bare = await endedWithRecording('public', false);
    const read = await sessionRead(bare.sessionId);
    expect(read.recording_url).toBeDefined();
    expect(read.poster_url).toBeNull();
    expect((await recordingRead(bare.recordingId, bare.owner)).poster_url).toBeNull();

    const closed = await endedWithRecording('private');
    const viewer = await api.account('viewer');
    expect((await sessionRead(closed.sessionId, viewer)).poster_url).toBeNull();
    // The owner still gets it on the recording.
    const own = await recordingRead(closed.recordingId, closed.owner);
    const poster = await fetchPoster(local(own.poster_url!));
    expect([poster.status, poster.headers['content-type']]).toEqual([200, 'image/jpeg']);
  });
});

describe(`recording posters: the route's rules (${dialect})`, () => {
  it('refuses a missing, forged, foreign or other kind of token, in the envelope', async () => {
    const first = await endedWithRecording('private');
    const second = await endedWithRecording('private');
    const posterUrl = (await recordingRead(first.recordingId, first.owner)).poster_url!;
    const token = new URL(posterUrl).searchParams.get('token')!;
    const poster = (id: string, query: string) =>
      fetchPoster(`/api/recordings/${id}/poster.jpg${query}`);
    const refusal = async (reply: Promise<Awaited<ReturnType<typeof poster>>>) => {
      const { status, body } = await reply;
      expect(body?.success).toBe(false);
      return [status, body?.error.code];
    };

    expect(await refusal(poster(first.recordingId, ''))).toEqual([400, 'VALIDATION_ERROR']);
    expect(await refusal(poster(second.recordingId, `?token=${token}`))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    expect(await refusal(poster(first.recordingId, `?token=${token.slice(0, -4)}AAAA`))).toEqual([
      401,
      'UNAUTHORIZED',
    ]);
    expect(await refusal(poster(first.recordingId, `?token=${first.owner.token}`))).toEqual([
      401,
      'UNAUTHORIZED',
    ]);
    // The file's download token opens the file only.
    const download = await api.call('GET', `/api/recordings/${first.recordingId}/download_url`, {
      token: first.owner.token,
    });
    const fileToken = new URL(download.body.data.url).searchParams.get('token');
    expect(await refusal(poster(first.recordingId, `?token=${fileToken}`))).toEqual([
      401,
      'UNAUTHORIZED',
    ]);
    // And a poster token opens no file.
    const file = await fetchPoster(`/api/recordings/${first.recordingId}/file?token=${token}`);
    expect([file.status, file.body?.error.code]).toEqual([401, 'UNAUTHORIZED']);
    expect((await poster(first.recordingId, `?token=${token}`)).status).toBe(200);
  });

  it('answers 404 for an unknown recording, one without a poster, and once it is deleted (the poster goes too)', async () => {
    // Poster URLs signed as the service signs them, for recordings that have no poster.
    const tokens = recordingFileTokens(api.runtime.config);
    const unknown = await fetchPoster(local(await tokens.posterUrl(MISSING_ID, new Date())));
    expect([unknown.status, unknown.body?.error.code]).toEqual([404, 'NOT_FOUND']);
    const bare = await endedWithRecording('public', false);
    const none = await fetchPoster(local(await tokens.posterUrl(bare.recordingId, new Date())));
    expect([none.status, none.body?.error.code]).toEqual([404, 'NOT_FOUND']);

    const { owner, recordingId, posterPath, sessionId } = await endedWithRecording('public');
    const url = (await recordingRead(recordingId, owner)).poster_url!;
    expect(existsSync(posterPath)).toBe(true);
    const deleted = await api.call('DELETE', `/api/recordings/${recordingId}`, {
      token: owner.token,
    });
    expect(deleted.status).toBe(200);
    expect(existsSync(posterPath)).toBe(false);
    const gone = await fetchPoster(local(url));
    expect([gone.status, gone.body?.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await sessionRead(sessionId)).poster_url).toBeNull();
  });

  it("storage cleanup frees a poster whose recording is gone, and keeps a live recording's", async () => {
    const kept = await endedWithRecording('public');
    const orphan = join(recordings, '0190d4a8-7c1e-7000-8000-0000000000aa.poster.jpg');
    writeFileSync(orphan, jpeg);
    const admin = await api.account('admin');
    const cleanup = await api.call('POST', '/api/admin/storage/cleanup', { token: admin.token });
    expect(cleanup.status, JSON.stringify(cleanup.body)).toBe(200);
    expect(cleanup.body.data.deleted_files).toBeGreaterThanOrEqual(1);
    expect(cleanup.body.data.freed_bytes).toBeGreaterThanOrEqual(jpeg.length);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(kept.posterPath)).toBe(true);
  });
});
