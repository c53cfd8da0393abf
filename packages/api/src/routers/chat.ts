import {
  ChatCursorQuery,
  ChatMessageParam,
  ChatMessageResponse,
  ChatMessagesResponse,
  CreateChatMessageRequest,
  Id,
  ChatMessageDeletedResponse,
} from '@vidinfra/domain';
import { operation } from '../operation.ts';

export const chatOps = {
  list: operation({
    name: 'Get chat messages for a session',
    description:
      'Attendees (signed in, not banned). Newest first, cursor-paginated: `limit`, and `before` (a message id of this session, else 400) for older pages; `next_before` names the next cursor while `has_more`.',
    method: 'GET',
    path: '/sessions/{id}/chat',
    caller: 'attendee',
    resource: 'session',
    input: ChatCursorQuery.extend({ id: Id }),
    output: ChatMessagesResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) => ctx.services.chat.list(ctx.access, query),
  }),
  send: operation({
    name: 'Send a chat message',
    description:
      "Attendees (signed in, not banned). 1–500 characters. 403 BANNED or CHAT_DISABLED; 429 SLOW_MODE within the session's slow-mode interval (staff are exempt) and RATE_LIMITED past 10 messages in 10 s, both with a retry time. Everyone in the session receives it in realtime.",
    method: 'POST',
    path: '/sessions/{id}/chat',
    caller: 'attendee',
    resource: 'session',
    input: CreateChatMessageRequest.extend({ id: Id }),
    output: ChatMessageResponse,
    handle: ({ ctx, input: { id: _id, ...message } }) =>
      ctx.services.chat.send(ctx.access, ctx.actor, message),
  }),
  delete: operation({
    name: 'Delete a chat message',
    description:
      "The message's author or the session's staff. Soft delete: gone from lists, kept for the record; everyone's clients drop it in realtime. 404 when the message is not of this session or already deleted.",
    method: 'DELETE',
    path: '/sessions/{id}/chat/{message_id}',
    caller: 'author_or_staff',
    resource: 'chat_message',
    input: ChatMessageParam,
    output: ChatMessageDeletedResponse,
    handle: ({ ctx, input }) => ctx.services.chat.delete(input.id, ctx.actor, input.message_id),
  }),
};
