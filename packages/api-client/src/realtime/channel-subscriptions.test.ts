import type { RealtimeMessage } from '@vidinfra/domain';
import { describe, expect, it, vi } from 'vitest';
import { followChannels, type FollowHandlers } from './channel-follower.ts';
import { fakeSocket } from './fake-socket.ts';

const SESSION = '5f0c6a2e-8d1b-4c3a-9e7f-1a2b3c4d5e6f';
const CHANNEL = `session:${SESSION}`;
const STAFF = `session:${SESSION}:staff`;

const event = (seq: number, channel = CHANNEL): RealtimeMessage => ({
  event: 'host.video',
  channel,
  seq,
  at: '2026-01-01T00:00:00.000Z',
  payload: { session_id: SESSION, enabled: seq % 2 === 0 } as never,
});

/** A server whose channels are at seq 3 and that answers every subscription. */
function server() {
  const fake = fakeSocket({
    subscribe: ({ channel }) => ({ ok: true, data: { channel, last_seq: 3 } }),
    unsubscribe: ({ channel }) => ({ ok: true, data: { channel } }),
  });
  const sentOf = (name: string) =>
    fake.sent.filter((s) => s.name === name).map((s) => s.payload.channel);
  return { ...fake, sentOf };
}

const handlers = () => ({
  onEvent: vi.fn<FollowHandlers['onEvent']>(),
  onFollowing: vi.fn<NonNullable<FollowHandlers['onFollowing']>>(),
  onRefused: vi.fn<NonNullable<FollowHandlers['onRefused']>>(),
});
const seqsOf = (h: ReturnType<typeof handlers>) => h.onEvent.mock.calls.map(([m]) => m.seq);

describe('followers of one socket share its subscriptions', () => {
  it('two followers of a channel make one subscription; both get each event once', async () => {
    const fake = server();
    fake.connect();
    const first = handlers();
    const second = handlers();
    followChannels(fake.socket, [CHANNEL, STAFF], first);
    followChannels(fake.socket, [CHANNEL], second);
    await vi.waitUntil(() => first.onFollowing.mock.calls.length === 2);
    await vi.waitUntil(() => second.onFollowing.mock.calls.length === 1);
    expect(fake.sentOf('subscribe')).toEqual([CHANNEL, STAFF]);
    expect(second.onFollowing).toHaveBeenCalledWith(CHANNEL);

    fake.deliver('event', event(4));
    fake.deliver('event', event(4, STAFF));
    expect(seqsOf(first)).toEqual([4, 4]);
    expect(seqsOf(second)).toEqual([4]);
  });

  it('a follower that joins later shares the subscription and follows from its point', async () => {
    const fake = server();
    fake.connect();
    const first = handlers();
    followChannels(fake.socket, [CHANNEL], first);
    await vi.waitUntil(() => first.onFollowing.mock.calls.length === 1);
    fake.deliver('event', event(4));
    const second = handlers();
    followChannels(fake.socket, [CHANNEL], second);
    await vi.waitUntil(() => second.onFollowing.mock.calls.length === 1);
    fake.deliver('event', event(5));
    expect(seqsOf(first)).toEqual([4, 5]);
    expect(seqsOf(second)).toEqual([5]);
    expect(fake.sentOf('subscribe')).toEqual([CHANNEL]);
  });

  it('one leaving does not unsubscribe; the last leaving does, once', async () => {
    const fake = server();
    fake.connect();
    const first = handlers();
    const second = handlers();
    const a = followChannels(fake.socket, [CHANNEL], first);
    const b = followChannels(fake.socket, [CHANNEL], second);
    await vi.waitUntil(() => second.onFollowing.mock.calls.length === 1);

    a.stop();
    expect(fake.sentOf('unsubscribe')).toEqual([]);
    fake.deliver('event', event(4));
    expect(seqsOf(first)).toEqual([]);
    expect(seqsOf(second)).toEqual([4]);

    b.stop();
    a.stop(); // a second stop changes nothing
    expect(fake.sentOf('unsubscribe')).toEqual([CHANNEL]);
    expect(fake.listenerCount()).toBe(0);
    fake.deliver('event', event(5));
    expect(seqsOf(second)).toEqual([4]);

    // Followed again: a subscription of its own again.
    const third = handlers();
    followChannels(fake.socket, [CHANNEL], third);
    await vi.waitUntil(() => third.onFollowing.mock.calls.length === 1);
    expect(fake.sentOf('subscribe')).toEqual([CHANNEL, CHANNEL]);
  });

  it('after a reconnection each channel still wanted is subscribed again once', async () => {
    const fake = server();
    const first = handlers();
    const second = handlers();
    const third = handlers();
    followChannels(fake.socket, [CHANNEL, STAFF], first);
    followChannels(fake.socket, [CHANNEL, STAFF], second);
    const left = followChannels(fake.socket, ['user:7'], third);
    fake.connect();
    await vi.waitUntil(() => third.onFollowing.mock.calls.length === 1);
    expect(fake.sentOf('subscribe').sort()).toEqual([CHANNEL, STAFF, 'user:7'].sort());

    fake.disconnect();
    left.stop(); // while down: nothing to tell the server, nor to subscribe again
    fake.connect();
    await vi.waitUntil(() => fake.sentOf('subscribe').length === 5);
    await Promise.resolve();
    expect(fake.sentOf('subscribe').slice(3).sort()).toEqual([CHANNEL, STAFF].sort());
    expect(fake.sentOf('unsubscribe')).toEqual([]);
    // Told once, at the first subscription.
    expect(first.onFollowing).toHaveBeenCalledTimes(2);
    expect(second.onFollowing).toHaveBeenCalledTimes(2);
  });

  it('a refused subscription is told to every follower, and to one that joins after', async () => {
    const fake = fakeSocket({
      subscribe: () => ({ ok: false, error: { code: 'BANNED', message: 'You are banned' } }),
    });
    fake.connect();
    const first = handlers();
    const second = handlers();
    followChannels(fake.socket, [CHANNEL], first);
    followChannels(fake.socket, [CHANNEL], second);
    await vi.waitUntil(() => second.onRefused.mock.calls.length === 1);
    await vi.waitUntil(() => first.onRefused.mock.calls.length === 1);
    for (const h of [first, second]) {
      expect(h.onRefused).toHaveBeenCalledOnce();
      expect(h.onRefused.mock.calls[0]![0]).toBe(CHANNEL);
      expect(h.onRefused.mock.calls[0]![1]).toMatchObject({ code: 'BANNED' });
      expect(h.onFollowing).not.toHaveBeenCalled();
    }
    const late = handlers();
    followChannels(fake.socket, [CHANNEL], late);
    await vi.waitUntil(() => late.onRefused.mock.calls.length === 1);
    expect(late.onRefused.mock.calls[0]![1]).toMatchObject({ code: 'BANNED' });
    expect(fake.sent.filter((s) => s.name === 'subscribe')).toHaveLength(1);
  });

  it('a follower joining a channel the server took the socket out of asks again', async () => {
    let banned = false;
    const fake = fakeSocket({
      subscribe: ({ channel }) =>
        banned
          ? { ok: false, error: { code: 'BANNED', message: 'You are banned' } }
          : { ok: true, data: { channel, last_seq: 3 } },
    });
    fake.connect();
    const first = handlers();
    followChannels(fake.socket, [CHANNEL], first);
    await vi.waitUntil(() => first.onFollowing.mock.calls.length === 1);
    banned = true;
    fake.deliver('channel:removed', { channels: [CHANNEL], reason: 'banned' });
    fake.deliver('event', event(4));
    expect(seqsOf(first)).toEqual([]);

    const second = handlers();
    followChannels(fake.socket, [CHANNEL], second);
    await vi.waitUntil(() => second.onRefused.mock.calls.length === 1);
    expect(first.onRefused).toHaveBeenCalledOnce();
    expect(fake.sent.filter((s) => s.name === 'subscribe')).toHaveLength(2);
  });
});
