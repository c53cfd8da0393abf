import { describe, expect, it } from 'vitest';
import { chatMessageFixture, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  ChatCursorQuery,
  ChatMessageResponse,
  ChatMessagesResponse,
  CreateChatMessageRequest,
} from './chat.ts';

describe('CreateChatMessageRequest', () => {
  it('trims the text', () => {
    expect(parses(CreateChatMessageRequest, { text: '  hello  ' })).toEqual({ text: 'hello' });
  });

  it('takes 1–500 characters after trimming', () => {
    expect(CreateChatMessageRequest.safeParse({ text: `${'x'.repeat(500)}   ` }).success).toBe(
      true,
    );
    rejectsAt(CreateChatMessageRequest, { text: '   ' }, ['text']);
    rejectsAt(CreateChatMessageRequest, { text: 'x'.repeat(501) }, ['text']);
    rejectsAt(CreateChatMessageRequest, { text: 'hi', user_id: uuid() }, []);
  });
});

describe('ChatCursorQuery', () => {
  it('defaults to the newest 50 and coerces limit', () => {
    expect(parses(ChatCursorQuery, {})).toEqual({ limit: 50 });
    const before = uuid();
    expect(parses(ChatCursorQuery, { before, limit: '10' })).toEqual({ before, limit: 10 });
    rejectsAt(ChatCursorQuery, { limit: '101' }, ['limit']);
    rejectsAt(ChatCursorQuery, { before: '2025-01-01' }, ['before']);
    rejectsAt(ChatCursorQuery, { page: '2' }, []);
  });
});

describe('chat responses', () => {
  it('show the author and their session role', () => {
    const message = chatMessageFixture({ role: 'moderator' });
    expect(parses(ChatMessageResponse, message)).toEqual(message);
    rejectsAt(ChatMessageResponse, chatMessageFixture({ role: 'vip' }), ['role']);
  });

  it('page backwards with has_more / next_before', () => {
    const items = [chatMessageFixture(), chatMessageFixture()];
    const body = { items, has_more: true, next_before: items[1]!.id };
    expect(parses(ChatMessagesResponse, body)).toEqual(body);
    expect(ChatMessagesResponse.safeParse({ items: [], has_more: false }).success).toBe(true);
  });
});
