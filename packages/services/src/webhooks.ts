// LiveKit's webhooks: verified with the SDK's receiver, taken once per event id (LiveKit
// retries, and a replayed delivery must change nothing), then applied. A participant entering
// or leaving a session's media room opens or closes their attendance; egress events go to the
// media backend, which turns them into MediaEvents (output state, recording ready or failed)
// for whoever listens.
import { DomainError, Id } from '@vidinfra/domain';
import type { Repositories } from '@vidinfra/db';
import {
  handlesLivekitWebhooks,
  livekitWebhookVerifier,
  participantChange,
  type LivekitWebhookEvent,
} from '@vidinfra/media';
import type { Deps } from './deps.ts';
import { recordEvent } from './events.ts';

/** What the webhook answers: which event, and whether it had been taken before. */
export interface WebhookReceipt {
  event_id: string;
  event: string;
  duplicate: boolean;
}

const SOURCE = 'livekit';
const isId = (value: string) => Id.safeParse(value).success;

export const webhooksService = ({ db, config, media, now }: Deps) => {
  const verify = livekitWebhookVerifier(config.livekit.apiKey, config.livekit.apiSecret);

  /**
   * A user (identity = user id) joining or leaving the session's media room. Monitors, egress
   * and other non-user participants have other identities and are skipped; a join counts only
   * while the session is backstage or live, as the realtime presence does.
   */
  async function applyAttendance(r: Repositories, event: LivekitWebhookEvent) {
    const change = participantChange(event);
    if (!change || !isId(change.sessionId) || !isId(change.identity)) return;
    const session = await r.sessions.findById(change.sessionId);
    if (!session) return;
    const at = change.at ?? now();
    if (change.joined) {
      if (session.status !== 'backstage' && session.status !== 'live') return;
      if (!(await r.users.findById(change.identity))) return;
      await r.attendance.open(session.id, change.identity, at);
    } else if (!(await r.attendance.close(session.id, change.identity, at))) {
      return;
    }
    const counts = await r.sessions.viewerCounts([session.id]);
    await recordEvent(r, 'viewer_count', session.id, {
      session_id: session.id,
      count: counts[session.id] ?? 0,
    });
  }

  return {
    /**
     * Takes one delivery: `rawBody` exactly as received (the signature covers its bytes) and
     * the `Authorization` header LiveKit signed it with. UNAUTHORIZED for a bad or missing
     * signature; MEDIA_UNAVAILABLE when LiveKit is not this deployment's media backend (its
     * webhooks would be forgeries or a misconfiguration).
     */
    async livekit(rawBody: string, authorization: string | undefined): Promise<WebhookReceipt> {
      const event = await verify(rawBody, authorization);
      if (!handlesLivekitWebhooks(media)) {
        throw new DomainError('MEDIA_UNAVAILABLE', 'LiveKit is not the media backend here');
      }
      if (!event.id) throw new DomainError('VALIDATION_ERROR', 'the event has no id');
      const first = await db.transaction(async (r) => {
        if (!(await r.webhookEvents.markProcessed(event.id, SOURCE))) return false;
        await applyAttendance(r, event);
        return true;
      });
      // After the commit: listeners write in transactions of their own.
      if (first) media.handleWebhook(event);
      return { event_id: event.id, event: event.event, duplicate: !first };
    },
  };
};

export type WebhooksService = ReturnType<typeof webhooksService>;
