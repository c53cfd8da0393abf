import type { RealtimeMessage } from '@vidinfra/domain';
import { describe, expect, it, vi } from 'vitest';
import { followChannels } from './channel-follower.ts';
import { fakeSocket } from './fake-socket.ts';
import { reconnectDelay } from './reconnect-delay.ts';
import { RealtimeActionError, sendAction } from './send-action.ts';

const SESSION = '5f0c6a2e-8d1b-4c3a-9e7f-1a2b3c4d5e6f';
const CHANNEL = `session:${SESSION}`;
const at = '2026-01-01T00:00:00.000Z';

const event = (seq: number, channel = CHANNEL): RealtimeMessage => ({
  event: 'host.video',
  channel,
  seq,
  at,
  payload: { session_id: SESSION, enabled: seq % 2 === 0 } as never,
});
const ok = (data: unknown) => ({ ok: true as const, data });

/** A server whose channel is at `lastSeq` and that replays from `log`. */
function server(lastSeq: number, log: RealtimeMessage[] = []) {
  const state = { lastSeq, resyncWorks: true };
  const fake = fakeSocket({
    subscribe: ({ channel }) => ok({ channel, last_seq: state.lastSeq }),
    unsubscribe: ({ channel }) => ok({ channel }),
    resync: ({ channel, after_seq }) =>
      state.resyncWorks
        ? ok({ channel, events: log.filter((e) => e.seq > Number(after_seq)), complete: true })
        : { ok: false, error: { code: 'INTERNAL', message: 'outbox unavailable' } },
  });
  return { ...fake, state };
}

const seqsOf = (onEvent: ReturnType<typeof vi.fn>) =>
  onEvent.mock.calls.map(([message]) => (message as RealtimeMessage).seq);

describe('followChannels', () => {
  it('subscribes on connect and hands events over in seq order, each once', async () => {
    const fake = server(4);
    const onEvent = vi.fn();
    followChannels(fake.socket, [CHANNEL], { onEvent });
    fake.connect();
    await vi.waitUntil(() => fake.sent.some((s) => s.name === 'subscribe'));
    await Promise.resolve();
    fake.deliver('event', event(5));
    fake.deliver('event', event(5));
    fake.deliver('event', event(4)); // already covered by the state the app loaded
    fake.deliver('event', event(6));
    expect(seqsOf(onEvent)).toEqual([5, 6]);
  });

  it('says when each channel is followed: once, at its first subscription only', async () => {
    const fake = server(1);
    const onFollowing = vi.fn();
    followChannels(fake.socket, [CHANNEL, 'user:7'], { onEvent: vi.fn(), onFollowing });
    fake.connect();
    await vi.waitUntil(() => onFollowing.mock.calls.length === 2);
    expect(onFollowing.mock.calls.map(([channel]) => channel).sort()).toEqual([CHANNEL, 'user:7']);
    fake.disconnect();
    fake.connect();
    await vi.waitUntil(() => fake.sent.filter((s) => s.name === 'subscribe').length === 4);
    await Promise.resolve();
    expect(onFollowing).toHaveBeenCalledTimes(2);
  });

  it('holds events that arrive before the subscription answers', async () => {
    const fake = server(2);
    const onEvent = vi.fn();
    followChannels(fake.socket, [CHANNEL], { onEvent });
    fake.connect();
    fake.deliver('event', event(3));
    expect(onEvent).not.toHaveBeenCalled();
    await vi.waitUntil(() => onEvent.mock.calls.length === 1);
    expect(seqsOf(onEvent)).toEqual([3]);
  });

  it('fills a gap with resync and keeps the order', async () => {
    const log = [event(5), event(6), event(7)];
    const fake = server(4, log);
    const onEvent = vi.fn();
    followChannels(fake.socket, [CHANNEL], { onEvent });
    fake.connect();
    await vi.waitUntil(() => fake.sent.length === 1);
    await Promise.resolve();
    fake.deliver('event', event(7));
    await vi.waitUntil(() => onEvent.mock.calls.length === 3);
    expect(seqsOf(onEvent)).toEqual([5, 6, 7]);
    expect(fake.sent.at(-1)).toEqual({
      name: 'resync',
      payload: { channel: CHANNEL, after_seq: 4 },
    });
  });

  it('after a reconnection replays what was missed while down', async () => {
    const log = [event(1), event(2), event(3)];
    const fake = server(1, log);
    const onEvent = vi.fn();
    const onConnectionChange = vi.fn();
    followChannels(fake.socket, [CHANNEL], { onEvent, onConnectionChange });
    fake.connect();
    await vi.waitUntil(() => fake.sent.length === 1);
    fake.disconnect();
    fake.state.lastSeq = 3;
    fake.connect();
    await vi.waitUntil(() => onEvent.mock.calls.length === 2);
    expect(seqsOf(onEvent)).toEqual([2, 3]);
    expect(onConnectionChange.mock.calls).toEqual([[true], [false], [true]]);
  });

  it('says the channel is stale when the missed events cannot be replayed', async () => {
    const fake = server(1);
    fake.state.resyncWorks = false;
    const onEvent = vi.fn();
    const onStale = vi.fn();
    followChannels(fake.socket, [CHANNEL], { onEvent, onStale });
    fake.connect();
    await vi.waitUntil(() => fake.sent.length === 1);
    await Promise.resolve();
    fake.deliver('event', event(4));
    await vi.waitUntil(() => onStale.mock.calls.length === 1);
    expect(onStale).toHaveBeenCalledWith(CHANNEL);
    // It follows on from the event that arrived.
    expect(seqsOf(onEvent)).toEqual([4]);
    fake.deliver('event', event(5));
    expect(seqsOf(onEvent)).toEqual([4, 5]);
  });

  it('reports a refused channel and a removal, and ignores other channels', async () => {
    const fake = fakeSocket({
      subscribe: () => ({ ok: false, error: { code: 'BANNED', message: 'You are banned' } }),
    });
    const onRefused = vi.fn();
    const onRemoved = vi.fn();
    const onEvent = vi.fn();
    followChannels(fake.socket, [CHANNEL], { onEvent, onRefused, onRemoved });
    fake.connect();
    await vi.waitUntil(() => onRefused.mock.calls.length === 1);
    expect(onRefused.mock.calls[0]![1]).toMatchObject({ code: 'BANNED' });
    const other = 'session:00000000-0000-4000-8000-000000000000';
    fake.deliver('channel:removed', { channels: [other], reason: 'banned' });
    expect(onRemoved).not.toHaveBeenCalled();
    fake.deliver('channel:removed', { channels: [CHANNEL], reason: 'banned' });
    expect(onRemoved).toHaveBeenCalledOnce();
    fake.deliver('event', event(1, other));
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('stop leaves the channels and removes its listeners', async () => {
    const fake = server(0);
    const follower = followChannels(fake.socket, [CHANNEL], { onEvent: vi.fn() });
    fake.connect();
    await vi.waitUntil(() => fake.sent.length === 1);
    follower.stop();
    expect(fake.listenerCount()).toBe(0);
    expect(fake.sent.at(-1)).toEqual({ name: 'unsubscribe', payload: { channel: CHANNEL } });
  });
});

describe('sendAction', () => {
  it('answers the data of an ok ack and throws the error of a failed one', async () => {
    const fake = fakeSocket({
      'chat:send': ({ text }) =>
        text === 'hi'
          ? ok({ id: 'm1', text })
          : { ok: false, error: { code: 'SLOW_MODE', message: 'Wait 5 s' } },
    });
    await expect(
      sendAction(fake.socket, 'chat:send', { session_id: SESSION, text: 'hi' }),
    ).resolves.toEqual({ id: 'm1', text: 'hi' });
    const failed = sendAction(fake.socket, 'chat:send', { session_id: SESSION, text: 'again' });
    await expect(failed).rejects.toBeInstanceOf(RealtimeActionError);
    await expect(failed).rejects.toMatchObject({ code: 'SLOW_MODE', message: 'Wait 5 s' });
  });

  it('gives TIMEOUT when the server does not answer', async () => {
    const fake = fakeSocket({});
    await expect(
      sendAction(fake.socket, 'hand:lower', { session_id: SESSION }),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});

describe('reconnectDelay', () => {
  it('doubles from half a second up to 15 s, with jitter', () => {
    const noJitter = () => 1;
    expect([0, 1, 2, 3, 10].map((n) => reconnectDelay(n, noJitter))).toEqual([
      500, 1000, 2000, 4000, 15_000,
    ]);
    expect(reconnectDelay(0, () => 0)).toBe(250);
  });
});
