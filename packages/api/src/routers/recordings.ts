import {
  ActiveRecordingResponse,
  Id,
  IdParam,
  PaginationQuery,
  RecordingDownloadResponse,
  RecordingFileQuery,
  RecordingListResponse,
  RecordingResponse,
  UpdateRecordingRequest,
  DeleteResponse,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

/**
 * The file over tRPC: what it is, not its bytes (play or download it from the REST URL, which
 * serves byte ranges).
 */
const RecordingFileResponse = z.object({
  filename: z.string(),
  content_type: z.string(),
  size_bytes: z.number().int().nonnegative(),
});

/** REST answers the file itself: MP4 as the local backend and LiveKit egress write it. */
const RECORDING_FILE = {
  contentTypes: {
    'video/mp4': z.string().meta({ format: 'binary', description: 'The file, or the range asked' }),
  },
};

/** REST answers the poster itself, a JPEG. */
const RECORDING_POSTER = {
  contentTypes: {
    'image/jpeg': z.string().meta({ format: 'binary', description: "The recording's poster" }),
  },
};

export const recordingsOps = {
  mine: operation({
    name: 'Get my recordings',
    description:
      "Hosts (and admins). Recordings of the caller's rooms, newest first; paginated with `page` and `limit`.",
    method: 'GET',
    path: '/recordings',
    caller: 'host',
    input: PaginationQuery,
    output: RecordingListResponse,
    handle: ({ ctx, input }) => ctx.services.recordings.mine(ctx.actor, input),
  }),
  get: operation({
    name: 'Get recording by ID',
    description: "The recording's owner or an admin.",
    method: 'GET',
    path: '/recordings/{id}',
    caller: 'owner_or_admin',
    resource: 'recording',
    input: IdParam,
    output: RecordingResponse,
    handle: ({ ctx, input }) => ctx.services.recordings.get(input.id),
  }),
  update: operation({
    name: 'Update recording metadata',
    description:
      "The recording's owner. Title and visibility; `default_playback: true` makes the (ready, else 409 RECORDING_NOT_READY) recording what its session plays by default, `false` gives that place back to the live playback.",
    method: 'PATCH',
    path: '/recordings/{id}',
    caller: 'owner',
    resource: 'recording',
    input: UpdateRecordingRequest.extend({ id: Id }),
    output: RecordingResponse,
    handle: ({ ctx, input: { id, ...patch } }) =>
      ctx.services.recordings.update(id, ctx.actor, patch),
  }),
  delete: operation({
    name: 'Delete a recording',
    description:
      "The recording's owner or an admin. Removes the file too; 409 RECORDING_ACTIVE while it is still recording or being processed.",
    method: 'DELETE',
    path: '/recordings/{id}',
    caller: 'owner_or_admin',
    resource: 'recording',
    input: IdParam,
    output: DeleteResponse,
    handle: ({ ctx, input }) => ctx.services.recordings.delete(input.id),
  }),
  downloadUrl: operation({
    name: 'Get recording download URL',
    description:
      "The recording's owner or an admin. A signed URL of the file that works without signing in until it expires (`expires_in`); 409 RECORDING_NOT_READY before the file is ready.",
    method: 'GET',
    path: '/recordings/{id}/download_url',
    caller: 'owner_or_admin',
    resource: 'recording',
    input: IdParam,
    output: RecordingDownloadResponse,
    handle: ({ ctx, input }) => ctx.services.recordings.downloadUrl(input.id),
  }),
  // The signed token in the query is the credential (checked by the recordings service, which
  // signed it): no account needed, so no Caller rule of the access service applies.
  file: operation({
    name: 'Serve recording file (public, with token)',
    description:
      "Anyone with the signed `token` of a download URL (no account): the MP4 file, with HTTP Range support (seeking). 401/403 for a missing, invalid or expired token, 409 RECORDING_NOT_READY before the file is ready. tRPC answers the file's name, type and size, not its bytes.",
    method: 'GET',
    path: '/recordings/{id}/file',
    caller: 'public',
    input: RecordingFileQuery.extend({ id: Id }),
    output: RecordingFileResponse,
    file: RECORDING_FILE,
    handle: ({ ctx, input }) => ctx.services.recordings.file(input.id, input.token),
  }),
  // Like the file: the poster token in the query is the credential.
  poster: operation({
    name: 'Serve recording poster (public, with token)',
    description:
      "Anyone with the signed `token` of a poster URL (a recording's or an ended session's `poster_url`; no account): one JPEG frame of the ready recording. 401/403 for a missing, invalid or expired token (a download token does not open it), 404 when the recording is gone or has no poster. tRPC answers the file's name, type and size, not its bytes.",
    method: 'GET',
    path: '/recordings/{id}/poster.jpg',
    caller: 'public',
    input: RecordingFileQuery.extend({ id: Id }),
    output: RecordingFileResponse,
    file: RECORDING_POSTER,
    handle: ({ ctx, input }) => ctx.services.recordings.poster(input.id, input.token),
  }),
  listForSession: operation({
    name: 'Get recordings for a session',
    description:
      "Host side of the session. The session's recordings, newest first; paginated with `page` and `limit`.",
    method: 'GET',
    path: '/sessions/{id}/recordings',
    caller: 'host_side',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: RecordingListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.recordings.listForSession(ctx.access, query),
  }),
  active: operation({
    name: 'Get active recording for a session',
    description: 'Host side of the session. The recording running now, or null.',
    method: 'GET',
    path: '/sessions/{id}/recordings/active',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: ActiveRecordingResponse,
    handle: ({ ctx }) => ctx.services.recordings.active(ctx.access),
  }),
  start: operation({
    name: 'Start recording a session',
    description:
      'Host side of the session. Records its output, which runs only while live: 409 INVALID_STATE_TRANSITION otherwise, 409 RECORDING_ACTIVE when one is already running; 503 when the media backend is unavailable.',
    method: 'POST',
    path: '/sessions/{id}/recordings/start',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: RecordingResponse,
    handle: ({ ctx }) => ctx.services.recordings.start(ctx.access),
  }),
  stop: operation({
    name: 'Stop recording a session',
    description:
      'Host side of the session. Stops the active recording (409 NO_ACTIVE_RECORDING when none); it turns into a file afterwards and its state follows as realtime events.',
    method: 'POST',
    path: '/sessions/{id}/recordings/stop',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: RecordingResponse,
    handle: ({ ctx }) => ctx.services.recordings.stop(ctx.access),
  }),
};
