import {
  DomainError,
  type AddLibraryMemberRequest,
  type CreateLibraryRequest,
  type LibraryListResponse,
  type LibraryMemberListResponse,
  type LibraryMemberResponse,
  type LibraryResponse,
  type LibraryRole,
  type PaginationQuery,
} from '@vidinfra/domain';
import type { Library, Repositories } from '@vidinfra/db';
import type { MemberLibraryAccess } from './access.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { iso, orUndefined } from './mappers.ts';

type LibraryMemberRow = Awaited<ReturnType<Repositories['libraries']['members']>>[number];

const toLibraryResponse = (
  library: Library,
  role: LibraryRole,
  memberCount: number,
): LibraryResponse => ({
  id: library.id,
  name: library.name,
  owner_id: library.ownerId,
  role,
  member_count: memberCount,
  created_at: iso(library.createdAt),
});

const toMemberResponse = (libraryId: string, member: LibraryMemberRow): LibraryMemberResponse => ({
  library_id: libraryId,
  user_id: member.userId,
  display_name: member.displayName,
  email: orUndefined(member.email),
  role: member.role,
  added_at: iso(member.createdAt),
});

const lastOwner = () =>
  new DomainError('CONFLICT', 'a library needs an owner; make someone else owner first');

/** Refuses a change that takes the owner role from the library's only owner. */
async function keepAnOwner(r: Repositories, libraryId: string, userId: string): Promise<void> {
  const role = await r.libraries.membership(libraryId, userId);
  if (role === 'owner' && (await r.libraries.countOwners(libraryId)) <= 1) throw lastOwner();
}

export const librariesService = ({ db }: Deps) => ({
  /** The creator becomes its owner member. */
  async create(actor: Actor, input: CreateLibraryRequest): Promise<LibraryResponse> {
    const library = await db.repos.libraries.create(input.name, actor.id);
    return toLibraryResponse(library, 'owner', 1);
  },

  /** The libraries the caller belongs to, with the caller's role in each. */
  async listMine(actor: Actor, query: PaginationQuery): Promise<LibraryListResponse> {
    const page = await db.repos.libraries.pageForUser(actor.id, query);
    return {
      ...page,
      items: page.items.map((library) =>
        toLibraryResponse(library, library.memberRole, library.memberCount),
      ),
    };
  },

  /** The library as a member sees it, with their role. */
  async get({ library, role }: MemberLibraryAccess): Promise<LibraryResponse> {
    return toLibraryResponse(library, role, await db.repos.libraries.memberCount(library.id));
  },

  async members(libraryId: string, query: PaginationQuery): Promise<LibraryMemberListResponse> {
    const page = await db.repos.libraries.memberPage(libraryId, query);
    return { ...page, items: page.items.map((member) => toMemberResponse(libraryId, member)) };
  },

  /** Adds the user, or changes the role of a member; the last owner cannot become a member. */
  async putMember(
    libraryId: string,
    { user_id, role }: AddLibraryMemberRequest,
  ): Promise<LibraryMemberResponse> {
    const user = await db.repos.users.findById(user_id);
    if (!user) throw new DomainError('NOT_FOUND', 'user not found');
    const member = await db.transaction(async (r) => {
      await r.libraries.lock(libraryId);
      if (role !== 'owner') await keepAnOwner(r, libraryId, user_id);
      return r.libraries.putMember(libraryId, user_id, role);
    });
    return toMemberResponse(libraryId, {
      ...member,
      displayName: user.displayName,
      email: user.email,
    });
  },

  /** NOT_FOUND when not a member; CONFLICT when it would leave the library without an owner. */
  async removeMember(
    libraryId: string,
    userId: string,
  ): Promise<{ library_id: string; user_id: string; removed: true }> {
    await db.transaction(async (r) => {
      await r.libraries.lock(libraryId);
      if (!(await r.libraries.membership(libraryId, userId))) {
        throw new DomainError('NOT_FOUND', 'this user is not a member of the library');
      }
      await keepAnOwner(r, libraryId, userId);
      await r.libraries.removeMember(libraryId, userId);
    });
    return { library_id: libraryId, user_id: userId, removed: true };
  },
});
