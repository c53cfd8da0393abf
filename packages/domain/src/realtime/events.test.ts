import { describe, expect, it } from 'vitest';
import { AT, chatMessageFixture, pollFixture, sessionFixture, uuid } from '../testing/fixtures.ts';
import { sessionChannel, staffChannel, userChannel } from './channels.ts';
import type { RealtimeEventName } from './events.ts';
import {
  REALTIME_EVENTS,
  RealtimeEnvelope,
  buildRealtimeMessage,
  channelForEvent,
  parseRealtimeMessage,
} from './events.ts';

const EXPECTED_CHANNELS: Record<RealtimeEventName, 'session' | 'staff' | 'user'> = {
  'session.status_changed': 'session',
  'session.settings_updated': 'session',
  'session.rescheduled': 'session',
  'host.video': 'session',
  'host.audio': 'session',
  'chat.message_created': 'session',
  'chat.message_deleted': 'session',
  'poll.created': 'session',
  'poll.updated': 'session',
  'poll.closed': 'session',
  'hand.raised': 'staff',
  'hand.lowered': 'staff',
  'hand.approved': 'user',
  'hand.rejected': 'user',
  'join_request.created': 'staff',
  'join_request.approved': 'user',
  'join_request.rejected': 'user',
  'stage.participant_added': 'session',
  'stage.participant_removed': 'session',
  'stage.permissions_updated': 'session',
  'moderation.banned': 'staff',
  'moderation.unbanned': 'staff',
  'recording.started': 'session',
  'recording.stopped': 'session',
  'recording.ready': 'staff',
  'recording.failed': 'staff',
  'output.state_changed': 'staff',
  'auth.signed_out': 'user',
  'reminder.rescheduled': 'user',
};

describe('REALTIME_EVENTS', () => {
  it('has exactly the platform events, each on its channel', () => {
    const actual = Object.fromEntries(
      Object.entries(REALTIME_EVENTS).map(([event, { channel }]) => [event, channel]),
    );
    expect(actual).toEqual(EXPECTED_CHANNELS);
  });

  it('routes an event to the channel of its kind', () => {
    const id = uuid();
    expect(channelForEvent('chat.message_created', id)).toBe(sessionChannel(id));
    expect(channelForEvent('hand.raised', id)).toBe(staffChannel(id));
    expect(channelForEvent('reminder.rescheduled', id)).toBe(userChannel(id));
  });

  it('types payloads with the resource schemas', () => {
    const message = chatMessageFixture();
    expect(REALTIME_EVENTS['chat.message_created'].payload.parse(message)).toEqual(message);
    expect(REALTIME_EVENTS['poll.updated'].payload.safeParse(pollFixture()).success).toBe(true);
    expect(
      REALTIME_EVENTS['session.settings_updated'].payload.safeParse({
        session_id: uuid(),
        settings: sessionFixture().settings,
      }).success,
    ).toBe(true);
  });
});

describe('RealtimeEnvelope / parseRealtimeMessage', () => {
  const sessionId = uuid();
  const envelope = (overrides: Record<string, unknown> = {}) => ({
    event: 'chat.message_deleted',
    channel: sessionChannel(sessionId),
    seq: 7,
    payload: { session_id: sessionId, message_id: sessionId },
    at: AT,
    ...overrides,
  });

  it('accepts a well-formed message', () => {
    expect(RealtimeEnvelope.safeParse(envelope()).success).toBe(true);
    expect(parseRealtimeMessage(envelope())).toEqual({ ok: true, message: envelope() });
  });

  it('rejects an unknown event', () => {
    expect(parseRealtimeMessage(envelope({ event: 'chat.exploded' })).ok).toBe(false);
  });

  it('rejects a payload that does not match its event', () => {
    const result = parseRealtimeMessage(envelope({ payload: { session_id: sessionId } }));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('message_id') });
  });

  it('rejects an event on the wrong kind of channel', () => {
    const result = parseRealtimeMessage(envelope({ channel: staffChannel(sessionId) }));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('not sent on') });
  });

  it('rejects negative sequence numbers and non-UTC times', () => {
    expect(RealtimeEnvelope.safeParse(envelope({ seq: -1 })).success).toBe(false);
    expect(RealtimeEnvelope.safeParse(envelope({ at: '2025-01-31T18:00:00+01:00' })).success).toBe(
      false,
    );
  });

  it('builds validated messages', () => {
    const userId = uuid();
    const payload = {
      room_id: uuid(),
      session_id: sessionId,
      title: 'Launch',
      scheduled_at: AT,
      previous_scheduled_at: AT,
    };
    const built = buildRealtimeMessage('reminder.rescheduled', userId, payload, 3, new Date(AT));
    expect(built).toEqual({
      event: 'reminder.rescheduled',
      channel: userChannel(userId),
      seq: 3,
      payload,
      at: AT,
    });
    expect(parseRealtimeMessage(built).ok).toBe(true);
    expect(() =>
      buildRealtimeMessage(
        'chat.message_deleted',
        sessionId,
        { session_id: sessionId } as never,
        0,
      ),
    ).toThrow();
  });
});
