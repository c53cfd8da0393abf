// User administration: accounts, roles, passwords and sign-ins, by a platform admin.
import {
  DomainError,
  type CreateUserRequest,
  type UpdateUserPasswordRequest,
  type UpdateUserRequest,
  type UserListQuery,
  type UserListResponse,
  type UserResponse,
} from '@vidinfra/domain';
import type { Repositories, User } from '@vidinfra/db';
import type { Actor } from '../actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import { signOutEverywhere } from '../auth/sign-out.ts';
import type { Deps } from '../deps.ts';
import { toUserResponse } from '../mappers.ts';

export interface RevokedSessionsResponse {
  user_id: string;
  /** Refresh-token families (signed-in devices) that were revoked. */
  revoked_sessions: number;
}

const userNotFound = () => new DomainError('NOT_FOUND', 'user not found');

const isEnabledAdmin = (user: Pick<User, 'role' | 'disabled'>) =>
  user.role === 'admin' && !user.disabled;

/** Refuses a change that would take admin rights from the caller or from the last admin. */
async function keepAnAdmin(r: Repositories, actor: Actor, target: User): Promise<void> {
  if (target.id === actor.id) {
    throw new DomainError('BUSINESS_RULE', 'you cannot demote or disable your own account');
  }
  const admins = await r.users.lockEnabledAdmins();
  if (!admins.some((id) => id !== target.id)) {
    throw new DomainError('BUSINESS_RULE', 'the last admin cannot be demoted or disabled');
  }
}

export const adminUsersService = ({ db }: Deps) => {
  const load = async (id: string): Promise<User> => {
    const user = await db.repos.users.findById(id);
    if (!user) throw userNotFound();
    return user;
  };

  return {
    /** CONFLICT (field `email`) when the email is taken. */
    async createUser(input: CreateUserRequest): Promise<UserResponse> {
      const passwordHash = await hashPassword(input.password);
      try {
        const user = await db.repos.users.create({
          email: input.email,
          passwordHash,
          displayName: input.display_name,
          role: input.role,
        });
        return toUserResponse(user);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'CONFLICT') {
          throw new DomainError('CONFLICT', 'a user with this email already exists', {
            details: [{ field: 'email', message: 'email already exists' }],
          });
        }
        throw error;
      }
    },

    async listUsers(query: UserListQuery): Promise<UserListResponse> {
      const page = await db.repos.users.list(query);
      return { ...page, items: page.items.map(toUserResponse) };
    },

    async getUser(id: string): Promise<UserResponse> {
      return toUserResponse(await load(id));
    },

    /** Disabling signs the user out everywhere (their access tokens are refused at once). */
    async updateUser(id: string, actor: Actor, patch: UpdateUserRequest): Promise<UserResponse> {
      return db.transaction(async (r) => {
        const user = await r.users.findById(id);
        if (!user) throw userNotFound();
        const next = { role: patch.role ?? user.role, disabled: patch.disabled ?? user.disabled };
        if (isEnabledAdmin(user) && !isEnabledAdmin(next)) await keepAnAdmin(r, actor, user);
        const updated = await r.users.update(id, {
          displayName: patch.display_name,
          role: patch.role,
          disabled: patch.disabled,
        });
        if (!updated) throw userNotFound();
        if (patch.disabled) await signOutEverywhere(r, id, 'account disabled');
        return toUserResponse(updated);
      });
    },

    /** The user's other sign-ins are revoked: every device must sign in with the new password. */
    async setUserPassword(
      id: string,
      { password }: UpdateUserPasswordRequest,
    ): Promise<RevokedSessionsResponse> {
      await load(id);
      const passwordHash = await hashPassword(password);
      return db.transaction(async (r) => {
        if (!(await r.users.update(id, { passwordHash }))) throw userNotFound();
        const revoked = await signOutEverywhere(r, id, 'password changed by an admin');
        return { user_id: id, revoked_sessions: revoked };
      });
    },

    /** Revokes every refresh-token family of the user. */
    async revokeUserSessions(id: string): Promise<RevokedSessionsResponse> {
      await load(id);
      const revoked = await db.transaction((r) => signOutEverywhere(r, id, 'revoked by an admin'));
      return { user_id: id, revoked_sessions: revoked };
    },
  };
};
