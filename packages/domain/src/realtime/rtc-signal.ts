// WebRTC signalling between a stage participant and the host side of the same session, with no
// media server: relayed by the gateway to the other user's sockets only, never stored. The studio
// `call`s a participant it sees on stage; the participant's browser `offer`s its camera and
// microphone; the studio `answer`s; both send `ice` candidates; either ends it with `bye`.
// `call_id` (made by the caller) ties the messages of one connection attempt together.
import { z } from 'zod';
import { Id } from '../schemas/fields.ts';

export const RtcSignalKind = z.enum(['call', 'offer', 'answer', 'ice', 'bye']);
export type RtcSignalKind = z.infer<typeof RtcSignalKind>;

/** The largest session description accepted (a browser's audio + video offer is about 6 kB). */
export const MAX_SDP_LENGTH = 12_000;

/**
 * One ICE candidate: `RTCIceCandidate.toJSON()`'s fields in snake_case (`sdp_mid` is `sdpMid`,
 * …); an empty `candidate` says there are no more.
 */
export const RtcIceCandidate = z
  .strictObject({
    candidate: z.string().max(1024),
    sdp_mid: z.string().max(64).nullish(),
    sdp_m_line_index: z.number().int().min(0).max(255).nullish(),
    username_fragment: z.string().max(256).nullish(),
  })
  .meta({ id: 'RtcIceCandidate' });
export type RtcIceCandidate = z.infer<typeof RtcIceCandidate>;

const signalFields = {
  session_id: Id,
  /** Chosen by the side that calls; every message of that connection attempt carries it. */
  call_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (at most 64)'),
  kind: RtcSignalKind,
  /** `offer` and `answer`: the session description. */
  sdp: z.string().min(1).max(MAX_SDP_LENGTH).optional(),
  /** `ice`: the candidate. */
  candidate: RtcIceCandidate.optional(),
};

/** `offer`/`answer` carry an sdp, `ice` a candidate, `call`/`bye` neither. */
function checkSignalShape(
  signal: { kind: RtcSignalKind; sdp?: string; candidate?: RtcIceCandidate },
  ctx: z.RefinementCtx,
) {
  const wantsSdp = signal.kind === 'offer' || signal.kind === 'answer';
  if (wantsSdp !== (signal.sdp !== undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['sdp'],
      message: wantsSdp ? `${signal.kind} needs sdp` : `${signal.kind} takes no sdp`,
    });
  const wantsCandidate = signal.kind === 'ice';
  if (wantsCandidate !== (signal.candidate !== undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['candidate'],
      message: wantsCandidate ? 'ice needs a candidate' : `${signal.kind} takes no candidate`,
    });
}

/** Client → server (`rtc:signal`): a signal for `to_user_id` in the session. */
export const RtcSignalRequest = z
  .strictObject({ ...signalFields, to_user_id: Id })
  .superRefine(checkSignalShape)
  .meta({ id: 'RtcSignalRequest' });
export type RtcSignalRequest = z.infer<typeof RtcSignalRequest>;

/** The signal was handed to the recipient's connected sockets (none: it is lost, as all ephemera). */
export const RtcSignalResult = z
  .object({ session_id: Id, to_user_id: Id, call_id: z.string() })
  .meta({ id: 'RtcSignalResult' });
export type RtcSignalResult = z.infer<typeof RtcSignalResult>;

/** Server → client (`rtc:signalled`): a signal from `from_user_id`, set by the server. */
export const RtcSignalMessage = z
  .object({ ...signalFields, from_user_id: Id })
  .superRefine(checkSignalShape)
  .meta({ id: 'RtcSignalMessage' });
export type RtcSignalMessage = z.infer<typeof RtcSignalMessage>;
