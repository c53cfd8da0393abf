// Server → client messages: the durable `event` envelope and the ephemeral messages, which are
// never stored (a client that missed one waits for the next; `resync` does not replay them).
import { z } from 'zod';
import { Count, Id } from '../schemas/fields.ts';
import { ChannelName } from './channels.ts';
import { RealtimeEnvelope } from './events.ts';
import { RtcSignalMessage } from './rtc-signal.ts';

/**
 * Viewers watching a session now: its open attendance intervals, the same figure as the
 * session's `viewer_count`. Sent on `session:{id}` when it changes, at most about once a second.
 */
export const ViewerCountMessage = z
  .object({ session_id: Id, count: Count })
  .meta({ id: 'ViewerCountMessage' });

/** The server took the socket out of channels (a ban): stop showing them. */
export const ChannelRemovedMessage = z
  .object({ channels: z.array(ChannelName), reason: z.enum(['banned']) })
  .meta({ id: 'ChannelRemovedMessage' });

/** The user was taken off the session's stage: stop publishing media now. */
export const StageUnpublishMessage = z
  .object({ session_id: Id })
  .meta({ id: 'StageUnpublishMessage' });

/** Every message the gateway sends, by Socket.IO event name. */
export const SERVER_MESSAGES = {
  /** A committed domain event (see REALTIME_EVENTS), numbered per channel. */
  event: RealtimeEnvelope,
  viewer_count: ViewerCountMessage,
  'channel:removed': ChannelRemovedMessage,
  'stage:unpublish': StageUnpublishMessage,
  /** A WebRTC signal from the other end (see `rtc:signal`), to the recipient's sockets only. */
  'rtc:signalled': RtcSignalMessage,
} as const satisfies Record<string, z.ZodType>;

export type ServerMessageName = keyof typeof SERVER_MESSAGES;
export type ServerMessage<M extends ServerMessageName> = z.infer<(typeof SERVER_MESSAGES)[M]>;
