import { describe, expect, it } from 'vitest';
import { AT, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  CreateRoomRequest,
  RoomListQuery,
  RoomListResponse,
  RoomResponse,
  UpdateRoomRequest,
} from './rooms.ts';

describe('CreateRoomRequest', () => {
  it('trims text and defaults to a public room', () => {
    expect(parses(CreateRoomRequest, { name: '  Weekly demo ' })).toEqual({
      name: 'Weekly demo',
      visibility: 'public',
    });
  });

  it('bounds name and description, checks visibility, rejects unknown keys', () => {
    rejectsAt(CreateRoomRequest, { name: ' ' }, ['name']);
    rejectsAt(CreateRoomRequest, { name: 'x'.repeat(201) }, ['name']);
    rejectsAt(CreateRoomRequest, { name: 'x', description: 'd'.repeat(5001) }, ['description']);
    rejectsAt(CreateRoomRequest, { name: 'x', visibility: 'secret' }, ['visibility']);
    rejectsAt(CreateRoomRequest, { name: 'x', owner_id: uuid() }, []);
  });
});

describe('UpdateRoomRequest', () => {
  it('changes only what is sent (no defaults injected)', () => {
    expect(parses(UpdateRoomRequest, {})).toEqual({});
    expect(parses(UpdateRoomRequest, { visibility: 'private' })).toEqual({ visibility: 'private' });
    rejectsAt(UpdateRoomRequest, { name: '' }, ['name']);
  });
});

describe('RoomResponse', () => {
  const room = {
    id: uuid(),
    owner_id: uuid(),
    name: 'Weekly demo',
    visibility: 'private',
    created_at: AT,
    updated_at: AT,
  };
  const analytics = {
    total_sessions: 4,
    live_sessions: 1,
    total_viewers: 120,
    total_watch_seconds: 36000,
  };

  it('carries analytics only when given (host side)', () => {
    expect(parses(RoomResponse, room)).toEqual(room);
    expect(parses(RoomResponse, { ...room, analytics, library_id: uuid() }).analytics).toEqual(
      analytics,
    );
    rejectsAt(RoomResponse, { ...room, analytics: { ...analytics, live_sessions: -1 } }, [
      'analytics',
      'live_sessions',
    ]);
  });

  it('lists rooms in pages, searchable with q', () => {
    expect(
      RoomListResponse.safeParse({ items: [room], total: 1, page: 1, limit: 20 }).success,
    ).toBe(true);
    expect(parses(RoomListQuery, { q: 'demo' })).toEqual({ q: 'demo', page: 1, limit: 20 });
  });
});
