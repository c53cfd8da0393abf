// Recordings of sessions: started and stopped by the host side while live, finished by the media
// backend (its events), then read, renamed, made the default playback, downloaded through a
// signed URL, deleted with their file, or (failed ones, by an admin) processed again.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  DomainError,
  isDomainError,
  type ActiveRecordingResponse,
  type PaginationQuery,
  type RecordingDownloadResponse,
  type RecordingListResponse,
  type RecordingResponse,
  type UpdateRecordingRequest,
} from '@vidinfra/domain';
import type { Recording } from '@vidinfra/db';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { errorText, markStopped, recordingControl } from './recordings/control.ts';
import { RECORDING_URL_TTL_SECONDS, recordingFileTokens } from './recordings/file-token.ts';
import { removeRecordingFiles } from './recordings/files.ts';
import { mediaEventApplier, UNFINISHED } from './recordings/media-events.ts';
import { dropDefault, makeDefault } from './recordings/playbacks.ts';
import { mimeTypeOf, recordingView } from './recordings/view.ts';
import type { LoadedSession } from './access.ts';
import { requireMedia } from './sessions/shared.ts';

export { RECORDING_URL_TTL_SECONDS } from './recordings/file-token.ts';

/** A recording file as the REST adapter serves it (with Range); tRPC answers the fields only. */
export interface RecordingFile {
  filename: string;
  content_type: string;
  size_bytes: number;
  path: string;
  /** Shown in the page (a poster), not downloaded. */
  inline?: true;
}

const notFound = () => new DomainError('NOT_FOUND', 'recording not found');

const notReady = (recording: Recording) =>
  new DomainError('RECORDING_NOT_READY', `The recording is ${recording.status}, not ready`);

/** A download name from the title: no path separators or control characters. */
const downloadName = (recording: Recording, filePath: string) =>
  `${recording.title.replace(/[/\\:*?"<>|\p{Cc}]/gu, '_')}${extname(filePath) || '.mp4'}`;

export const recordingsService = (deps: Deps) => {
  const { db, config, media, now } = deps;
  const control = recordingControl(deps);
  const tokens = recordingFileTokens(config);
  const applyMediaEvent = mediaEventApplier(deps);

  const load = async (id: string): Promise<Recording> => {
    const recording = await db.repos.recordings.findById(id);
    if (!recording) throw notFound();
    return recording;
  };

  const view = recordingView(deps);
  const respond = (recording: Recording) => view.one(db.repos, recording);

  return {
    /** The caller's recordings (of the rooms they own), newest first. */
    async mine(actor: Actor, query: PaginationQuery): Promise<RecordingListResponse> {
      const page = await db.repos.recordings.listByOwner(actor.id, query);
      return { ...page, items: await view.many(db.repos, page.items) };
    },

    async get(id: string): Promise<RecordingResponse> {
      return respond(await load(id));
    },

    /**
     * Title and visibility as given; `default_playback: true` makes the (ready) recording what
     * its session plays by default, `false` gives that place back to the live playback.
     */
    async update(id: string, actor: Actor, patch: UpdateRecordingRequest) {
      return db.transaction(async (r) => {
        const recording = await r.recordings.findById(id);
        if (!recording) throw notFound();
        if (patch.default_playback && recording.status !== 'ready') throw notReady(recording);
        const { title, visibility } = patch;
        const updated =
          title !== undefined || visibility !== undefined
            ? await r.recordings.update(id, {
                ...(title !== undefined && { title }),
                ...(visibility !== undefined && { visibility }),
              })
            : recording;
        if (!updated) throw notFound();
        if (patch.default_playback === true) await makeDefault(r, updated, actor);
        if (patch.default_playback === false) await dropDefault(r, updated);
        return view.one(r, updated);
      });
    },

    /**
     * Deletes the recording and its file; RECORDING_ACTIVE while it is still recording or being
     * made into a file (the file would appear after the row is gone).
     */
    async delete(id: string): Promise<{ id: string; deleted: true }> {
      const deleted = await db.transaction(async (r) => {
        const recording = await r.recordings.findById(id);
        if (!recording) throw notFound();
        if (recording.status === 'recording') {
          throw new DomainError('RECORDING_ACTIVE', 'Stop the recording before deleting it');
        }
        if (recording.status === 'processing') {
          throw new DomainError('RECORDING_ACTIVE', 'The recording is still being processed');
        }
        await dropDefault(r, recording);
        return r.recordings.delete(id);
      });
      if (!deleted) throw notFound();
      await removeRecordingFiles(deleted, config.dataDir);
      return { id, deleted: true };
    },

    /** A URL of the file that works without signing in, until it expires. */
    async downloadUrl(id: string): Promise<RecordingDownloadResponse> {
      const recording = await load(id);
      if (recording.status !== 'ready' || !recording.filePath) throw notReady(recording);
      return {
        url: await tokens.signedUrl(recording.id, now()),
        expires_in: RECORDING_URL_TTL_SECONDS,
      };
    },

    /** The file a download URL opens: its token must be valid, unexpired and for this recording. */
    async file(id: string, token: string): Promise<RecordingFile> {
      // The token first: without one, the answer must not tell which recordings exist.
      await tokens.verify(token, id, now());
      const recording = await load(id);
      if (recording.status !== 'ready' || !recording.filePath) throw notReady(recording);
      const filePath = recording.filePath;
      return {
        filename: downloadName(recording, filePath),
        content_type: mimeTypeOf(filePath),
        size_bytes: recording.sizeBytes ?? 0,
        path: filePath,
      };
    },

    /**
     * The poster a poster URL opens: its token must be valid, unexpired and for this recording;
     * NOT_FOUND when the recording has no poster (none was made, or not ready yet).
     */
    async poster(id: string, token: string): Promise<RecordingFile> {
      await tokens.verifyPoster(token, id, now());
      const recording = await load(id);
      if (recording.status !== 'ready' || !recording.posterPath) {
        throw new DomainError('NOT_FOUND', 'the recording has no poster');
      }
      const size = await stat(recording.posterPath).catch(() => null);
      return {
        filename: downloadName(recording, recording.posterPath),
        content_type: 'image/jpeg',
        size_bytes: size?.size ?? 0,
        path: recording.posterPath,
        inline: true,
      };
    },

    async listForSession(
      { session }: LoadedSession,
      query: PaginationQuery,
    ): Promise<RecordingListResponse> {
      const page = await db.repos.recordings.pageBySession(session.id, query);
      return { ...page, items: await view.many(db.repos, page.items) };
    },

    async active({ session }: LoadedSession): Promise<ActiveRecordingResponse> {
      const recording = await db.repos.recordings.active(session.id);
      return { recording: recording ? await respond(recording) : null };
    },

    /**
     * Records the session's output, which runs only while live (backstage has no output yet):
     * INVALID_STATE_TRANSITION otherwise, RECORDING_ACTIVE when one is already running.
     */
    async start(target: LoadedSession): Promise<RecordingResponse> {
      if (target.session.status !== 'live') {
        throw new DomainError(
          'INVALID_STATE_TRANSITION',
          `Recording runs only while live; the session is ${target.session.status}`,
        );
      }
      await requireMedia(media);
      return respond(await control.start(target));
    },

    /** Stops the active recording (NO_ACTIVE_RECORDING when none); its file follows as an event. */
    async stop({ session }: LoadedSession): Promise<RecordingResponse> {
      await requireMedia(media);
      const stopped = await db.transaction((r) => markStopped(r, session.id, now()));
      if (!stopped) throw new DomainError('NO_ACTIVE_RECORDING');
      return respond(await control.finish(stopped));
    },

    /** Admin: a failed recording is processed again (CONFLICT unless it failed). */
    async retry(id: string): Promise<RecordingResponse> {
      await requireMedia(media);
      const recording = await load(id);
      const retried = await db.repos.recordings.updateIfStatus(recording.id, ['failed'], {
        status: 'processing',
        error: null,
      });
      if (!retried) {
        throw new DomainError(
          'CONFLICT',
          `Only a failed recording can be retried; this one is ${recording.status}`,
        );
      }
      try {
        await media.retryRecording(retried.id, retried.externalId ?? undefined);
      } catch (error) {
        await control.fail(retried.id, errorText(error));
        if (isDomainError(error)) throw error;
        throw new DomainError('MEDIA_UNAVAILABLE', 'the media backend could not retry it', {
          cause: error,
        });
      }
      // What the retry did (processing), not what the backend may already have reported since.
      return respond(retried);
    },

    applyMediaEvent,

    /**
     * At start: recordings a backend that records in this process (local ffmpeg) was making
     * when the server stopped cannot finish any more (its ffmpeg and state are gone); they fail,
     * keeping their parts, so an admin can retry them. A LiveKit egress runs on without us and
     * reports through its webhook.
     */
    async failInterrupted(): Promise<number> {
      if (!media.recordsInProcess) return 0;
      const interrupted = (await db.repos.recordings.listAll()).filter((recording) =>
        UNFINISHED.includes(recording.status),
      );
      const failed = await Promise.all(
        interrupted.map((recording) =>
          control.fail(recording.id, 'the server stopped before the recording finished'),
        ),
      );
      return failed.filter(Boolean).length;
    },
  };
};

export type RecordingsService = ReturnType<typeof recordingsService>;
