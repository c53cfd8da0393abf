// Domain events go into the outbox in the transaction that makes the change; the realtime
// gateway delivers them. The payload is checked against the domain's event map first.
import {
  channelForEvent,
  REALTIME_EVENTS,
  type RealtimeEventName,
  type RealtimePayload,
} from '@vidinfra/domain';
import type { Repositories } from '@vidinfra/db';

/**
 * Appends `event` for `id` (a session id, or a user id for user-channel events) to the outbox.
 * Call it with the repositories of the transaction that makes the change.
 */
export async function recordEvent<E extends RealtimeEventName>(
  repos: Repositories,
  event: E,
  id: string,
  payload: RealtimePayload<E>,
): Promise<void> {
  const checked = REALTIME_EVENTS[event].payload.parse(payload) as Record<string, unknown>;
  await repos.outbox.append(channelForEvent(event, id), event, checked);
}
