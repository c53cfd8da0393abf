// Recordings as the wire shows them. Whether a recording is what its session plays by default is
// read from the playbacks, the one place defaults are kept.
import { extname } from 'node:path';
import type { RecordingResponse } from '@vidinfra/domain';
import type { Recording, Repositories } from '@vidinfra/db';
import type { Deps } from '../deps.ts';
import { iso, isoOrUndefined, orUndefined } from '../mappers.ts';
import { recordingFileTokens } from './file-token.ts';

const MIME_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
};

/** The media type of a recording file, by its extension. */
export const mimeTypeOf = (filePath: string): string =>
  MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';

export const toRecordingResponse = (
  recording: Recording,
  isDefault: boolean,
  posterUrl: string | null,
): RecordingResponse => ({
  id: recording.id,
  session_id: recording.sessionId,
  owner_id: recording.ownerId,
  title: recording.title,
  status: recording.status,
  visibility: recording.visibility,
  default_playback: isDefault,
  size_bytes: orUndefined(recording.sizeBytes),
  duration_seconds: orUndefined(recording.durationSeconds),
  mime_type: recording.filePath ? mimeTypeOf(recording.filePath) : undefined,
  error: orUndefined(recording.error),
  started_at: iso(recording.startedAt),
  stopped_at: isoOrUndefined(recording.stoppedAt),
  ready_at: isoOrUndefined(recording.readyAt),
  created_at: iso(recording.createdAt),
  poster_url: posterUrl,
});

/** Ids of the recordings their sessions play by default, among these sessions. */
async function defaultRecordingIds(r: Repositories, sessionIds: string[]): Promise<Set<string>> {
  const defaults = await Promise.all(
    [...new Set(sessionIds)].map((sessionId) => r.playbacks.defaultFor(sessionId)),
  );
  return new Set(defaults.flatMap((playback) => playback?.recordingId ?? []));
}

/**
 * Recordings as their readers (the owner, an admin, the host side's events) see them: with a
 * poster URL that opens the poster alone, for a ready recording that has one.
 */
export const recordingView = ({ config, now }: Pick<Deps, 'config' | 'now'>) => {
  const tokens = recordingFileTokens(config);
  /** A signed URL of the recording's poster, or null while it has none. */
  const posterUrl = (recording: Recording): Promise<string | null> =>
    recording.status === 'ready' && recording.posterPath
      ? tokens.posterUrl(recording.id, now())
      : Promise.resolve(null);

  const many = async (r: Repositories, recordings: Recording[]): Promise<RecordingResponse[]> => {
    const [defaults, posters] = await Promise.all([
      defaultRecordingIds(
        r,
        recordings.map((recording) => recording.sessionId),
      ),
      Promise.all(recordings.map(posterUrl)),
    ]);
    return recordings.map((recording, i) =>
      toRecordingResponse(recording, defaults.has(recording.id), posters[i] ?? null),
    );
  };

  return {
    posterUrl,
    many,
    async one(r: Repositories, recording: Recording): Promise<RecordingResponse> {
      const [response] = await many(r, [recording]);
      return response!;
    },
  };
};
