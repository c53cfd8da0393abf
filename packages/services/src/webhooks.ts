// LiveKit's webhooks: verified with the SDK's receiver, applied, and only then recorded as taken
// by event id (LiveKit retries a delivery that failed, and a replayed one must change nothing).
// A participant entering or leaving a session's media room opens or closes their attendance, in
// the transaction that records the id; egress events go to the media backend, which turns them
// into MediaEvents (output state, recording ready or failed), applied before the id is recorded:
// a crash in between leaves the id free, and LiveKit's retry applies the outcome again, which
// changes a recording once (compare-and-set on its status).
import { DomainError, Id } from '@vidinfra/domain';
import type { Repositories } from '@vidinfra/db';
import {
  participantChange,
  type MediaEvent,
  type MediaWebhook,
  type MediaWebhookEvent,
} from '@vidinfra/media';
import type { Deps } from './deps.ts';
import { closeAttendance, openAttendance } from './attendance-rules.ts';
import { mediaEventApplier } from './recordings/media-events.ts';

/** What the webhook answers: which event, and whether it had been taken before. */
export interface WebhookReceipt {
  event_id: string;
  event: string;
  duplicate: boolean;
}

const SOURCE = 'livekit';
const isId = (value: string) => Id.safeParse(value).success;

export const webhooksService = (deps: Deps) => {
  const { db, media, now } = deps;
  const applyMediaEvent = mediaEventApplier(deps);

  /**
   * The MediaEvents the backend makes of the event, applied and waited for. The backend emits
   * them synchronously to its listeners (the recordings follow them too: applying twice changes
   * a recording once); here a failure fails the delivery.
   */
  async function applyEgress(webhook: MediaWebhook, event: MediaWebhookEvent) {
    const made: MediaEvent[] = [];
    const unsubscribe = media.onEvent((mediaEvent) => made.push(mediaEvent));
    try {
      webhook.apply(event);
    } finally {
      unsubscribe();
    }
    await Promise.all(made.map(applyMediaEvent));
  }

  /**
   * A user (identity = user id) joining or leaving the session's media room, under the same rule
   * as the realtime presence. Monitors, egress and other non-user participants have other
   * identities and are skipped.
   */
  async function applyAttendance(r: Repositories, event: MediaWebhookEvent) {
    const change = participantChange(event);
    if (!change || !isId(change.sessionId) || !isId(change.identity)) return;
    const attendance = {
      sessionId: change.sessionId,
      userId: change.identity,
      at: change.at ?? now(),
    };
    if (change.joined) await openAttendance(r, { ...attendance, nodeId: null });
    else await closeAttendance(r, attendance);
  }

  return {
    /**
     * Takes one delivery: `rawBody` exactly as received (the signature covers its bytes) and
     * the `Authorization` header LiveKit signed it with. UNAUTHORIZED for a bad or missing
     * signature; MEDIA_UNAVAILABLE when this deployment's media backend takes no webhooks (the
     * local one: a delivery would be a forgery or a misconfiguration).
     */
    async livekit(rawBody: string, authorization: string | undefined): Promise<WebhookReceipt> {
      const webhook = media.webhook;
      if (!webhook) {
        throw new DomainError('MEDIA_UNAVAILABLE', 'LiveKit is not the media backend here');
      }
      const event = await webhook.receive(rawBody, authorization);
      if (!event.id) throw new DomainError('VALIDATION_ERROR', 'the event has no id');
      const receipt = (duplicate: boolean) => ({
        event_id: event.id,
        event: event.event,
        duplicate,
      });
      if (await db.repos.webhookEvents.isProcessed(event.id)) return receipt(true);
      // Outside the transaction below: the recordings write in transactions of their own.
      await applyEgress(webhook, event);
      const first = await db.transaction(async (r) => {
        // A delivery racing this one may have taken the id since: its attendance change is done.
        if (!(await r.webhookEvents.markProcessed(event.id, SOURCE))) return false;
        await applyAttendance(r, event);
        return true;
      });
      return receipt(!first);
    },
  };
};

export type WebhooksService = ReturnType<typeof webhooksService>;
