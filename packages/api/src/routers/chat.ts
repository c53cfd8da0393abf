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
    method: 'GET',
    path: '/sessions/{id}/chat',
    caller: 'attendee',
    resource: 'session',
    input: ChatCursorQuery.extend({ id: Id }),
    output: ChatMessagesResponse,
    handle: ({ ctx, input: { id: _id, ...query } }) => ctx.services.chat.list(ctx.access!, query),
  }),
  send: operation({
    name: 'Send a chat message',
    method: 'POST',
    path: '/sessions/{id}/chat',
    caller: 'attendee',
    resource: 'session',
    input: CreateChatMessageRequest.extend({ id: Id }),
    output: ChatMessageResponse,
    handle: ({ ctx, input: { id: _id, ...message } }) =>
      ctx.services.chat.send(ctx.access!, ctx.actor!, message),
  }),
  delete: operation({
    name: 'Delete a chat message',
    method: 'DELETE',
    path: '/sessions/{id}/chat/{message_id}',
    caller: 'author_or_staff',
    resource: 'chat_message',
    input: ChatMessageParam,
    output: ChatMessageDeletedResponse,
    handle: ({ ctx, input }) => ctx.services.chat.delete(input.id, ctx.actor!, input.message_id),
  }),
};
