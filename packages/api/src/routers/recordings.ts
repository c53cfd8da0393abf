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
import { operation, type OperationContext } from '../operation.ts';

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

/** The session (and its room) the access middleware loaded. */
const target = (ctx: OperationContext) => ({
  session: ctx.access!.session!,
  room: ctx.access!.room!,
});

export const recordingsOps = {
  mine: operation({
    name: 'Get my recordings',
    method: 'GET',
    path: '/recordings',
    caller: 'host',
    input: PaginationQuery,
    output: RecordingListResponse,
    handle: ({ ctx, input }) => ctx.services.recordings.mine(ctx.actor!, input),
  }),
  get: operation({
    name: 'Get recording by ID',
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
    method: 'PATCH',
    path: '/recordings/{id}',
    caller: 'owner',
    resource: 'recording',
    input: UpdateRecordingRequest.extend({ id: Id }),
    output: RecordingResponse,
    handle: ({ ctx, input: { id, ...patch } }) =>
      ctx.services.recordings.update(id, patch, ctx.actor!),
  }),
  delete: operation({
    name: 'Delete a recording',
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
    method: 'GET',
    path: '/recordings/{id}/file',
    caller: 'public',
    input: RecordingFileQuery.extend({ id: Id }),
    output: RecordingFileResponse,
    file: RECORDING_FILE,
    handle: ({ ctx, input }) => ctx.services.recordings.file(input.id, input.token),
  }),
  listForSession: operation({
    name: 'Get recordings for a session',
    method: 'GET',
    path: '/sessions/{id}/recordings',
    caller: 'host_side',
    resource: 'session',
    input: PaginationQuery.extend({ id: Id }),
    output: RecordingListResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) =>
      ctx.services.recordings.listForSession(target(ctx), query),
  }),
  active: operation({
    name: 'Get active recording for a session',
    method: 'GET',
    path: '/sessions/{id}/recordings/active',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: ActiveRecordingResponse,
    handle: ({ ctx }) => ctx.services.recordings.active(target(ctx)),
  }),
  start: operation({
    name: 'Start recording a session',
    method: 'POST',
    path: '/sessions/{id}/recordings/start',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: RecordingResponse,
    handle: ({ ctx }) => ctx.services.recordings.start(target(ctx)),
  }),
  stop: operation({
    name: 'Stop recording a session',
    method: 'POST',
    path: '/sessions/{id}/recordings/stop',
    caller: 'host_side',
    resource: 'session',
    input: IdParam,
    output: RecordingResponse,
    handle: ({ ctx }) => ctx.services.recordings.stop(target(ctx)),
  }),
};
