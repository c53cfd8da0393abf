// Shapes shared by many operations: path parameters, page-based pagination, paginated lists.
import { z } from 'zod';
import { Count, Id } from './fields.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `?page=1&limit=20` — query strings are coerced to numbers; limit ≤ 100. */
export const PaginationQuery = z
  .strictObject({
    page: z.coerce.number().int().min(1).default(1),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .meta({ id: 'PaginationQuery' });
export type PaginationQuery = z.infer<typeof PaginationQuery>;

/** A free-text search term (`?q=`), trimmed, 1–200 characters. */
export const SearchTerm = z.string().trim().min(1).max(200);

/** `{items, total, page, limit}` for the given item schema. */
export function paginated<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: Count,
    page: z.number().int().min(1),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
  });
}

/** The resource named by `{id}` in the path. */
export const IdParam = z.strictObject({ id: Id }).meta({ id: 'IdParam' });
export type IdParam = z.infer<typeof IdParam>;

/** `/sessions/{id}/…/{userId}` (cohosts, moderators, stage, hands, bans). */
export const SessionUserParam = z
  .strictObject({ id: Id, user_id: Id })
  .meta({ id: 'SessionUserParam' });
export type SessionUserParam = z.infer<typeof SessionUserParam>;

/** `/sessions/{id}/chat/{messageId}`. */
export const ChatMessageParam = z
  .strictObject({ id: Id, message_id: Id })
  .meta({ id: 'ChatMessageParam' });
export type ChatMessageParam = z.infer<typeof ChatMessageParam>;

/** `/sessions/{id}/join_requests/{requestId}/…`. */
export const JoinRequestParam = z
  .strictObject({ id: Id, request_id: Id })
  .meta({ id: 'JoinRequestParam' });
export type JoinRequestParam = z.infer<typeof JoinRequestParam>;

/** `/libraries/{libraryId}` and everything scoped under it. */
export const LibraryParam = z.strictObject({ library_id: Id }).meta({ id: 'LibraryParam' });
export type LibraryParam = z.infer<typeof LibraryParam>;

/** `/libraries/{libraryId}/members/{userId}`. */
export const LibraryMemberParam = z
  .strictObject({ library_id: Id, user_id: Id })
  .meta({ id: 'LibraryMemberParam' });
export type LibraryMemberParam = z.infer<typeof LibraryMemberParam>;

/** The answer of every delete operation that removes one resource. */
export const DeleteResponse = z
  .object({ id: Id, deleted: z.literal(true) })
  .meta({ id: 'DeleteResponse' });
