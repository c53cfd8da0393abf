// A socket for unit tests: records the actions sent, answers them with what the test says, and
// lets the test deliver server messages and (re)connections.
import type { Ack } from '@vidinfra/domain';
import type { FollowSocket } from './channel-follower.ts';

type Listener = (...args: unknown[]) => void;
type Answer = (payload: Record<string, unknown>) => Ack<unknown> | Promise<Ack<unknown>>;

export function fakeSocket(answers: Record<string, Answer>) {
  const listeners = new Map<string, Set<Listener>>();
  const sent: { name: string; payload: Record<string, unknown> }[] = [];
  const socket = {
    connected: false,
    on(name: string, listener: Listener) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(listener);
      return socket;
    },
    off(name: string, listener: Listener) {
      listeners.get(name)?.delete(listener);
      return socket;
    },
    timeout: () => ({
      async emitWithAck(name: string, payload: Record<string, unknown>) {
        sent.push({ name, payload });
        const answer = answers[name];
        if (!answer) throw new Error('operation has timed out');
        return answer(payload);
      },
    }),
  };
  const deliver = (name: string, message?: unknown) => {
    for (const listener of listeners.get(name) ?? []) listener(message);
  };
  return {
    socket: socket as unknown as FollowSocket,
    sent,
    deliver,
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    connect() {
      socket.connected = true;
      deliver('connect');
    },
    disconnect() {
      socket.connected = false;
      deliver('disconnect', 'transport close');
    },
  };
}
