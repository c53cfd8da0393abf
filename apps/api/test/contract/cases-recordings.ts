// Cases of the Recordings section and the two recording rows of Admin (cleanup, retry). Files
// are written under the app's DATA_DIR, where the product keeps them.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ActiveRecordingResponse,
  RecordingDownloadResponse,
  RecordingListResponse,
  RecordingResponse,
  StorageCleanupResponse,
} from '@vidinfra/domain';
import type { Recording } from '@vidinfra/db';
import { expect } from 'vitest';
import { recordedEvents, sessionChannelSize } from './events.ts';
import type { Case, Ctx, DocumentedError } from './model.ts';

/** What a recording's file holds in this suite (text, so the file answer compares as text). */
const FILE_CONTENT = 'contract recording bytes '.repeat(40);

const recordingsDirOf = (ctx: Ctx) => {
  const dataDir = ctx.api.runtime.config.dataDir;
  const dir = join(dataDir, 'recordings');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** A recording of the world's session (owned by the world's owner), in `status`. */
async function recordingOf(ctx: Ctx, status: Recording['status']): Promise<Recording> {
  const { repos } = ctx.api.db;
  const created = await repos.recordings.create({
    sessionId: ctx.world.session.id,
    ownerId: ctx.world.owner.id,
    title: 'Contract recording',
    startedAt: new Date(),
  });
  if (status === 'recording') return created;
  const filePath = join(recordingsDirOf(ctx), `${created.id}.mp4`);
  if (status === 'ready') writeFileSync(filePath, FILE_CONTENT);
  const updated = await repos.recordings.update(created.id, {
    status,
    stoppedAt: new Date(),
    ...(status === 'ready' && {
      filePath,
      sizeBytes: FILE_CONTENT.length,
      durationSeconds: 2,
      readyAt: new Date(),
    }),
    ...(status === 'failed' && { error: 'contract failure' }),
  });
  return updated!;
}

/** The path's `{id}`: a recording in `status`, remembered as `scratch.recording`. */
const onRecording = (status: Recording['status']) => async (ctx: Ctx) => {
  const recording = await recordingOf(ctx, status);
  ctx.scratch.recording = recording.id;
  return { params: { id: recording.id } };
};

/** The session's active recording, made when there is none (refusals share one world). */
async function activeRecording(ctx: Ctx): Promise<string> {
  const active = await ctx.api.db.repos.recordings.active(ctx.world.session.id);
  const id = active?.id ?? (await recordingOf(ctx, 'recording')).id;
  ctx.scratch.recording = id;
  return id;
}

const recordingRow = (ctx: Ctx) => ctx.api.db.repos.recordings.findById(ctx.scratch.recording!);

/** The file a download token opens, signed the way the download URL signs it. */
async function fileToken(ctx: Ctx, recordingId: string): Promise<string> {
  const { url } = await ctx.api.services.recordings.downloadUrl(recordingId);
  return new URL(url).searchParams.get('token')!;
}

/** A JPEG as the media backend leaves one beside the file (its magic, then anything). */
const POSTER_CONTENT = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);

/** A ready recording with a poster beside its file, remembered as `scratch.recording`. */
async function onRecordingWithPoster(ctx: Ctx) {
  const { params } = await onRecording('ready')(ctx);
  const posterPath = join(recordingsDirOf(ctx), `${params.id}.poster.jpg`);
  writeFileSync(posterPath, POSTER_CONTENT);
  await ctx.api.db.repos.recordings.update(params.id, { posterPath });
  return { params };
}

/** The token of the recording's poster URL, as its answer carries it. */
async function posterToken(ctx: Ctx, recordingId: string): Promise<string> {
  const { poster_url } = await ctx.api.services.recordings.get(recordingId);
  return new URL(poster_url!).searchParams.get('token')!;
}

/** The recordings of the world's session and its channel's size: a refused call changes neither. */
const sessionRecordings = async (ctx: Ctx) => ({
  recordings: (await ctx.api.db.repos.recordings.listBySession(ctx.world.session.id)).map(
    (r) => `${r.id}:${r.status}`,
  ),
  events: await sessionChannelSize(ctx.api, ctx.world.session.id),
});

const notReady = (name: string, body?: unknown): DocumentedError => ({
  name: `a recording that is not ready is 409 RECORDING_NOT_READY (${name})`,
  as: 'owner',
  prepare: async (ctx) => ({ ...(await onRecording('processing')(ctx)), body }),
  expect: { status: 409, code: 'RECORDING_NOT_READY' },
});

export const recordingCases: Record<string, Case> = {
  'Get my recordings': {
    prepare: async (ctx) => {
      await recordingOf(ctx, 'ready');
      return {};
    },
    output: RecordingListResponse,
    verify: (data, ctx) => {
      for (const recording of data.items) expect(recording.owner_id).toBe(ctx.person?.id);
      if (ctx.person?.id === ctx.world.owner.id) expect(data.total).toBeGreaterThan(0);
    },
  },

  'Get recording by ID': {
    prepare: onRecording('ready'),
    output: RecordingResponse,
    verify: (data, ctx) =>
      expect(data).toMatchObject({ id: ctx.scratch.recording, status: 'ready' }),
  },

  'Update recording metadata': {
    prepare: async (ctx) => ({
      ...(await onRecording('ready')(ctx)),
      body: { title: 'Renamed contract recording', visibility: 'public', default_playback: true },
    }),
    output: RecordingResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({
        title: 'Renamed contract recording',
        visibility: 'public',
        default_playback: true,
      });
      const playback = await ctx.api.db.repos.playbacks.defaultFor(ctx.world.session.id);
      expect(playback, 'a recording playback is the default').toMatchObject({
        kind: 'recording',
        recordingId: ctx.scratch.recording,
      });
    },
    state: async (ctx) => ({
      title: (await recordingRow(ctx))?.title,
      playback: (await ctx.api.db.repos.playbacks.defaultFor(ctx.world.session.id))?.id ?? null,
    }),
    errors: [notReady('as the default playback', { default_playback: true })],
  },

  'Delete a recording': {
    prepare: onRecording('ready'),
    verify: async (data, ctx) => {
      expect(data).toEqual({ id: ctx.scratch.recording, deleted: true });
      expect(await recordingRow(ctx)).toBeNull();
      const file = join(recordingsDirOf(ctx), `${ctx.scratch.recording}.mp4`);
      expect(existsSync(file), 'the file is removed too').toBe(false);
    },
    state: async (ctx) => (await recordingRow(ctx)) !== null,
    errors: [
      {
        name: 'refused (409 RECORDING_ACTIVE) while it is recording',
        as: 'owner',
        prepare: onRecording('recording'),
        expect: { status: 409, code: 'RECORDING_ACTIVE' },
      },
    ],
  },

  'Get recording download URL': {
    prepare: onRecording('ready'),
    output: RecordingDownloadResponse,
    verify: async (data, ctx) => {
      expect(data.expires_in).toBeGreaterThan(0);
      const url = new URL(data.url);
      expect(url.pathname).toBe(`/api/recordings/${ctx.scratch.recording}/file`);
      const file = await ctx.api.app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(file.statusCode, 'the URL serves the file without signing in').toBe(200);
      expect(file.body).toBe(FILE_CONTENT);
    },
    errors: [notReady('no URL yet')],
  },

  'Serve recording file (public, with token)': {
    file: true,
    unknownId: { status: 403, code: 'FORBIDDEN' },
    prepare: async (ctx) => {
      const { params } = await onRecording('ready')(ctx);
      return { params, query: { token: await fileToken(ctx, params.id) } };
    },
    verifyFile: (file) => {
      expect(file.headers['content-type']).toBe('video/mp4');
      expect(file.headers['accept-ranges']).toBe('bytes');
      expect(file.text).toBe(FILE_CONTENT);
    },
    errors: [
      {
        name: "another recording's token is 403 FORBIDDEN",
        as: 'anonymous',
        prepare: async (ctx) => {
          const other = await recordingOf(ctx, 'ready');
          const { params } = await onRecording('ready')(ctx);
          return { params, query: { token: await fileToken(ctx, other.id) } };
        },
        expect: { status: 403, code: 'FORBIDDEN' },
      },
      {
        name: 'a token that is not ours is 401 UNAUTHORIZED',
        as: 'anonymous',
        prepare: async (ctx) => {
          const { params } = await onRecording('ready')(ctx);
          const token = await fileToken(ctx, params.id);
          return { params, query: { token: `${token.slice(0, -6)}AAAAAA` } };
        },
        expect: { status: 401, code: 'UNAUTHORIZED' },
      },
      {
        name: 'an access token is not a file token (401 UNAUTHORIZED)',
        as: 'owner',
        prepare: async (ctx) => {
          const { params } = await onRecording('ready')(ctx);
          return { params, query: { token: ctx.people.owner.token } };
        },
        expect: { status: 401, code: 'UNAUTHORIZED' },
      },
      {
        name: 'no token is 400 VALIDATION_ERROR',
        as: 'anonymous',
        prepare: async (ctx) => ({ params: (await onRecording('ready')(ctx)).params }),
        expect: { status: 400, code: 'VALIDATION_ERROR' },
      },
    ],
  },

  'Serve recording poster (public, with token)': {
    file: true,
    unknownId: { status: 403, code: 'FORBIDDEN' },
    prepare: async (ctx) => {
      const { params } = await onRecordingWithPoster(ctx);
      return { params, query: { token: await posterToken(ctx, params.id) } };
    },
    verifyFile: (file) => {
      expect(file.headers['content-type']).toBe('image/jpeg');
      expect(file.headers['content-disposition']).toMatch(/^inline; /);
    },
    errors: [
      {
        name: "another recording's poster token is 403 FORBIDDEN",
        as: 'anonymous',
        prepare: async (ctx) => {
          const other = await onRecordingWithPoster(ctx);
          const { params } = await onRecordingWithPoster(ctx);
          return { params, query: { token: await posterToken(ctx, other.params.id) } };
        },
        expect: { status: 403, code: 'FORBIDDEN' },
      },
      {
        name: 'a download token is not a poster token (401 UNAUTHORIZED)',
        as: 'anonymous',
        prepare: async (ctx) => {
          const { params } = await onRecordingWithPoster(ctx);
          return { params, query: { token: await fileToken(ctx, params.id) } };
        },
        expect: { status: 401, code: 'UNAUTHORIZED' },
      },
      {
        name: 'no token is 400 VALIDATION_ERROR',
        as: 'anonymous',
        prepare: async (ctx) => ({ params: (await onRecordingWithPoster(ctx)).params }),
        expect: { status: 400, code: 'VALIDATION_ERROR' },
      },
    ],
  },

  'Get recordings for a session': {
    prepare: async (ctx) => {
      await recordingOf(ctx, 'ready');
      return {};
    },
    output: RecordingListResponse,
    verify: (data, { world }) => {
      expect(data.total).toBeGreaterThan(0);
      for (const recording of data.items) expect(recording.session_id).toBe(world.session.id);
    },
  },

  'Get active recording for a session': {
    world: { status: 'live' },
    prepare: async (ctx) => {
      await activeRecording(ctx);
      return {};
    },
    output: ActiveRecordingResponse,
    verify: (data, ctx) =>
      expect(data.recording).toMatchObject({ id: ctx.scratch.recording, status: 'recording' }),
    errors: [
      {
        name: 'none active is {recording: null}',
        as: 'owner',
        prepare: async () => ({}),
        expect: { status: 200 },
        after: async (_ctx, reply) => expect(reply.body.data).toEqual({ recording: null }),
      },
    ],
  },

  'Start recording a session': {
    world: { status: 'live' },
    output: RecordingResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ session_id: ctx.world.session.id, status: 'recording' });
      expect((await ctx.api.db.repos.recordings.active(ctx.world.session.id))?.id).toBe(data.id);
      const events = await recordedEvents(ctx.api, 'recording.started', ctx.world.session.id);
      expect(events).toContainEqual(expect.objectContaining({ recording_id: data.id }));
    },
    state: sessionRecordings,
    errors: [
      {
        name: 'one already active is 409 RECORDING_ACTIVE',
        as: 'owner',
        prepare: async (ctx) => {
          await activeRecording(ctx);
          return {};
        },
        expect: { status: 409, code: 'RECORDING_ACTIVE' },
      },
      {
        name: 'only while live (409 INVALID_STATE_TRANSITION when scheduled)',
        as: 'owner',
        world: { status: 'scheduled' },
        expect: { status: 409, code: 'INVALID_STATE_TRANSITION' },
      },
    ],
  },

  'Stop recording a session': {
    world: { status: 'live' },
    prepare: async (ctx) => {
      await activeRecording(ctx);
      return {};
    },
    output: RecordingResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ id: ctx.scratch.recording, status: 'processing' });
      expect(await ctx.api.db.repos.recordings.active(ctx.world.session.id)).toBeNull();
      const events = await recordedEvents(ctx.api, 'recording.stopped', ctx.world.session.id);
      expect(events).toContainEqual(expect.objectContaining({ recording_id: data.id }));
    },
    state: sessionRecordings,
    errors: [
      {
        name: 'none active is 409 NO_ACTIVE_RECORDING',
        as: 'owner',
        prepare: async () => ({}),
        expect: { status: 409, code: 'NO_ACTIVE_RECORDING' },
      },
    ],
  },

  'Trigger storage cleanup': {
    prepare: async (ctx) => {
      const orphan = join(recordingsDirOf(ctx), `${crypto.randomUUID()}.mp4`);
      writeFileSync(orphan, Buffer.alloc(1_234));
      ctx.scratch.orphan = orphan;
      return { body: {} };
    },
    output: StorageCleanupResponse,
    verify: (data, ctx) => {
      expect(data.deleted_files).toBeGreaterThanOrEqual(1);
      expect(data.freed_bytes).toBeGreaterThanOrEqual(1_234);
      expect(existsSync(ctx.scratch.orphan!), 'the orphaned file is deleted').toBe(false);
    },
    state: async (ctx) => existsSync(ctx.scratch.orphan!),
  },

  'Retry a failed recording': {
    prepare: onRecording('failed'),
    output: RecordingResponse,
    verify: async (data, ctx) => {
      expect(data).toMatchObject({ id: ctx.scratch.recording, status: 'processing' });
      // The retry runs on by itself: the row is processing, or the retry already failed it again
      // (this fixture has no parts to remux) with its own error, never the one it had.
      const row = await recordingRow(ctx);
      if (row?.status !== 'processing') {
        expect(row?.status).toBe('failed');
        expect(row?.error).not.toBe('contract failure');
      }
    },
    state: async (ctx) => (await recordingRow(ctx))?.status,
    errors: [
      {
        name: 'only a failed recording (409 CONFLICT when ready)',
        as: 'admin',
        prepare: onRecording('ready'),
        expect: { status: 409, code: 'CONFLICT' },
      },
    ],
  },
};
