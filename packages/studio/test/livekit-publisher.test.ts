// The LiveKit publisher against a fake room (the LiveKit server cannot run here): it connects
// with join's url and token, publishes each track with its source and the preset's bitrate,
// reports upload statistics, and turns reconnects and disconnect reasons into studio states.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createLiveKitPublisher,
  guestLinkStateOf,
  LIVEKIT_DISCONNECT,
  liveKitDisconnectState,
  type LiveKitRoom,
} from '../src/livekit-publisher.ts';
import type { PublishState, PublishStats } from '../src/publisher.ts';

type Listener = (reason?: number) => void;

class FakeRoom implements LiveKitRoom {
  listeners = new Map<string, Listener>();
  connectedWith: [string, string] | null = null;
  published: Array<{ kind: string; options: object }> = [];
  disconnected = false;
  bytes = 0;
  failConnect = false;
  async connect(url: string, token: string) {
    if (this.failConnect) throw new Error('could not establish signal connection');
    this.connectedWith = [url, token];
  }
  async disconnect() {
    this.disconnected = true;
    this.listeners.get('disconnected')?.(LIVEKIT_DISCONNECT.CLIENT_INITIATED);
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
  }
  emit(event: string, reason?: number) {
    this.listeners.get(event)?.(reason);
  }
  localParticipant = {
    publishTrack: async (track: MediaStreamTrack, options: object) => {
      this.published.push({ kind: track.kind, options });
      return { bytesSent: async () => this.bytes };
    },
  };
}

const stream = {
  getTracks: () => [{ kind: 'video' }, { kind: 'audio' }] as MediaStreamTrack[],
} as MediaStream;

let room: FakeRoom;
let states: PublishState[];
let stats: PublishStats[];

function publisher() {
  return createLiveKitPublisher({
    stream,
    url: 'wss://livekit.example.com',
    token: 'lk.jwt',
    videoBitsPerSecond: 2_500_000,
    onState: (state) => states.push(state),
    onStats: (next) => stats.push(next),
    createRoom: async () => room,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  room = new FakeRoom();
  states = [];
  stats = [];
});
afterEach(() => vi.useRealTimers());

describe('createLiveKitPublisher', () => {
  it('connects with the join answer and publishes camera and microphone', async () => {
    publisher().start();
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ status: 'publishing' }));
    expect(states[0]).toEqual({ status: 'connecting' });
    expect(room.connectedWith).toEqual(['wss://livekit.example.com', 'lk.jwt']);
    expect(room.published).toEqual([
      {
        kind: 'video',
        options: { source: 'camera', name: 'studio-video', videoBitsPerSecond: 2_500_000 },
      },
      { kind: 'audio', options: { source: 'microphone', name: 'studio-audio' } },
    ]);
  });

  it('reports the upload bitrate each second from the bytes sent', async () => {
    publisher().start();
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ status: 'publishing' }));
    room.bytes = 125_000; // per track: 250 kB in one second over two tracks = 2000 kbit/s
    await vi.advanceTimersByTimeAsync(1000);
    expect(stats.at(-1)).toEqual({ bitrateKbps: 2000, queuedBytes: 0, reconnects: 0 });
  });

  it('shows reconnecting and back to publishing, counting the reconnect', async () => {
    publisher().start();
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ status: 'publishing' }));
    room.emit('reconnecting');
    expect(states.at(-1)?.status).toBe('reconnecting');
    room.emit('reconnected');
    expect(states.at(-1)).toEqual({ status: 'publishing' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(stats.at(-1)?.reconnects).toBe(1);
  });

  it('turns a disconnect into the reason the host understands', async () => {
    publisher().start();
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ status: 'publishing' }));
    room.emit('disconnected', LIVEKIT_DISCONNECT.DUPLICATE_IDENTITY);
    expect(states.at(-1)?.status).toBe('takeover');
  });

  it('fails with a message when the room cannot be joined', async () => {
    room.failConnect = true;
    publisher().start();
    await vi.waitFor(() =>
      expect(states.at(-1)).toEqual({
        status: 'failed',
        message: 'Could not join the media room.',
      }),
    );
    expect(room.disconnected).toBe(true);
  });

  it('stops on purpose: disconnects, says stopped once, sends no more statistics', async () => {
    const p = publisher();
    p.start();
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ status: 'publishing' }));
    await p.stop();
    expect(room.disconnected).toBe(true);
    expect(states.filter((s) => s.status === 'stopped')).toHaveLength(1);
    const seen = stats.length;
    await vi.advanceTimersByTimeAsync(3000);
    expect(stats).toHaveLength(seen);
    expect(p.socket()).toBeNull();
  });
});

describe('liveKitDisconnectState', () => {
  it('names every reason the host can act on and calls the rest a lost connection', () => {
    expect(liveKitDisconnectState(LIVEKIT_DISCONNECT.ROOM_DELETED).status).toBe('stopped');
    expect(liveKitDisconnectState(LIVEKIT_DISCONNECT.PARTICIPANT_REMOVED)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/removed/),
    });
    expect(liveKitDisconnectState(LIVEKIT_DISCONNECT.SERVER_SHUTDOWN).status).toBe('failed');
    expect(liveKitDisconnectState(undefined)).toMatchObject({
      message: expect.stringMatching(/lost/),
    });
  });
});

describe('guestLinkStateOf', () => {
  it("says a stage guest's LiveKit publishing in the stage panel's words", () => {
    expect(guestLinkStateOf({ status: 'publishing' })).toBe('connected');
    expect(guestLinkStateOf({ status: 'reconnecting', message: '' })).toBe('connecting');
    expect(guestLinkStateOf({ status: 'stopped', message: '' })).toBe('closed');
    expect(guestLinkStateOf({ status: 'takeover', message: '' })).toBe('failed');
  });
});
