import { describe, expect, expectTypeOf, it } from 'vitest';
import { AT, uuid } from '../testing/fixtures.ts';
import { CLIENT_ACTIONS } from './actions.ts';
import { sessionChannel, staffChannel } from './channels.ts';
import { SERVER_MESSAGES } from './messages.ts';
import {
  REALTIME_MESSAGE_NAMES,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './protocol.ts';

describe('SERVER_MESSAGES', () => {
  const session_id = uuid();

  it('has the durable envelope and the ephemeral messages', () => {
    expect(Object.keys(SERVER_MESSAGES).sort()).toEqual(
      ['channel:removed', 'event', 'rtc:signalled', 'stage:unpublish', 'viewer_count'].sort(),
    );
  });

  it.each([
    ['viewer_count', { session_id, count: 3 }],
    [
      'channel:removed',
      { channels: [sessionChannel(session_id), staffChannel(session_id)], reason: 'banned' },
    ],
    ['stage:unpublish', { session_id }],
    [
      'rtc:signalled',
      { session_id, from_user_id: session_id, call_id: 'c-1', kind: 'answer', sdp: 'v=0' },
    ],
    [
      'event',
      {
        event: 'host.video',
        channel: sessionChannel(session_id),
        seq: 1,
        payload: { session_id, enabled: true },
        at: AT,
      },
    ],
  ] as const)('%s accepts %j', (name, message) => {
    expect(SERVER_MESSAGES[name].safeParse(message).success).toBe(true);
  });

  it('rejects a negative count and an unknown channel', () => {
    expect(SERVER_MESSAGES.viewer_count.safeParse({ session_id, count: -1 }).success).toBe(false);
    expect(
      SERVER_MESSAGES['channel:removed'].safeParse({ channels: ['admin:all'], reason: 'banned' })
        .success,
    ).toBe(false);
  });
});

describe('REALTIME_MESSAGE_NAMES', () => {
  it('names every message of both directions once', () => {
    const names = [...Object.keys(SERVER_MESSAGES), ...Object.keys(CLIENT_ACTIONS)];
    expect([...REALTIME_MESSAGE_NAMES].sort()).toEqual(names.sort());
    expect(new Set(REALTIME_MESSAGE_NAMES).size).toBe(REALTIME_MESSAGE_NAMES.length);
  });

  it('types the listeners and the acks', () => {
    expectTypeOf<Parameters<ServerToClientEvents['viewer_count']>[0]>().toEqualTypeOf<{
      session_id: string;
      count: number;
    }>();
    type ResyncAck = Parameters<Parameters<ClientToServerEvents['resync']>[1]>[0];
    expectTypeOf<Extract<ResyncAck, { ok: true }>['data']['complete']>().toEqualTypeOf<boolean>();
  });
});
