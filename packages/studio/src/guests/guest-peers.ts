// The studio's end of the stage guests' WebRTC, with no media server: one RTCPeerConnection per
// guest on stage. The studio `call`s each participant (again every few seconds until an offer
// comes: the guest's page may open later), the guest offers its camera and microphone
// (send-only), the studio answers receive-only and hands the guest's MediaStream on. A guest off
// the list (removed, banned, left) is closed at once; a `bye` closes it too (and it is called
// again while still on stage, e.g. after a reload). Framework-free: the React hook sits on top.
import { candidateFromWire, candidateToWire, type RtcSignalling } from '@vidinfra/api-client';
import type { RtcSignalMessage } from '@vidinfra/domain';

export type GuestPeerState = 'calling' | 'connecting' | 'connected' | 'closed';

export interface GuestPeersOptions {
  signalling: RtcSignalling;
  /** STUN/TURN servers (none: host candidates only, enough on one machine or a LAN). */
  iceServers?: RTCIceServer[];
  /** A guest's media arrived (the same stream as tracks are added), or went (null). */
  onGuestStream(userId: string, stream: MediaStream | null): void;
  onState?(userId: string, state: GuestPeerState): void;
  /** How long to wait for an offer before calling again. */
  recallMs?: number;
  /** Seams for unit tests. */
  createPeer?: (config: RTCConfiguration) => RTCPeerConnection;
  newCallId?: () => string;
  onError?: (error: unknown) => void;
}

export interface GuestPeers {
  /** The participants on stage now: new ones are called, missing ones closed at once. */
  setParticipants(userIds: readonly string[]): void;
  /** Closes one guest's connection at once (taken off stage, banned). */
  remove(userId: string): void;
  /** Closes everything and stops listening. */
  close(): void;
}

interface Guest {
  callId: string;
  peer: RTCPeerConnection | null;
  /** Candidates that came before the offer. */
  pending: RTCIceCandidateInit[];
  recall: ReturnType<typeof setTimeout> | null;
  stream: MediaStream | null;
}

const randomCallId = () => crypto.randomUUID();

export function createGuestPeers(options: GuestPeersOptions): GuestPeers {
  const {
    signalling,
    onGuestStream,
    recallMs = 4000,
    createPeer = (config) => new RTCPeerConnection(config),
    newCallId = randomCallId,
    onError = (error) => console.warn('stage guest connection', error),
  } = options;
  const guests = new Map<string, Guest>();
  let closed = false;
  const state = (userId: string, next: GuestPeerState) => options.onState?.(userId, next);

  function hangUp(userId: string, guest: Guest) {
    if (guest.recall) clearTimeout(guest.recall);
    guest.recall = null;
    if (guest.peer) {
      guest.peer.ontrack = guest.peer.onicecandidate = guest.peer.onconnectionstatechange = null;
      guest.peer.close();
      guest.peer = null;
    }
    guest.pending = [];
    if (guest.stream) {
      guest.stream = null;
      onGuestStream(userId, null);
    }
  }

  /** A new attempt: a fresh call id, a `call`, and another one later if no offer comes. */
  function call(userId: string) {
    const guest = guests.get(userId);
    if (!guest || closed) return;
    hangUp(userId, guest);
    guest.callId = newCallId();
    state(userId, 'calling');
    signalling.send(userId, { call_id: guest.callId, kind: 'call' }).catch(onError);
    guest.recall = setTimeout(() => {
      guest.recall = null;
      if (!guest.peer) call(userId);
    }, recallMs);
  }

  async function answer(userId: string, guest: Guest, sdp: string) {
    const early = guest.pending;
    hangUp(userId, guest);
    guest.pending = early;
    const callId = guest.callId;
    const peer = createPeer({ iceServers: options.iceServers ?? [] });
    guest.peer = peer;
    state(userId, 'connecting');
    peer.ontrack = (event) => {
      const stream = event.streams[0] ?? guest.stream ?? new MediaStream();
      if (!stream.getTracks().includes(event.track)) stream.addTrack(event.track);
      guest.stream = stream;
      onGuestStream(userId, stream);
    };
    peer.onicecandidate = (event) => {
      if (!event.candidate) return;
      signalling
        .send(userId, {
          call_id: callId,
          kind: 'ice',
          candidate: candidateToWire(event.candidate.toJSON()),
        })
        .catch(onError);
    };
    peer.onconnectionstatechange = () => {
      if (guest.peer !== peer) return;
      if (peer.connectionState === 'connected') state(userId, 'connected');
      // Lost for good (the guest's network, a crashed tab): try again from the start.
      if (peer.connectionState === 'failed') call(userId);
    };
    await peer.setRemoteDescription({ type: 'offer', sdp });
    for (const candidate of guest.pending.splice(0)) await peer.addIceCandidate(candidate);
    await peer.setLocalDescription(await peer.createAnswer());
    if (guest.peer !== peer) return;
    await signalling.send(userId, {
      call_id: callId,
      kind: 'answer',
      sdp: peer.localDescription!.sdp,
    });
  }

  function onSignal(message: RtcSignalMessage) {
    const guest = guests.get(message.from_user_id);
    // Someone not on stage (the server checks too), or an earlier attempt's late message.
    if (!guest || message.call_id !== guest.callId) return;
    const userId = message.from_user_id;
    if (message.kind === 'offer' && message.sdp)
      answer(userId, guest, message.sdp).catch((error) => {
        onError(error);
        if (guests.get(userId) === guest) call(userId);
      });
    if (message.kind === 'ice' && message.candidate) {
      const candidate = candidateFromWire(message.candidate);
      if (guest.peer?.remoteDescription) guest.peer.addIceCandidate(candidate).catch(onError);
      else guest.pending.push(candidate);
    }
    if (message.kind === 'bye') {
      hangUp(userId, guest);
      state(userId, 'closed');
      // Still on stage (a reload, a device change): call again shortly.
      guest.recall = setTimeout(() => call(userId), recallMs);
    }
  }
  const stopListening = signalling.onSignal(onSignal);

  function remove(userId: string) {
    const guest = guests.get(userId);
    if (!guest) return;
    guests.delete(userId);
    const hadPeer = guest.peer !== null;
    hangUp(userId, guest);
    state(userId, 'closed');
    // Tell the guest's browser (refused when it is already off stage: the server closed it).
    if (hadPeer) signalling.send(userId, { call_id: guest.callId, kind: 'bye' }).catch(() => {});
  }

  return {
    setParticipants(userIds) {
      if (closed) return;
      const wanted = new Set(userIds);
      for (const userId of [...guests.keys()]) if (!wanted.has(userId)) remove(userId);
      for (const userId of wanted) {
        if (guests.has(userId)) continue;
        guests.set(userId, { callId: '', peer: null, pending: [], recall: null, stream: null });
        call(userId);
      }
    },
    remove,
    close() {
      for (const userId of [...guests.keys()]) remove(userId);
      closed = true;
      stopListening();
    },
  };
}
