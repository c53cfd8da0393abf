import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  ChatMessageParam,
  IdParam,
  LibraryMemberParam,
  PaginationQuery,
  SessionUserParam,
  paginated,
} from './common.ts';

describe('PaginationQuery', () => {
  it('defaults to page 1, limit 20', () => {
    expect(parses(PaginationQuery, {})).toEqual({ page: 1, limit: 20 });
  });

  it('coerces query-string numbers', () => {
    expect(parses(PaginationQuery, { page: '3', limit: '100' })).toEqual({ page: 3, limit: 100 });
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: 'abc' }, 'page'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
  ])('rejects %j at %s', (query, field) => rejectsAt(PaginationQuery, query, [field]));

  it('rejects unknown parameters', () => rejectsAt(PaginationQuery, { sort: 'x' }, []));
});

describe('paginated', () => {
  const Page = paginated(z.object({ id: z.string() }));

  it('builds {items, total, page, limit}', () => {
    const page = { items: [{ id: 'a' }], total: 41, page: 3, limit: 20 };
    expect(parses(Page, page)).toEqual(page);
  });

  it('validates items and counters', () => {
    rejectsAt(Page, { items: [{}], total: 1, page: 1, limit: 20 }, ['items', 0, 'id']);
    rejectsAt(Page, { items: [], total: -1, page: 1, limit: 20 }, ['total']);
    rejectsAt(Page, { items: [], total: 0, page: 1, limit: 500 }, ['limit']);
  });
});

describe('path parameters', () => {
  it('require UUIDs under snake_case names', () => {
    const id = uuid();
    const user_id = uuid();
    expect(parses(IdParam, { id })).toEqual({ id });
    expect(parses(SessionUserParam, { id, user_id })).toEqual({ id, user_id });
    rejectsAt(IdParam, { id: '42' }, ['id']);
    rejectsAt(ChatMessageParam, { id, message_id: 'x' }, ['message_id']);
    rejectsAt(LibraryMemberParam, { library_id: id, userId: user_id }, ['user_id']);
  });
});
