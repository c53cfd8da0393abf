// The stage guest's end of the WebRTC link to the studio, with no media server: the studio
// (the session's host side) `call`s; the guest answers the call with an offer of its camera and
// microphone, send-only; the studio's answer and both sides' ICE candidates follow. One link per
// calling host user (another call from the same one replaces it). Closing says `bye`.
import { candidateFromWire, candidateToWire, type RtcSignalling } from '@vidinfra/api-client';
import type { RtcSignalMessage } from '@vidinfra/domain';

export type StageLinkState = 'waiting' | 'connecting' | 'connected' | 'failed' | 'closed';

export interface StageLinkOptions {
  signalling: RtcSignalling;
  iceServers: RTCIceServer[];
  onState(state: StageLinkState): void;
  onError?: (error: unknown) => void;
}

interface Link {
  callId: string;
  peer: RTCPeerConnection;
  pending: RTCIceCandidateInit[];
}

export interface StageLink {
  /** The camera and microphone to send (null while they open); a new one replaces the tracks. */
  setStream(stream: MediaStream | null): void;
  setIceServers(servers: RTCIceServer[]): void;
  /** Hangs up (`bye`) and closes every connection. */
  close(): void;
}

export function createStageLink(options: StageLinkOptions): StageLink {
  const { signalling, onState, onError = (e) => console.warn('stage link', e) } = options;
  let iceServers = options.iceServers;
  let stream: MediaStream | null = null;
  let closed = false;
  const links = new Map<string, Link>();
  /** Calls that came before the camera was open, answered once it is. */
  const waitingCalls = new Map<string, string>();

  const report = () => {
    const states = [...links.values()].map((link) => link.peer.connectionState);
    if (closed) return onState('closed');
    if (states.includes('connected')) return onState('connected');
    if (states.includes('failed')) return onState('failed');
    onState(links.size ? 'connecting' : 'waiting');
  };

  function drop(hostId: string) {
    const link = links.get(hostId);
    if (!link) return;
    links.delete(hostId);
    link.peer.onicecandidate = link.peer.onconnectionstatechange = null;
    link.peer.close();
  }

  async function offer(hostId: string, callId: string, media: MediaStream) {
    drop(hostId);
    const peer = new RTCPeerConnection({ iceServers });
    const link: Link = { callId, peer, pending: [] };
    links.set(hostId, link);
    for (const track of media.getTracks())
      peer.addTransceiver(track, { direction: 'sendonly', streams: [media] });
    peer.onicecandidate = (event) => {
      if (!event.candidate) return;
      signalling
        .send(hostId, {
          call_id: callId,
          kind: 'ice',
          candidate: candidateToWire(event.candidate.toJSON()),
        })
        .catch(onError);
    };
    peer.onconnectionstatechange = report;
    report();
    await peer.setLocalDescription(await peer.createOffer());
    if (links.get(hostId) !== link) return;
    await signalling.send(hostId, {
      call_id: callId,
      kind: 'offer',
      sdp: peer.localDescription!.sdp,
    });
  }

  const start = (hostId: string, callId: string) => {
    if (!stream) return void waitingCalls.set(hostId, callId);
    offer(hostId, callId, stream).catch(onError);
  };

  async function onSignal(message: RtcSignalMessage) {
    if (closed) return;
    const hostId = message.from_user_id;
    if (message.kind === 'call') return start(hostId, message.call_id);
    const link = links.get(hostId);
    if (!link || link.callId !== message.call_id) return;
    if (message.kind === 'answer' && message.sdp) {
      await link.peer.setRemoteDescription({ type: 'answer', sdp: message.sdp });
      for (const candidate of link.pending.splice(0)) await link.peer.addIceCandidate(candidate);
    }
    if (message.kind === 'ice' && message.candidate) {
      const candidate = candidateFromWire(message.candidate);
      if (link.peer.remoteDescription) await link.peer.addIceCandidate(candidate);
      else link.pending.push(candidate);
    }
    if (message.kind === 'bye') {
      drop(hostId);
      report();
    }
  }
  const stopListening = signalling.onSignal((message) => void onSignal(message).catch(onError));
  onState('waiting');

  return {
    setStream(next) {
      stream = next;
      if (!next) return;
      for (const link of links.values())
        for (const sender of link.peer.getSenders()) {
          const kind = sender.track?.kind;
          const track = next.getTracks().find((t) => t.kind === kind);
          if (track && sender.track !== track) sender.replaceTrack(track).catch(onError);
        }
      for (const [hostId, callId] of waitingCalls) start(hostId, callId);
      waitingCalls.clear();
    },
    setIceServers(servers) {
      iceServers = servers;
    },
    close() {
      if (closed) return;
      closed = true;
      stopListening();
      for (const [hostId, link] of links) {
        signalling.send(hostId, { call_id: link.callId, kind: 'bye' }).catch(() => {});
        drop(hostId);
      }
      report();
    },
  };
}
