// LiveKit's webhooks, read: the signature checked with the SDK's receiver (a JWT signed with the
// API secret whose `sha256` claim is the hash of the raw body), and what an event means to us.
import { DomainError } from '@vidinfra/domain';
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';

export type LivekitWebhookEvent = WebhookEvent;

/** The receiver checks the signature before it parses: a parse failure means a signed body. */
const isParseFailure = (error: unknown) =>
  error instanceof SyntaxError ||
  (error instanceof Error && error.message.startsWith('cannot decode'));

/**
 * Checks a webhook delivery with the SDK's receiver and returns its event. A missing, forged,
 * expired or mismatched signature is UNAUTHORIZED; a signed body that is not an event is
 * INVALID_JSON.
 */
export function livekitWebhookVerifier(apiKey: string, apiSecret: string) {
  const receiver = new WebhookReceiver(apiKey, apiSecret);
  return async (
    rawBody: string,
    authorization: string | undefined,
  ): Promise<LivekitWebhookEvent> => {
    try {
      return await receiver.receive(rawBody, authorization);
    } catch (error) {
      if (isParseFailure(error)) {
        throw new DomainError('INVALID_JSON', 'the webhook body is not a LiveKit event', {
          cause: error,
        });
      }
      const reason = error instanceof Error ? error.message : 'invalid';
      throw new DomainError('UNAUTHORIZED', `webhook signature rejected: ${reason}`, {
        cause: error,
      });
    }
  };
}

const JOINED = new Set(['participant_joined']);
const LEFT = new Set(['participant_left', 'participant_connection_aborted']);

export interface ParticipantChange {
  /** The media room: our session id. */
  sessionId: string;
  identity: string;
  joined: boolean;
  /** When LiveKit saw it (the delivery may come later, or again). */
  at: Date | null;
}

/** A participant entering or leaving a media room, or null for any other event. */
export function participantChange(event: LivekitWebhookEvent): ParticipantChange | null {
  const joined = JOINED.has(event.event);
  if (!joined && !LEFT.has(event.event)) return null;
  const sessionId = event.room?.name;
  const identity = event.participant?.identity;
  if (!sessionId || !identity) return null;
  const at = event.createdAt > 0n ? new Date(Number(event.createdAt) * 1000) : null;
  return { sessionId, identity, joined, at };
}
