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
    method: 'GET',
    path: '/admin/storage',
    input: z.strictObject({}),
    output: StorageStatus,
    handle: ({ ctx }) => ctx.services.admin.storageStatus(),
  }),
  storageCleanup: operation({
    ...adminOperation,
    name: 'Trigger storage cleanup',
    method: 'POST',
    path: '/admin/storage/cleanup',
    input: z.strictObject({}),
    output: StorageCleanupResponse,
    handle: ({ ctx }) => ctx.services.admin.storageCleanup(),
  }),
  retryRecording: operation({
    ...adminOperation,
    name: 'Retry a failed recording',
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
    method: 'POST',
    path: '/admin/users',
    input: CreateUserRequest,
    output: UserResponse,
    handle: ({ ctx, input }) => ctx.services.admin.createUser(input),
  }),
  findUsers: operation({
    ...adminOperation,
    name: 'Find Users',
    method: 'GET',
    path: '/admin/users',
    input: UserListQuery,
    output: UserListResponse,
    handle: ({ ctx, input }) => ctx.services.admin.listUsers(input),
  }),
  getUser: operation({
    ...adminOperation,
    name: 'Show User details',
    method: 'GET',
    path: '/admin/users/{id}',
    input: IdParam,
    output: UserResponse,
    handle: ({ ctx, input }) => ctx.services.admin.getUser(input.id),
  }),
  updateUser: operation({
    ...adminOperation,
    name: 'Update User',
    method: 'PATCH',
    path: '/admin/users/{id}',
    input: UpdateUserRequest.extend({ id: Id }),
    output: UserResponse,
    handle: ({ ctx, input: { id, ...patch } }) =>
      ctx.services.admin.updateUser(ctx.actor!, id, patch),
  }),
  updateUserPassword: operation({
    ...adminOperation,
    name: 'Update User Password',
    method: 'PUT',
    path: '/admin/users/{id}/password',
    input: UpdateUserPasswordRequest.extend({ id: Id }),
    output: RevokedSessionsResponse,
    handle: ({ ctx, input: { id, ...body } }) => ctx.services.admin.setUserPassword(id, body),
  }),
  deleteUserSessions: operation({
    ...adminOperation,
    name: 'Delete User Sessions',
    method: 'DELETE',
    path: '/admin/users/{id}/sessions',
    input: IdParam,
    output: RevokedSessionsResponse,
    handle: ({ ctx, input }) => ctx.services.admin.revokeUserSessions(input.id),
  }),
};
