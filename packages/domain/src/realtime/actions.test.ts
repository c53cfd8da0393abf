import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { chatMessageFixture, rejectsAt, uuid } from '../testing/fixtures.ts';
import { sessionChannel } from './channels.ts';
import { CLIENT_ACTIONS, ackError, ackOk, ackSchema } from './actions.ts';

describe('CLIENT_ACTIONS', () => {
  const session_id = uuid();

  it('lists the client actions', () => {
    expect(Object.keys(CLIENT_ACTIONS).sort()).toEqual(
      [
        'chat:send',
        'hand:lower',
        'hand:raise',
        'join_request:create',
        'playback:report',
        'poll:vote',
        'resync',
        'rtc:signal',
        'subscribe',
        'unsubscribe',
      ].sort(),
    );
  });

  it.each([
    ['chat:send', { session_id, text: '  hi  ' }],
    ['poll:vote', { poll_id: uuid(), option_ids: [uuid()] }],
    ['hand:raise', { session_id }],
    ['hand:raise', { session_id, message: 'Question about pricing' }],
    ['hand:lower', { session_id }],
    ['join_request:create', { session_id }],
    ['subscribe', { channel: sessionChannel(session_id) }],
    ['unsubscribe', { channel: `session:${session_id}:staff` }],
    ['resync', { channel: sessionChannel(session_id), after_seq: 12 }],
    [
      'playback:report',
      { session_id, latency_ms: 4200, stalls: 1, stall_ms: 800, bitrate_bps: 2e6, period_ms: 1e4 },
    ],
    ['rtc:signal', { session_id, to_user_id: uuid(), call_id: 'c-1', kind: 'call' }],
    ['rtc:signal', { session_id, to_user_id: uuid(), call_id: 'c-1', kind: 'offer', sdp: 'v=0' }],
    [
      'rtc:signal',
      {
        session_id,
        to_user_id: uuid(),
        call_id: 'c-1',
        kind: 'ice',
        candidate: { candidate: '', sdp_mid: null, sdp_m_line_index: null },
      },
    ],
  ] as const)('%s accepts %j', (action, payload) => {
    expect(CLIENT_ACTIONS[action].payload.safeParse(payload).success).toBe(true);
  });

  it('refuses a playback report with impossible figures', () => {
    const report = CLIENT_ACTIONS['playback:report'].payload;
    const good = {
      session_id,
      latency_ms: 4200,
      stalls: 1,
      stall_ms: 800,
      bitrate_bps: 2e6,
      period_ms: 1e4,
    };
    rejectsAt(report, { ...good, stall_ms: 20_000 }, ['stall_ms']);
    rejectsAt(report, { ...good, latency_ms: -1 }, ['latency_ms']);
    rejectsAt(report, { ...good, period_ms: 0 }, ['period_ms']);
    rejectsAt(report, { ...good, stalls: 1.5 }, ['stalls']);
    rejectsAt(report, { ...good, session_id: 'nope' }, ['session_id']);
    rejectsAt(report, { ...good, user_id: session_id }, []);
  });

  it('refuses a signal of the wrong shape or size', () => {
    const signal = CLIENT_ACTIONS['rtc:signal'].payload;
    const good = { session_id, to_user_id: uuid(), call_id: 'c-1', kind: 'answer', sdp: 'v=0' };
    rejectsAt(signal, { ...good, sdp: undefined }, ['sdp']);
    rejectsAt(signal, { ...good, sdp: 'x'.repeat(12_001) }, ['sdp']);
    rejectsAt(signal, { ...good, kind: 'bye' }, ['sdp']);
    rejectsAt(signal, { ...good, kind: 'ice', sdp: undefined }, ['candidate']);
    rejectsAt(signal, { ...good, call_id: '../x' }, ['call_id']);
    rejectsAt(signal, { ...good, to_user_id: 'host' }, ['to_user_id']);
    rejectsAt(signal, { ...good, from_user_id: session_id }, []);
  });

  it('applies the REST rules to the same fields', () => {
    expect(CLIENT_ACTIONS['chat:send'].payload.parse({ session_id, text: '  hi  ' }).text).toBe(
      'hi',
    );
    rejectsAt(CLIENT_ACTIONS['chat:send'].payload, { session_id, text: '   ' }, ['text']);
    rejectsAt(CLIENT_ACTIONS['chat:send'].payload, { text: 'hi' }, ['session_id']);
    rejectsAt(CLIENT_ACTIONS['poll:vote'].payload, { poll_id: uuid(), option_ids: [] }, [
      'option_ids',
    ]);
    rejectsAt(CLIENT_ACTIONS.subscribe.payload, { channel: 'admin:all' }, ['channel']);
    rejectsAt(CLIENT_ACTIONS['hand:lower'].payload, { session_id, extra: 1 }, []);
    rejectsAt(
      CLIENT_ACTIONS.resync.payload,
      { channel: sessionChannel(session_id), after_seq: -1 },
      ['after_seq'],
    );
  });
});

describe('acks', () => {
  const schema = ackSchema(CLIENT_ACTIONS['chat:send'].result);

  it('wraps results', () => {
    const ack = ackOk(chatMessageFixture());
    expect(schema.parse(ack)).toEqual(ack);
  });

  it('wraps domain errors and error bodies', () => {
    const fromError = ackError(new DomainError('SLOW_MODE'));
    expect(fromError).toEqual({
      ok: false,
      error: { code: 'SLOW_MODE', message: expect.any(String) },
    });
    expect(schema.safeParse(fromError).success).toBe(true);
    expect(ackError({ code: 'BANNED', message: 'no' })).toEqual({
      ok: false,
      error: { code: 'BANNED', message: 'no' },
    });
  });

  it('rejects mixed shapes', () => {
    expect(schema.safeParse({ ok: true, error: { code: 'BANNED', message: 'x' } }).success).toBe(
      false,
    );
    expect(schema.safeParse({ ok: false, data: chatMessageFixture() }).success).toBe(false);
  });
});
