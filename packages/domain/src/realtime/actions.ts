// Client → server actions over Socket.IO: payload schemas, result schemas, and the ack shape.
import { z } from 'zod';
import type { DomainError } from '../errors.ts';
import { ErrorBody } from '../errors.ts';
import { ChatMessageResponse, CreateChatMessageRequest } from '../schemas/chat.ts';
import { Count, Id } from '../schemas/fields.ts';
import { PollResponse, VoteRequest } from '../schemas/polls.ts';
import {
  HandRaiseResponse,
  JoinRequestResponse,
  RaiseHandRequest,
} from '../schemas/stage-requests.ts';
import { ChannelName } from './channels.ts';
import { RealtimeEnvelope } from './events.ts';
import { PlaybackReport, PlaybackReportResult } from './playback-report.ts';
import { RtcSignalRequest, RtcSignalResult } from './rtc-signal.ts';

const SessionTarget = z.strictObject({ session_id: Id });
const ChannelRequest = z.strictObject({ channel: ChannelName });
const ChannelResult = z.object({ channel: z.string() });

/** Subscribed: the channel's last sequence number so far (0 before its first event). */
export const SubscribeResult = ChannelResult.extend({ last_seq: Count }).meta({
  id: 'SubscribeResult',
});

/** A client back from a drop asks for a channel's events after the last `seq` it saw. */
export const ResyncRequest = z
  .strictObject({ channel: ChannelName, after_seq: Count })
  .meta({ id: 'ResyncRequest' });

/** The missed events in order; `complete` false means more remain: ask again from the last. */
export const ResyncResult = z
  .object({ channel: z.string(), events: z.array(RealtimeEnvelope), complete: z.boolean() })
  .meta({ id: 'ResyncResult' });

export const CLIENT_ACTIONS = {
  'chat:send': {
    payload: CreateChatMessageRequest.extend({ session_id: Id }),
    result: ChatMessageResponse,
  },
  'poll:vote': { payload: VoteRequest.extend({ poll_id: Id }), result: PollResponse },
  'hand:raise': { payload: RaiseHandRequest.extend({ session_id: Id }), result: HandRaiseResponse },
  'hand:lower': { payload: SessionTarget, result: HandRaiseResponse },
  'join_request:create': { payload: SessionTarget, result: JoinRequestResponse },
  subscribe: { payload: ChannelRequest, result: SubscribeResult },
  unsubscribe: { payload: ChannelRequest, result: ChannelResult },
  resync: { payload: ResyncRequest, result: ResyncResult },
  /** From a socket in the session's channel (a watching player); nothing stored when refused. */
  'playback:report': { payload: PlaybackReport, result: PlaybackReportResult },
  /**
   * WebRTC signalling from a stage participant to the session's host side or back; relayed as
   * `rtc:signalled` to the recipient's sockets only, nothing stored. Refused: nothing relayed.
   */
  'rtc:signal': { payload: RtcSignalRequest, result: RtcSignalResult },
} as const satisfies Record<string, { payload: z.ZodType; result: z.ZodType }>;

export type ClientActionName = keyof typeof CLIENT_ACTIONS;
export type ClientActionPayload<A extends ClientActionName> = z.infer<
  (typeof CLIENT_ACTIONS)[A]['payload']
>;
/** What a client sends (before the schema's defaults and trimming). */
export type ClientActionInput<A extends ClientActionName> = z.input<
  (typeof CLIENT_ACTIONS)[A]['payload']
>;
export type ClientActionResult<A extends ClientActionName> = z.infer<
  (typeof CLIENT_ACTIONS)[A]['result']
>;

export type Ack<Data> = { ok: true; data: Data } | { ok: false; error: ErrorBody };

/** The ack schema around a result schema. */
export function ackSchema<Data extends z.ZodType>(data: Data) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBody }),
  ]);
}

export function ackOk<Data>(data: Data): Ack<Data> {
  return { ok: true, data };
}

export function ackError(error: DomainError | ErrorBody): Ack<never> {
  return { ok: false, error: 'toBody' in error ? error.toBody() : error };
}
