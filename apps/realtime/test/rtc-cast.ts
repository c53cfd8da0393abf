// The people of a signalling test: a live session's owner, a guest on its stage, a viewer who is
// not on it and an outsider, with what each receives as `rtc:signalled`; and stage moves.
import type { Socket } from 'socket.io-client';
import type { RealtimeTest } from './harness.ts';

export const offer = (sessionId: string, to: string, call_id = 'call-1') => ({
  session_id: sessionId,
  to_user_id: to,
  call_id,
  kind: 'offer' as const,
  sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n',
});

export const signalsTo = (socket: Socket) => {
  const received: Record<string, unknown>[] = [];
  socket.on('rtc:signalled', (message) => received.push(message));
  return received;
};

async function actorOf(rt: RealtimeTest, userId: string) {
  const user = (await rt.db.repos.users.findById(userId))!;
  return { id: user.id, role: user.role, displayName: user.displayName, email: user.email };
}

/** Puts the user on (or takes them off) the session's stage as its owner would. */
export async function stageMove(
  rt: RealtimeTest,
  move: 'add' | 'remove',
  sessionId: string,
  ownerId: string,
  userId: string,
) {
  const owner = await actorOf(rt, ownerId);
  const target = await rt.services.access.resolve('session', sessionId, owner, null);
  if (move === 'add') await rt.services.stage.add(target, owner, { user_id: userId });
  else await rt.services.stage.remove(target, { user_id: userId });
}

/** Each of them connected to the node at its url (the guest already on stage). */
export async function signallingCast(rt: RealtimeTest, urls: { host: string; guest: string }) {
  const host = await rt.account('host');
  const { sessionId } = await rt.liveSession(host.id);
  const [guest, viewer, outsider] = await Promise.all([
    rt.account('viewer'),
    rt.account('viewer'),
    rt.account('viewer'),
  ]);
  await stageMove(rt, 'add', sessionId, host.id, guest.id);
  const sockets = {
    host: await rt.connected(urls.host, host.token),
    guest: await rt.connected(urls.guest, guest.token),
    viewer: await rt.connected(urls.host, viewer.token),
    outsider: await rt.connected(urls.guest, outsider.token),
  };
  const received = {
    host: signalsTo(sockets.host),
    guest: signalsTo(sockets.guest),
    viewer: signalsTo(sockets.viewer),
    outsider: signalsTo(sockets.outsider),
  };
  return { sessionId, users: { host, guest, viewer, outsider }, sockets, received };
}
