// Libraries: shared workspaces; rooms, sessions and presets created in one belong to it.
import { z } from 'zod';
import { LibraryRole } from '../roles.ts';
import { paginated } from './common.ts';
import { Count, Email, Id, Timestamp, Title, userRef } from './fields.ts';

export const CreateLibraryRequest = z
  .strictObject({ name: Title })
  .meta({ id: 'CreateLibraryRequest' });
export type CreateLibraryRequest = z.infer<typeof CreateLibraryRequest>;

export const LibraryResponse = z
  .object({
    id: Id,
    name: z.string(),
    owner_id: Id,
    /** The caller's role in the library. */
    role: LibraryRole,
    member_count: Count,
    created_at: Timestamp,
  })
  .meta({ id: 'LibraryResponse' });
export type LibraryResponse = z.infer<typeof LibraryResponse>;

export const LibraryListResponse = paginated(LibraryResponse).meta({ id: 'LibraryListResponse' });
export type LibraryListResponse = z.infer<typeof LibraryListResponse>;

export const AddLibraryMemberRequest = z
  .strictObject({ user_id: Id, role: LibraryRole.default('member') })
  .meta({ id: 'AddLibraryMemberRequest' });
export type AddLibraryMemberRequest = z.infer<typeof AddLibraryMemberRequest>;

export const LibraryMemberResponse = z
  .object({
    library_id: Id,
    ...userRef,
    email: Email.optional(),
    role: LibraryRole,
    added_at: Timestamp,
  })
  .meta({ id: 'LibraryMemberResponse' });
export type LibraryMemberResponse = z.infer<typeof LibraryMemberResponse>;

export const LibraryMemberListResponse = paginated(LibraryMemberResponse).meta({
  id: 'LibraryMemberListResponse',
});
export type LibraryMemberListResponse = z.infer<typeof LibraryMemberListResponse>;
