import { describe, expect, it } from 'vitest';
import { uuid } from '../testing/fixtures.ts';
import {
  ChannelName,
  channelName,
  parseChannel,
  sessionChannel,
  staffChannel,
  userChannel,
} from './channels.ts';

describe('channel names', () => {
  const id = uuid();

  it('builds the three forms', () => {
    expect(sessionChannel(id)).toBe(`session:${id}`);
    expect(staffChannel(id)).toBe(`session:${id}:staff`);
    expect(userChannel(id)).toBe(`user:${id}`);
  });

  it('parses each form back', () => {
    expect(parseChannel(`session:${id}`)).toEqual({ kind: 'session', sessionId: id });
    expect(parseChannel(`session:${id}:staff`)).toEqual({ kind: 'staff', sessionId: id });
    expect(parseChannel(`user:${id}`)).toEqual({ kind: 'user', userId: id });
  });

  it.each(['session', 'staff', 'user'] as const)('round-trips %s channels', (kind) => {
    const parsed = parseChannel(channelName(kind, id));
    expect(parsed?.kind).toBe(kind);
    expect(Object.values(parsed ?? {})).toContain(id);
  });

  it.each([
    '',
    'session:',
    'session:not-a-uuid',
    `user:${id}:staff`,
    `session:${id}:admin`,
    `session:${id}:staff:x`,
    `room:${id}`,
    ` session:${id}`,
    `session:${id}extra`,
  ])('rejects %j', (name) => {
    expect(parseChannel(name)).toBeNull();
    expect(ChannelName.safeParse(name).success).toBe(false);
  });
});
