import {
  Count,
  CreateUserRequest,
  Id,
  IdParam,
  RecordingResponse,
  RecordingStatus,
  StorageCleanupResponse,
  StorageStatusResponse,
  UpdateUserPasswordRequest,
  UpdateUserRequest,
  UserListQuery,
  UserListResponse,
  UserResponse,
} from '@vidinfra/domain';
import { z } from 'zod';
import { operation } from '../operation.ts';

// Not in the domain package yet: bytes per recording state, and the answer of a sign-out.
const StorageStatus = StorageStatusResponse.extend({
  recordings_bytes_by_status: z.record(RecordingStatus, Count),
});
const RevokedSessionsResponse = z.object({ user_id: Id, revoked_sessions: Count });

const adminOperation = { caller: 'admin' } as const;

export const adminOps = {
  storage: operation({
    ...adminOperation,
    name: 'Get storage status',
    description:
      'Admins only. Bytes used on disk (recordings and HLS output), recordings counted and sized per state, and the free and total space of the data volume when known.',
    method: 'GET',
    path: '/admin/storage',
    input: z.strictObject({}),
    output: StorageStatus,
    handle: ({ ctx }) => ctx.services.admin.storageStatus(),
  }),
  storageCleanup: operation({
    ...adminOperation,
    name: 'Trigger storage cleanup',
    description:
      'Admins only. Deletes expired and orphaned files (HLS output of ended sessions, files of deleted recordings) and reports how many files it removed, the bytes freed and the files it could not delete.',
    method: 'POST',
    path: '/admin/storage/cleanup',
    input: z.strictObject({}),
    output: StorageCleanupResponse,
    handle: ({ ctx }) => ctx.services.admin.storageCleanup(),
  }),
  retryRecording: operation({
    ...adminOperation,
    name: 'Retry a failed recording',
    description:
      'Admins only. Processes a failed recording again through the media backend; 409 CONFLICT unless the recording failed, 503 when the media backend is unavailable.',
    method: 'POST',
    path: '/admin/recordings/{id}/retry',
    resource: 'recording',
    input: IdParam,
    output: RecordingResponse,
    handle: ({ ctx, input }) => ctx.services.recordings.retry(input.id),
  }),
  createUser: operation({
    ...adminOperation,
    name: 'Create User',
    description:
      'Admins only. Creates an account with email, password, display name and role (admin, host or viewer); 409 when the email is taken.',
    method: 'POST',
    path: '/admin/users',
    input: CreateUserRequest,
    output: UserResponse,
    handle: ({ ctx, input }) => ctx.services.admin.createUser(input),
  }),
  findUsers: operation({
    ...adminOperation,
    name: 'Find Users',
    description:
      'Admins only. Accounts matching `q` (email or display name) and `role`, paginated with `page` and `limit` (at most 100).',
    method: 'GET',
    path: '/admin/users',
    input: UserListQuery,
    output: UserListResponse,
    handle: ({ ctx, input }) => ctx.services.admin.listUsers(input),
  }),
  getUser: operation({
    ...adminOperation,
    name: 'Show User details',
    description: 'Admins only. One account; 404 when there is none.',
    method: 'GET',
    path: '/admin/users/{id}',
    input: IdParam,
    output: UserResponse,
    handle: ({ ctx, input }) => ctx.services.admin.getUser(input.id),
  }),
  updateUser: operation({
    ...adminOperation,
    name: 'Update User',
    description:
      'Admins only. Changes role, display name or disabled. Disabling signs the user out everywhere: their tokens stop working at once. An admin cannot demote or disable their own account, nor the last enabled admin (422).',
    method: 'PATCH',
    path: '/admin/users/{id}',
    input: UpdateUserRequest.extend({ id: Id }),
    output: UserResponse,
    handle: ({ ctx, input: { id, ...patch } }) =>
      ctx.services.admin.updateUser(id, ctx.actor, patch),
  }),
  updateUserPassword: operation({
    ...adminOperation,
    name: 'Update User Password',
    description:
      "Admins only. Sets the user's password and revokes every login of theirs; answers how many were revoked.",
    method: 'PUT',
    path: '/admin/users/{id}/password',
    input: UpdateUserPasswordRequest.extend({ id: Id }),
    output: RevokedSessionsResponse,
    handle: ({ ctx, input: { id, ...body } }) => ctx.services.admin.setUserPassword(id, body),
  }),
  deleteUserSessions: operation({
    ...adminOperation,
    name: 'Delete User Sessions',
    description:
      'Admins only. Revokes every refresh token (login) of the user; their access tokens stop working; answers how many logins were revoked.',
    method: 'DELETE',
    path: '/admin/users/{id}/sessions',
    input: IdParam,
    output: RevokedSessionsResponse,
    handle: ({ ctx, input }) => ctx.services.admin.revokeUserSessions(input.id),
  }),
};
