// Server → client domain events: which channel each goes to and its payload, plus the envelope.
import { z } from 'zod';
import { ChatMessageResponse } from '../schemas/chat.ts';
import { Count, Id, Reason, Timestamp, Title } from '../schemas/fields.ts';
import { BannedParticipantResponse } from '../schemas/moderation.ts';
import { PollResponse } from '../schemas/polls.ts';
import { SessionSettings } from '../schemas/session-settings.ts';
import { HostMediaStateResponse, OutputState, SessionStatus } from '../schemas/sessions.ts';
import { HandRaiseResponse, JoinRequestResponse } from '../schemas/stage-requests.ts';
import { StageParticipantResponse } from '../schemas/stage.ts';
import { RecordingResponse } from '../schemas/recordings.ts';
import type { ChannelKind } from './channels.ts';
import { channelName, parseChannel } from './channels.ts';

const onSession = <Payload extends z.ZodType>(payload: Payload) =>
  ({ channel: 'session', payload }) as const;
const onStaff = <Payload extends z.ZodType>(payload: Payload) =>
  ({ channel: 'staff', payload }) as const;
const onUser = <Payload extends z.ZodType>(payload: Payload) =>
  ({ channel: 'user', payload }) as const;

/** `{session_id, user_id}`: something happened to one user in a session. */
const SessionUserEvent = z.object({ session_id: Id, user_id: Id });

const RecordingEvent = z.object({
  session_id: Id,
  recording_id: Id,
  at: Timestamp,
});

/**
 * Every durable domain event the platform emits (committed, numbered per channel, replayable
 * with `resync`); the ephemeral messages are in messages.ts. Hand raises, join requests and moderation go to the
 * staff channel; the outcome of a hand raise / join request goes to the requester's user
 * channel (approval also shows on the session channel as `stage.participant_added`).
 */
export const REALTIME_EVENTS = {
  'session.status_changed': onSession(
    z.object({ session_id: Id, status: SessionStatus, previous_status: SessionStatus }),
  ),
  'session.settings_updated': onSession(z.object({ session_id: Id, settings: SessionSettings })),
  'session.rescheduled': onSession(
    z.object({ session_id: Id, scheduled_at: Timestamp, previous_scheduled_at: Timestamp }),
  ),
  'host.video': onSession(HostMediaStateResponse),
  'host.audio': onSession(HostMediaStateResponse),
  'chat.message_created': onSession(ChatMessageResponse),
  'chat.message_deleted': onSession(z.object({ session_id: Id, message_id: Id })),
  'poll.created': onSession(PollResponse),
  'poll.updated': onSession(PollResponse),
  'poll.closed': onSession(PollResponse),
  'hand.raised': onStaff(HandRaiseResponse),
  'hand.lowered': onStaff(SessionUserEvent),
  'hand.approved': onUser(HandRaiseResponse),
  'hand.rejected': onUser(HandRaiseResponse),
  'join_request.created': onStaff(JoinRequestResponse),
  'join_request.approved': onUser(JoinRequestResponse),
  'join_request.rejected': onUser(JoinRequestResponse),
  'stage.participant_added': onSession(StageParticipantResponse),
  'stage.participant_removed': onSession(SessionUserEvent.extend({ reason: Reason.optional() })),
  'stage.permissions_updated': onSession(StageParticipantResponse),
  'moderation.banned': onStaff(BannedParticipantResponse),
  'moderation.unbanned': onStaff(SessionUserEvent),
  'recording.started': onSession(RecordingEvent),
  'recording.stopped': onSession(RecordingEvent),
  'recording.ready': onStaff(RecordingResponse),
  'recording.failed': onStaff(RecordingResponse),
  /** The HLS output's state changed on its own (publisher connected or lost, output failed). */
  'output.state_changed': onStaff(z.object({ session_id: Id, output: OutputState, at: Timestamp })),
  /** Logins of the user ended (logout, revocation): `login_id` null means every login. */
  'auth.signed_out': onUser(z.object({ user_id: Id, login_id: Id.nullable() })),
  'reminder.rescheduled': onUser(
    z.object({
      room_id: Id,
      session_id: Id,
      title: Title,
      scheduled_at: Timestamp,
      previous_scheduled_at: Timestamp,
    }),
  ),
} as const satisfies Record<string, { channel: ChannelKind; payload: z.ZodType }>;

export type RealtimeEventName = keyof typeof REALTIME_EVENTS;
export type RealtimePayload<E extends RealtimeEventName> = z.infer<
  (typeof REALTIME_EVENTS)[E]['payload']
>;

export const REALTIME_EVENT_NAMES = Object.keys(REALTIME_EVENTS) as [
  RealtimeEventName,
  ...RealtimeEventName[],
];

/**
 * What the gateway sends: `seq` increases by one per message on a channel, so a client can
 * detect a gap and refetch; `at` is when the event was committed.
 */
export const RealtimeEnvelope = z
  .object({
    event: z.enum(REALTIME_EVENT_NAMES),
    channel: z.string(),
    seq: Count,
    payload: z.unknown(),
    at: Timestamp,
  })
  .meta({ id: 'RealtimeEnvelope' });
export type RealtimeEnvelope = z.infer<typeof RealtimeEnvelope>;

/** An envelope whose payload matches its event. */
export type RealtimeMessage = {
  [E in RealtimeEventName]: Omit<RealtimeEnvelope, 'event' | 'payload'> & {
    event: E;
    payload: RealtimePayload<E>;
  };
}[RealtimeEventName];

export type RealtimeParseResult =
  { ok: true; message: RealtimeMessage } | { ok: false; error: string };

/** The channel an event goes to: `id` is the session id, or the user id for user events. */
export function channelForEvent(event: RealtimeEventName, id: string): string {
  return channelName(REALTIME_EVENTS[event].channel, id);
}

/** Validate an incoming envelope: known event, payload of that event, channel of its kind. */
export function parseRealtimeMessage(raw: unknown): RealtimeParseResult {
  const envelope = RealtimeEnvelope.safeParse(raw);
  if (!envelope.success) return { ok: false, error: z.prettifyError(envelope.error) };
  const definition = REALTIME_EVENTS[envelope.data.event];
  if (parseChannel(envelope.data.channel)?.kind !== definition.channel) {
    return { ok: false, error: `${envelope.data.event} is not sent on ${envelope.data.channel}` };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, error: z.prettifyError(payload.error) };
  return { ok: true, message: { ...envelope.data, payload: payload.data } as RealtimeMessage };
}

/** Build a validated envelope for `event` (throws on a payload that does not match it). */
export function buildRealtimeMessage<E extends RealtimeEventName>(
  event: E,
  id: string,
  payload: RealtimePayload<E>,
  seq: number,
  at: Date = new Date(),
): RealtimeMessage {
  const parsed = REALTIME_EVENTS[event].payload.parse(payload);
  return {
    event,
    channel: channelForEvent(event, id),
    seq,
    payload: parsed,
    at: at.toISOString(),
  } as RealtimeMessage;
}
