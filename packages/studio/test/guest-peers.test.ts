// The studio's peer manager against fake signalling and peer connections: who is called, which
// offers are answered, and that a guest off stage (or saying bye) is closed at once.
import type { RtcSignalling } from '@vidinfra/api-client';
import type { RtcSignalMessage } from '@vidinfra/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGuestPeers } from '../src/guests/guest-peers.ts';

const SESSION = '00000000-0000-4000-8000-000000000001';
const GUEST = '00000000-0000-4000-8000-0000000000aa';
const OTHER = '00000000-0000-4000-8000-0000000000bb';

class FakePeer {
  static all: FakePeer[] = [];
  remoteDescription: RTCSessionDescriptionInit | null = null;
  localDescription: RTCSessionDescriptionInit | null = null;
  candidates: RTCIceCandidateInit[] = [];
  closed = false;
  connectionState = 'new';
  ontrack: ((event: { track: unknown; streams: unknown[] }) => void) | null = null;
  onicecandidate:
    ((event: { candidate: { toJSON(): RTCIceCandidateInit } | null }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;
  constructor(readonly config: RTCConfiguration) {
    FakePeer.all.push(this);
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remoteDescription = description;
  }
  async createAnswer() {
    return { type: 'answer' as const, sdp: `answer to ${this.remoteDescription?.sdp}` };
  }
  async setLocalDescription(description: RTCSessionDescriptionInit) {
    this.localDescription = description;
  }
  async addIceCandidate(candidate: RTCIceCandidateInit) {
    this.candidates.push(candidate);
  }
  close() {
    this.closed = true;
  }
}

function fakeSignalling() {
  const sent: { to: string; call_id: string; kind: string; sdp?: string }[] = [];
  let listener: ((message: RtcSignalMessage) => void) | null = null;
  const signalling: RtcSignalling = {
    async send(to, signal) {
      sent.push({ to, ...signal } as never);
      return { session_id: SESSION, to_user_id: to, call_id: signal.call_id };
    },
    onSignal(next) {
      listener = next;
      return () => void (listener = null);
    },
  };
  const from = (userId: string, signal: Omit<RtcSignalMessage, 'session_id' | 'from_user_id'>) =>
    listener?.({ session_id: SESSION, from_user_id: userId, ...signal } as RtcSignalMessage);
  return { signalling, sent, from, listening: () => listener !== null };
}

describe('createGuestPeers', () => {
  let ids = 0;
  const streams: [string, unknown][] = [];
  let signals: ReturnType<typeof fakeSignalling>;
  const make = () =>
    createGuestPeers({
      signalling: signals.signalling,
      iceServers: [{ urls: 'stun:stun.example.com' }],
      onGuestStream: (userId, stream) => streams.push([userId, stream]),
      createPeer: (config) => new FakePeer(config) as unknown as RTCPeerConnection,
      newCallId: () => `call-${++ids}`,
      recallMs: 1000,
      onError: () => {},
    });
  const flush = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    FakePeer.all = [];
    streams.length = 0;
    ids = 0;
    signals = fakeSignalling();
    vi.stubGlobal(
      'MediaStream',
      class {
        tracks: unknown[] = [];
        getTracks = () => this.tracks;
        addTrack = (track: unknown) => this.tracks.push(track);
      },
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('calls each participant, answers its offer receive-only, and hands its stream on', async () => {
    const peers = make();
    peers.setParticipants([GUEST]);
    expect(signals.sent).toEqual([{ to: GUEST, call_id: 'call-1', kind: 'call' }]);

    signals.from(GUEST, { call_id: 'call-1', kind: 'ice', candidate: { candidate: 'early' } });
    signals.from(GUEST, { call_id: 'call-1', kind: 'offer', sdp: 'offer-sdp' });
    await flush();
    const [peer] = FakePeer.all;
    expect(peer!.config).toEqual({ iceServers: [{ urls: 'stun:stun.example.com' }] });
    expect(peer!.remoteDescription).toEqual({ type: 'offer', sdp: 'offer-sdp' });
    expect(peer!.candidates).toMatchObject([{ candidate: 'early' }]);
    expect(signals.sent.at(-1)).toEqual({
      to: GUEST,
      call_id: 'call-1',
      kind: 'answer',
      sdp: 'answer to offer-sdp',
    });

    const stream = new MediaStream();
    peer!.ontrack!({ track: 'video', streams: [stream] });
    expect(streams).toEqual([[GUEST, stream]]);
    peer!.onicecandidate!({ candidate: { toJSON: () => ({ candidate: 'mine', sdpMid: '0' }) } });
    expect(signals.sent.at(-1)).toMatchObject({
      kind: 'ice',
      call_id: 'call-1',
      candidate: { candidate: 'mine', sdp_mid: '0' },
    });
    // Connected: no more calls.
    await vi.advanceTimersByTimeAsync(5000);
    expect(signals.sent.filter((s) => s.kind === 'call')).toHaveLength(1);
  });

  it('ignores offers of an earlier call and from anyone not on stage; calls again until one comes', async () => {
    const peers = make();
    peers.setParticipants([GUEST]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(signals.sent.map((s) => s.call_id)).toEqual(['call-1', 'call-2']);
    signals.from(GUEST, { call_id: 'call-1', kind: 'offer', sdp: 'late' });
    signals.from(OTHER, { call_id: 'call-2', kind: 'offer', sdp: 'stranger' });
    await flush();
    expect(FakePeer.all).toEqual([]);
    signals.from(GUEST, { call_id: 'call-2', kind: 'offer', sdp: 'current' });
    await flush();
    expect(FakePeer.all).toHaveLength(1);
  });

  it('reports the connection, and calls again when it fails for good', async () => {
    const states: string[] = [];
    const peers = createGuestPeers({
      signalling: signals.signalling,
      onGuestStream: () => {},
      onState: (_userId, state) => states.push(state),
      createPeer: (config) => new FakePeer(config) as unknown as RTCPeerConnection,
      newCallId: () => `call-${++ids}`,
      onError: () => {},
    });
    peers.setParticipants([GUEST]);
    signals.from(GUEST, { call_id: 'call-1', kind: 'offer', sdp: 'a' });
    await flush();
    const [peer] = FakePeer.all;
    peer!.connectionState = 'connected';
    peer!.onconnectionstatechange!();
    peer!.connectionState = 'failed';
    peer!.onconnectionstatechange!();
    expect(states).toEqual(['calling', 'connecting', 'connected', 'calling']);
    expect(peer!.closed).toBe(true);
    expect(signals.sent.at(-1)).toEqual({ to: GUEST, call_id: 'call-2', kind: 'call' });
    peers.close();
  });

  it('closes a guest taken off stage at once, and a guest that says bye (calling again later)', async () => {
    const peers = make();
    peers.setParticipants([GUEST, OTHER]);
    signals.from(GUEST, { call_id: 'call-1', kind: 'offer', sdp: 'a' });
    signals.from(OTHER, { call_id: 'call-2', kind: 'offer', sdp: 'b' });
    await flush();
    const [guestPeer, otherPeer] = FakePeer.all;
    const stream = new MediaStream();
    guestPeer!.ontrack!({ track: 'video', streams: [stream] });
    otherPeer!.ontrack!({ track: 'video', streams: [new MediaStream()] });

    peers.setParticipants([OTHER]);
    expect(guestPeer!.closed).toBe(true);
    expect(streams.at(-1)).toEqual([GUEST, null]);
    expect(signals.sent.at(-1)).toEqual({ to: GUEST, call_id: 'call-1', kind: 'bye' });

    signals.from(OTHER, { call_id: 'call-2', kind: 'bye' });
    expect(otherPeer!.closed).toBe(true);
    expect(streams.at(-1)).toEqual([OTHER, null]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(signals.sent.at(-1)).toEqual({ to: OTHER, call_id: 'call-3', kind: 'call' });

    peers.close();
    expect(signals.listening()).toBe(false);
    const sentBefore = signals.sent.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(signals.sent).toHaveLength(sentBefore);
  });
});
