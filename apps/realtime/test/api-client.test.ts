// The browser's realtime socket (@vidinfra/api-client) against a real gateway: typed actions with
// their acks, durable events in seq order, and the token read again when it reconnects.
import { connectRealtime, type RealtimeSocket } from '@vidinfra/api-client';
import { sessionChannel, type ServerMessage } from '@vidinfra/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { dialect, useRealtime, waitFor } from './harness.ts';

const rt = useRealtime();
const opened: RealtimeSocket[] = [];
afterEach(() => {
  for (const socket of opened.splice(0)) socket.disconnect();
});

describe(`api-client realtime socket (${dialect})`, () => {
  it('subscribes with a typed ack and receives events in seq order', async () => {
    const { sessionId } = await rt.liveSession();
    const viewer = await rt.account('viewer');
    const socket = connectRealtime({ url: rt.node.url, accessToken: () => viewer.token });
    opened.push(socket);
    const events: ServerMessage<'event'>[] = [];
    socket.on('event', (event) => events.push(event));
    const ack = await socket.emitWithAck('subscribe', { channel: sessionChannel(sessionId) });
    expect(ack).toMatchObject({ ok: true, data: { channel: sessionChannel(sessionId) } });
    await rt.publish(sessionId, 'one');
    await rt.publish(sessionId, 'two');
    await waitFor(() => events.length === 2);
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
  });

  it('asks for the token at every connection', async () => {
    const first = await rt.account('viewer');
    const second = await rt.account('viewer');
    let token = first.token;
    const socket = connectRealtime({ url: rt.node.url, accessToken: () => token });
    opened.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const me = async () => {
      const ack = await socket.emitWithAck('subscribe', { channel: `user:${second.id}` });
      return ack.ok;
    };
    expect(await me(), 'the first account may not follow the second one').toBe(false);
    token = second.token;
    socket.disconnect().connect();
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect(await me(), 'reconnected as the second account').toBe(true);
  });
});
