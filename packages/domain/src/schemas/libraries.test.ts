import { describe, expect, it } from 'vitest';
import { AT, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  AddLibraryMemberRequest,
  CreateLibraryRequest,
  LibraryListResponse,
  LibraryMemberListResponse,
  LibraryResponse,
} from './libraries.ts';

describe('libraries', () => {
  it('are created with a name and description', () => {
    expect(parses(CreateLibraryRequest, { name: ' Marketing ' })).toEqual({ name: 'Marketing' });
    rejectsAt(CreateLibraryRequest, { name: '' }, ['name']);
    rejectsAt(CreateLibraryRequest, { name: 'M', owner_id: uuid() }, []);
  });

  it("show the caller's role and the member count", () => {
    const library = {
      id: uuid(),
      name: 'Marketing',
      owner_id: uuid(),
      role: 'member',
      member_count: 3,
      created_at: AT,
    };
    expect(parses(LibraryResponse, library)).toEqual(library);
    const page = { items: [library], total: 1, page: 1, limit: 20 };
    expect(LibraryListResponse.safeParse(page).success).toBe(true);
  });

  it('add members as member unless owner is asked for', () => {
    const user_id = uuid();
    expect(parses(AddLibraryMemberRequest, { user_id })).toEqual({ user_id, role: 'member' });
    expect(parses(AddLibraryMemberRequest, { user_id, role: 'owner' }).role).toBe('owner');
    rejectsAt(AddLibraryMemberRequest, { user_id, role: 'admin' }, ['role']);
  });

  it('list members in pages', () => {
    const member = {
      library_id: uuid(),
      user_id: uuid(),
      display_name: 'Ann',
      email: 'ann@example.com',
      role: 'owner',
      added_at: AT,
    };
    const page = { items: [member], total: 1, page: 1, limit: 20 };
    expect(parses(LibraryMemberListResponse, page)).toEqual(page);
  });
});
