// WebRTC signalling relayed between a stage participant and the session's host side: checked by
// the services (who may signal whom), then emitted to the recipient's own sockets only, on any
// node (the adapter carries a room's emit across nodes), with the sender set by the server.
import {
  CLIENT_ACTIONS,
  DomainError,
  validationError,
  type RtcSignalResult,
} from '@vidinfra/domain';
import type { Actor, Services } from '@vidinfra/services';
import type { GatewayServer } from './socket-types.ts';

export async function relayRtcSignal(
  io: GatewayServer,
  services: Services,
  actor: Actor | null,
  payload: unknown,
  roomOf: (userId: string) => string,
): Promise<RtcSignalResult> {
  const parsed = CLIENT_ACTIONS['rtc:signal'].payload.safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error);
  if (!actor) throw new DomainError('UNAUTHORIZED', 'sign in first');
  const { to_user_id, ...signal } = parsed.data;
  await services.rtcSignals.authorize(actor, signal.session_id, to_user_id);
  io.to(roomOf(to_user_id)).emit('rtc:signalled', { ...signal, from_user_id: actor.id });
  return { session_id: signal.session_id, to_user_id, call_id: signal.call_id };
}
