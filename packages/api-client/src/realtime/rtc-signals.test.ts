import { describe, expect, it } from 'vitest';
import { fakeSocket } from './fake-socket.ts';
import { candidateFromWire, candidateToWire, rtcSignalling } from './rtc-signals.ts';
import { RealtimeActionError } from './send-action.ts';

const SESSION = '00000000-0000-4000-8000-000000000001';
const OTHER_SESSION = '00000000-0000-4000-8000-000000000002';
const HOST = '00000000-0000-4000-8000-0000000000aa';

describe('rtcSignalling', () => {
  it('sends a signal for the session to the user, and answers the ack', async () => {
    const fake = fakeSocket({
      'rtc:signal': (payload) => ({
        ok: true,
        data: { session_id: payload.session_id, to_user_id: payload.to_user_id, call_id: 'c1' },
      }),
    });
    const signalling = rtcSignalling(fake.socket, SESSION);
    await expect(
      signalling.send(HOST, { call_id: 'c1', kind: 'offer', sdp: 'v=0' }),
    ).resolves.toEqual({
      session_id: SESSION,
      to_user_id: HOST,
      call_id: 'c1',
    });
    expect(fake.sent).toEqual([
      {
        name: 'rtc:signal',
        payload: {
          session_id: SESSION,
          to_user_id: HOST,
          call_id: 'c1',
          kind: 'offer',
          sdp: 'v=0',
        },
      },
    ]);
  });

  it('throws the refusal with its machine code', async () => {
    const fake = fakeSocket({
      'rtc:signal': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'not on stage' } }),
    });
    const failed = rtcSignalling(fake.socket, SESSION).send(HOST, { call_id: 'c1', kind: 'bye' });
    await expect(failed).rejects.toBeInstanceOf(RealtimeActionError);
    await expect(failed).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("hands over the session's signals only, until unsubscribed", () => {
    const fake = fakeSocket({});
    const received: unknown[] = [];
    const stop = rtcSignalling(fake.socket, SESSION).onSignal((m) => received.push(m));
    const signal = { session_id: SESSION, from_user_id: HOST, call_id: 'c1', kind: 'call' };
    fake.deliver('rtc:signalled', signal);
    fake.deliver('rtc:signalled', { ...signal, session_id: OTHER_SESSION });
    stop();
    fake.deliver('rtc:signalled', signal);
    expect(received).toEqual([signal]);
    expect(fake.listenerCount()).toBe(0);
  });

  it('converts candidates to the wire and back', () => {
    const browser = {
      candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: 'ab',
    };
    const wire = candidateToWire(browser);
    expect(wire).toEqual({
      candidate: browser.candidate,
      sdp_mid: '0',
      sdp_m_line_index: 0,
      username_fragment: 'ab',
    });
    expect(candidateFromWire(wire)).toEqual(browser);
    expect(candidateToWire({})).toEqual({
      candidate: '',
      sdp_mid: null,
      sdp_m_line_index: null,
      username_fragment: null,
    });
  });
});
