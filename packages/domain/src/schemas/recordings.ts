// Recordings of sessions: lifecycle status, metadata, signed download URLs.
import { z } from 'zod';
import { paginated } from './common.ts';
import {
  Count,
  ExpiresIn,
  Id,
  Seconds,
  Timestamp,
  Title,
  Token,
  Url,
  Visibility,
} from './fields.ts';

export const RecordingStatus = z
  .enum(['recording', 'processing', 'ready', 'failed'])
  .meta({ id: 'RecordingStatus' });
export type RecordingStatus = z.infer<typeof RecordingStatus>;

export const UpdateRecordingRequest = z
  .strictObject({ title: Title, visibility: Visibility, default_playback: z.boolean() })
  .partial()
  .meta({ id: 'UpdateRecordingRequest' });
export type UpdateRecordingRequest = z.infer<typeof UpdateRecordingRequest>;

export const RecordingResponse = z
  .object({
    id: Id,
    session_id: Id,
    owner_id: Id,
    title: z.string(),
    status: RecordingStatus,
    visibility: Visibility,
    /** The recording a session plays by default once it has ended. */
    default_playback: z.boolean(),
    /** Bytes on disk; known once recording stops. */
    size_bytes: Count.optional(),
    /** Known once the file is finalized. */
    duration_seconds: Seconds.optional(),
    mime_type: z.string().optional(),
    /** Why processing failed (status `failed`). */
    error: z.string().optional(),
    started_at: Timestamp,
    stopped_at: Timestamp.optional(),
    /** When processing finished (status `ready`). */
    ready_at: Timestamp.optional(),
    created_at: Timestamp,
    /**
     * A JPEG frame of the ready recording (`GET /recordings/{id}/poster.jpg` with a poster token,
     * valid 6 h, that opens the poster only), or null when it has none.
     */
    poster_url: Url.nullable().optional(),
  })
  .meta({ id: 'RecordingResponse' });
export type RecordingResponse = z.infer<typeof RecordingResponse>;

export const RecordingListResponse = paginated(RecordingResponse).meta({
  id: 'RecordingListResponse',
});
export type RecordingListResponse = z.infer<typeof RecordingListResponse>;

/** `GET /sessions/{id}/recordings/active`: the active recording, or null. */
export const ActiveRecordingResponse = z
  .object({ recording: RecordingResponse.nullable() })
  .meta({ id: 'ActiveRecordingResponse' });
export type ActiveRecordingResponse = z.infer<typeof ActiveRecordingResponse>;

export const RecordingDownloadResponse = z
  .object({ url: Url, expires_in: ExpiresIn })
  .meta({ id: 'RecordingDownloadResponse' });
export type RecordingDownloadResponse = z.infer<typeof RecordingDownloadResponse>;

/** `GET /recordings/{id}/file?token=…`: the signed token from the download URL. */
export const RecordingFileQuery = z
  .strictObject({ token: Token })
  .meta({ id: 'RecordingFileQuery' });
export type RecordingFileQuery = z.infer<typeof RecordingFileQuery>;
