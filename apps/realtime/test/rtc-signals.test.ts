import { describe, expect, it } from 'vitest';
import { dialect, request, useRealtime, waitFor } from './harness.ts';
import { offer, signallingCast, signalsTo, stageMove } from './rtc-cast.ts';

const rt = useRealtime();

/** Long enough for a relayed message to have arrived, to check that none did. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe(`WebRTC signalling (${dialect})`, () => {
  it('relays between the stage guest and the host side, to those two only, sender set by the server', async () => {
    const { sessionId, users, sockets, received } = await signallingCast(rt, {
      host: rt.node.url,
      guest: rt.node.url,
    });
    // The host's second tab gets it too: every socket of the recipient.
    const hostTab = await rt.connected(rt.node.url, users.host.token);
    const inTab = signalsTo(hostTab);

    const sent = await request(sockets.host, 'rtc:signal', {
      session_id: sessionId,
      to_user_id: users.guest.id,
      call_id: 'c1',
      kind: 'call',
    });
    expect(sent).toEqual({
      ok: true,
      data: { session_id: sessionId, to_user_id: users.guest.id, call_id: 'c1' },
    });
    expect(
      await request(sockets.guest, 'rtc:signal', {
        ...offer(sessionId, users.host.id, 'c1'),
        from_user_id: users.viewer.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(
      await request(sockets.guest, 'rtc:signal', offer(sessionId, users.host.id, 'c1')),
    ).toMatchObject({ ok: true });
    const candidate = {
      candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
      sdp_mid: '0',
      sdp_m_line_index: 0,
    };
    expect(
      await request(sockets.host, 'rtc:signal', {
        session_id: sessionId,
        to_user_id: users.guest.id,
        call_id: 'c1',
        kind: 'ice',
        candidate,
      }),
    ).toMatchObject({ ok: true });

    await waitFor(
      () => received.guest.length === 2 && received.host.length === 1 && inTab.length === 1,
    );
    expect(received.guest).toEqual([
      { session_id: sessionId, call_id: 'c1', kind: 'call', from_user_id: users.host.id },
      { session_id: sessionId, call_id: 'c1', kind: 'ice', candidate, from_user_id: users.host.id },
    ]);
    const { to_user_id: _to, ...sentOffer } = offer(sessionId, users.host.id, 'c1');
    expect(received.host).toEqual([{ ...sentOffer, from_user_id: users.guest.id }]);
    await settle();
    expect(received.viewer).toEqual([]);
    expect(received.outsider).toEqual([]);
  });

  it('refuses anyone but the stage guest and the host side, relaying nothing', async () => {
    const { sessionId, users, sockets, received } = await signallingCast(rt, {
      host: rt.node.url,
      guest: rt.node.url,
    });
    const other = await rt.liveSession();
    const anonymous = await rt.connected(rt.node.url, null);
    const refusals: [string, ReturnType<typeof rt.socket>, Record<string, unknown>, string][] = [
      [
        'a viewer not on stage, to the host',
        sockets.viewer,
        offer(sessionId, users.host.id),
        'FORBIDDEN',
      ],
      [
        'the host, to a viewer not on stage',
        sockets.host,
        offer(sessionId, users.viewer.id),
        'FORBIDDEN',
      ],
      [
        'the guest, to another viewer',
        sockets.guest,
        offer(sessionId, users.viewer.id),
        'FORBIDDEN',
      ],
      ['the guest, to itself', sockets.guest, offer(sessionId, users.guest.id), 'FORBIDDEN'],
      [
        'the guest, to the host of another session',
        sockets.guest,
        offer(other.sessionId, other.ownerId),
        'FORBIDDEN',
      ],
      [
        'the host, naming another session',
        sockets.host,
        offer(other.sessionId, users.guest.id),
        'FORBIDDEN',
      ],
      [
        'an outsider, to the guest',
        sockets.outsider,
        offer(sessionId, users.guest.id),
        'FORBIDDEN',
      ],
      ['anonymous', anonymous, offer(sessionId, users.host.id), 'UNAUTHORIZED'],
      [
        'an offer with no sdp',
        sockets.guest,
        { ...offer(sessionId, users.host.id), sdp: undefined },
        'VALIDATION_ERROR',
      ],
      [
        'a call with an sdp',
        sockets.host,
        { ...offer(sessionId, users.guest.id), kind: 'call' },
        'VALIDATION_ERROR',
      ],
      [
        'an oversized sdp',
        sockets.guest,
        { ...offer(sessionId, users.host.id), sdp: 'x'.repeat(12_001) },
        'VALIDATION_ERROR',
      ],
      [
        'an ice with no candidate',
        sockets.host,
        { ...offer(sessionId, users.guest.id), kind: 'ice', sdp: undefined },
        'VALIDATION_ERROR',
      ],
      [
        'an unknown kind',
        sockets.host,
        { ...offer(sessionId, users.guest.id), kind: 'hangup' },
        'VALIDATION_ERROR',
      ],
      [
        'a bad call id',
        sockets.host,
        { ...offer(sessionId, users.guest.id), call_id: 'a b' },
        'VALIDATION_ERROR',
      ],
    ];
    for (const [who, socket, payload, code] of refusals)
      expect(await request(socket, 'rtc:signal', payload), who).toMatchObject({
        ok: false,
        error: { code },
      });
    await settle();
    expect(received).toEqual({ host: [], guest: [], viewer: [], outsider: [] });
  });

  it('refuses the guest once taken off the stage, either way', async () => {
    const { sessionId, users, sockets, received } = await signallingCast(rt, {
      host: rt.node.url,
      guest: rt.node.url,
    });
    expect(
      await request(sockets.guest, 'rtc:signal', offer(sessionId, users.host.id)),
    ).toMatchObject({ ok: true });
    await waitFor(() => received.host.length === 1);

    await stageMove(rt, 'remove', sessionId, users.host.id, users.guest.id);
    expect(
      await request(sockets.guest, 'rtc:signal', offer(sessionId, users.host.id, 'call-2')),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await request(sockets.host, 'rtc:signal', {
        session_id: sessionId,
        to_user_id: users.guest.id,
        call_id: 'call-2',
        kind: 'bye',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await settle();
    expect(received.host).toHaveLength(1);
    expect(received.guest).toEqual([]);
  });
});
