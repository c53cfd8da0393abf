// Accounts as the API shows them, and the admin operations on them.
import { z } from 'zod';
import { AccountRole } from '../roles.ts';
import { PaginationQuery, SearchTerm, paginated } from './common.ts';
import { DisplayName, Email, EmailInput, Id, NewPassword, Timestamp } from './fields.ts';

/** An account. `email` is absent for viewers registered by device token. */
export const UserResponse = z
  .object({
    id: Id,
    email: Email.optional(),
    display_name: z.string(),
    role: AccountRole,
    disabled: z.boolean(),
    created_at: Timestamp,
  })
  .meta({ id: 'UserResponse' });
export type UserResponse = z.infer<typeof UserResponse>;

export const CreateUserRequest = z
  .strictObject({
    email: EmailInput,
    password: NewPassword,
    display_name: DisplayName,
    role: AccountRole,
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** Setting `disabled: true` makes the user's tokens stop working. */
export const UpdateUserRequest = z
  .strictObject({
    display_name: DisplayName.optional(),
    role: AccountRole.optional(),
    disabled: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const UpdateUserPasswordRequest = z
  .strictObject({ password: NewPassword })
  .meta({ id: 'UpdateUserPasswordRequest' });
export type UpdateUserPasswordRequest = z.infer<typeof UpdateUserPasswordRequest>;

/** `GET /admin/users?q=&role=&page=&limit=` */
export const UserListQuery = PaginationQuery.extend({
  q: SearchTerm.optional(),
  role: AccountRole.optional(),
}).meta({ id: 'UserListQuery' });
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserListResponse = paginated(UserResponse).meta({ id: 'UserListResponse' });
export type UserListResponse = z.infer<typeof UserListResponse>;
