// WebRTC signalling over the realtime socket, for one session: send a signal to the other end
// (acked; refusals throw RealtimeActionError with the machine code) and listen to the signals of
// the session sent to this user. Candidates cross the wire in the contract's snake_case.
import type {
  ClientActionInput,
  RtcIceCandidate,
  RtcSignalMessage,
  RtcSignalResult,
} from '@vidinfra/domain';
import type { RealtimeSocket } from '../realtime-socket.ts';
import { sendAction } from './send-action.ts';

/** What a signal says, besides its session and recipient. */
export type OutgoingRtcSignal = Omit<ClientActionInput<'rtc:signal'>, 'session_id' | 'to_user_id'>;

/** The part of a socket signalling uses (a fake one in unit tests). */
export type SignalSocket = Pick<RealtimeSocket, 'on' | 'off' | 'timeout'>;

export interface RtcSignalling {
  send(toUserId: string, signal: OutgoingRtcSignal): Promise<RtcSignalResult>;
  /** Calls `listener` with each signal of this session; answers the unsubscribe. */
  onSignal(listener: (message: RtcSignalMessage) => void): () => void;
}

export function rtcSignalling(socket: SignalSocket, sessionId: string): RtcSignalling {
  return {
    send: (toUserId, signal) =>
      sendAction(socket, 'rtc:signal', { ...signal, session_id: sessionId, to_user_id: toUserId }),
    onSignal(listener) {
      const forSession = (message: RtcSignalMessage) => {
        if (message.session_id === sessionId) listener(message);
      };
      socket.on('rtc:signalled', forSession);
      return () => void socket.off('rtc:signalled', forSession);
    },
  };
}

/** A browser's candidate, `RTCIceCandidateInit` (declared here: servers compile this without DOM). */
export interface BrowserIceCandidate {
  candidate?: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
}

/** A browser's candidate (`RTCIceCandidate.toJSON()`) as the contract sends it. */
export function candidateToWire(candidate: BrowserIceCandidate): RtcIceCandidate {
  return {
    candidate: candidate.candidate ?? '',
    sdp_mid: candidate.sdpMid ?? null,
    sdp_m_line_index: candidate.sdpMLineIndex ?? null,
    username_fragment: candidate.usernameFragment ?? null,
  };
}

/** A candidate off the wire, for `RTCPeerConnection.addIceCandidate`. */
export function candidateFromWire(candidate: RtcIceCandidate): BrowserIceCandidate {
  return {
    candidate: candidate.candidate,
    sdpMid: candidate.sdp_mid ?? null,
    sdpMLineIndex: candidate.sdp_m_line_index ?? null,
    usernameFragment: candidate.username_fragment ?? null,
  };
}
