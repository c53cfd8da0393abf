// The gateway's server is typed with the domain's protocol: a wrong message does not compile.
import { sessionChannel } from '@vidinfra/domain';
import { describe, expect, it } from 'vitest';
import type { GatewayServer } from '../src/socket-types.ts';

describe('the gateway’s Socket.IO types', () => {
  it('accept the protocol’s messages and refuse anything else', () => {
    const send = (io: GatewayServer, sessionId: string) => {
      io.to(sessionChannel(sessionId)).emit('viewer_count', { session_id: sessionId, count: 2 });
      // @ts-expect-error a count is a number
      io.to(sessionChannel(sessionId)).emit('viewer_count', { session_id: sessionId, count: '2' });
      // @ts-expect-error the protocol has no such message
      io.emit('viewer_counts', { session_id: sessionId, count: 2 });
      // @ts-expect-error a ban names the channels it removes
      io.emit('channel:removed', { reason: 'banned' });
    };
    expect(send).toBeTypeOf('function');
  });
});
