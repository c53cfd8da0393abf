import { describe, expect, it } from 'vitest';
import { parses, rejectsAt, userFixture } from '../testing/fixtures.ts';
import {
  CreateUserRequest,
  UpdateUserPasswordRequest,
  UpdateUserRequest,
  UserListQuery,
  UserListResponse,
  UserResponse,
} from './users.ts';

describe('UserResponse', () => {
  it('has an optional email (device-token viewers have none)', () => {
    expect(UserResponse.safeParse(userFixture()).success).toBe(true);
    expect(UserResponse.safeParse(userFixture({ email: undefined })).success).toBe(true);
    rejectsAt(UserResponse, userFixture({ created_at: 'yesterday' }), ['created_at']);
  });

  it('lists users in pages', () => {
    const page = { items: [userFixture()], total: 1, page: 1, limit: 20 };
    expect(UserListResponse.safeParse(page).success).toBe(true);
  });
});

describe('admin user requests', () => {
  const valid = {
    email: 'Host@Example.com',
    password: 'correct horse',
    display_name: 'Host',
    role: 'host',
  };

  it('create users with email, password, display name and role', () => {
    expect(parses(CreateUserRequest, valid)).toEqual({ ...valid, email: 'host@example.com' });
    rejectsAt(CreateUserRequest, { ...valid, password: 'short' }, ['password']);
    rejectsAt(CreateUserRequest, { ...valid, role: 'owner' }, ['role']);
    rejectsAt(CreateUserRequest, { ...valid, is_admin: true }, []);
  });

  it('update role, display name and disabled, each optional', () => {
    expect(parses(UpdateUserRequest, {})).toEqual({});
    expect(parses(UpdateUserRequest, { disabled: true })).toEqual({ disabled: true });
    rejectsAt(UpdateUserRequest, { email: 'x@example.com' }, []);
  });

  it('set a new password', () => {
    rejectsAt(UpdateUserPasswordRequest, { password: '1234567' }, ['password']);
    expect(UpdateUserPasswordRequest.safeParse({ password: '12345678' }).success).toBe(true);
  });

  it('search by q and role, paginated', () => {
    expect(parses(UserListQuery, { q: ' ann ', role: 'admin', page: '2' })).toEqual({
      q: 'ann',
      role: 'admin',
      page: 2,
      limit: 20,
    });
    rejectsAt(UserListQuery, { role: 'root' }, ['role']);
    rejectsAt(UserListQuery, { sort: 'name' }, []);
  });
});
