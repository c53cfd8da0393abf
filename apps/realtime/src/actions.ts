// Client → server actions: validated with the domain's action schemas, authorized by the same
// access check as the REST operations, then handed to the same services, so both paths answer
// with the same results and error codes.
import {
  CLIENT_ACTIONS,
  validationError,
  type Caller,
  type ClientActionPayload,
} from '@vidinfra/domain';
import type { Actor, ResourceKind, Services } from '@vidinfra/services';

/** The actions answered by the services alone (the others need the socket: see gateway.ts). */
type ActionName = Exclude<
  keyof typeof CLIENT_ACTIONS,
  'subscribe' | 'unsubscribe' | 'resync' | 'playback:report' | 'rtc:signal'
>;
export type ActionHandlers = Record<
  ActionName,
  (actor: Actor, payload: unknown) => Promise<unknown>
>;

const parse = <A extends ActionName>(name: A, payload: unknown): ClientActionPayload<A> => {
  const result = CLIENT_ACTIONS[name].payload.safeParse(payload);
  if (!result.success) throw validationError(result.error);
  return result.data as ClientActionPayload<A>;
};

export function clientActions(services: Services): ActionHandlers {
  /** The REST operation's rule: the caller is an attendee of the session (or the poll's). */
  const attendee = <K extends ResourceKind>(
    actor: Actor,
    kind: K,
    id: string,
    caller: Caller = 'attendee',
  ) => services.access.authorize({ caller, actor, resource: { kind, id } });

  return {
    async 'chat:send'(actor, payload) {
      const { session_id, ...message } = parse('chat:send', payload);
      return services.chat.send(await attendee(actor, 'session', session_id), actor, message);
    },
    async 'poll:vote'(actor, payload) {
      const { poll_id, ...ballot } = parse('poll:vote', payload);
      return services.polls.vote(await attendee(actor, 'poll', poll_id), actor, ballot);
    },
    async 'hand:raise'(actor, payload) {
      const { session_id, ...hand } = parse('hand:raise', payload);
      return services.stage.raiseHand(await attendee(actor, 'session', session_id), actor, hand);
    },
    async 'hand:lower'(actor, payload) {
      const { session_id } = parse('hand:lower', payload);
      return services.stage.lowerHand(await attendee(actor, 'session', session_id), actor);
    },
    async 'join_request:create'(actor, payload) {
      const { session_id } = parse('join_request:create', payload);
      return services.stage.requestToJoin(await attendee(actor, 'session', session_id), actor, {});
    },
  };
}
