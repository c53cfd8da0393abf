// Session chat: 1–500 characters, newest-first cursor pagination, soft delete.
import { z } from 'zod';
import { SessionRole } from '../roles.ts';
import { Id, Timestamp, trimmedText, userRef } from './fields.ts';

export const CHAT_MESSAGE_MAX_LENGTH = 500;

export const CreateChatMessageRequest = z
  .strictObject({ text: trimmedText(1, CHAT_MESSAGE_MAX_LENGTH) })
  .meta({ id: 'CreateChatMessageRequest' });
export type CreateChatMessageRequest = z.infer<typeof CreateChatMessageRequest>;

export const ChatMessageResponse = z
  .object({
    id: Id,
    session_id: Id,
    ...userRef,
    /** The author's role in the session, for badges. */
    role: SessionRole,
    text: z.string(),
    created_at: Timestamp,
  })
  .meta({ id: 'ChatMessageResponse' });
export type ChatMessageResponse = z.infer<typeof ChatMessageResponse>;

/** `?before=<message id>&limit=50`: the messages older than `before` (newest first). */
export const ChatCursorQuery = z
  .strictObject({
    before: Id.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .meta({ id: 'ChatCursorQuery' });
export type ChatCursorQuery = z.infer<typeof ChatCursorQuery>;

export const ChatMessagesResponse = z
  .object({
    items: z.array(ChatMessageResponse),
    has_more: z.boolean(),
    /** Pass as `before` to get the next (older) page; absent when `has_more` is false. */
    next_before: Id.optional(),
  })
  .meta({ id: 'ChatMessagesResponse' });
export type ChatMessagesResponse = z.infer<typeof ChatMessagesResponse>;

export const ChatMessageDeletedResponse = z
  .object({ id: Id, session_id: Id, deleted: z.literal(true) })
  .meta({ id: 'ChatMessageDeletedResponse' });
