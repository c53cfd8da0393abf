// Recordings as the wire shows them. Whether a recording is what its session plays by default is
// read from the playbacks, the one place defaults are kept.
import { extname } from 'node:path';
import type { RecordingResponse } from '@vidinfra/domain';
import type { Recording, Repositories } from '@vidinfra/db';
import { iso, isoOrUndefined, orUndefined } from '../mappers.ts';

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
});

/** Ids of the recordings their sessions play by default, among these sessions. */
async function defaultRecordingIds(r: Repositories, sessionIds: string[]): Promise<Set<string>> {
  const defaults = await Promise.all(
    [...new Set(sessionIds)].map((sessionId) => r.playbacks.defaultFor(sessionId)),
  );
  return new Set(defaults.flatMap((playback) => playback?.recordingId ?? []));
}

export async function recordingResponses(
  r: Repositories,
  recordings: Recording[],
): Promise<RecordingResponse[]> {
  const defaults = await defaultRecordingIds(
    r,
    recordings.map((recording) => recording.sessionId),
  );
  return recordings.map((recording) => toRecordingResponse(recording, defaults.has(recording.id)));
}

export async function recordingResponse(
  r: Repositories,
  recording: Recording,
): Promise<RecordingResponse> {
  const [response] = await recordingResponses(r, [recording]);
  return response!;
}
