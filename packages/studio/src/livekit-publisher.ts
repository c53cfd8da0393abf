// Publishing to a LiveKit room (the `livekit` media backend): the studio's video and audio tracks
// are published with livekit-client, and LiveKit's egress makes the HLS. The room's own
// reconnection handles network drops; its disconnect reasons become the same states as the
// ingest's close codes. livekit-client is loaded only when a session uses LiveKit.
import type { PublishState, PublishStats, Publisher } from './publisher.ts';

/** What the publisher uses of livekit-client's Room (tests pass a fake). */
export interface LiveKitRoom {
  connect(url: string, token: string): Promise<void>;
  disconnect(): Promise<void>;
  on(event: 'reconnecting' | 'reconnected', listener: () => void): unknown;
  on(event: 'disconnected', listener: (reason?: number) => void): unknown;
  localParticipant: {
    publishTrack(
      track: MediaStreamTrack,
      options: { source: 'camera' | 'microphone'; name: string; videoBitsPerSecond?: number },
    ): Promise<{ bytesSent(): Promise<number> }>;
  };
}

export interface LiveKitPublisherOptions {
  stream: MediaStream;
  /** The LiveKit server (join's ws_url) and the publish-capable token (join's token). */
  url: string;
  token: string;
  videoBitsPerSecond?: number;
  onState(state: PublishState): void;
  onStats?(stats: PublishStats): void;
  /** Makes the room; livekit-client's Room by default. */
  createRoom?: () => Promise<LiveKitRoom>;
}

/** livekit-client's DisconnectReason values that the studio explains (the rest: "lost"). */
export const LIVEKIT_DISCONNECT = {
  CLIENT_INITIATED: 1,
  DUPLICATE_IDENTITY: 2,
  SERVER_SHUTDOWN: 3,
  PARTICIPANT_REMOVED: 4,
  ROOM_DELETED: 5,
  JOIN_FAILURE: 7,
  ROOM_CLOSED: 10,
} as const;

/** What a LiveKit disconnect means for the host, like closeVerdict does for the ingest. */
export function liveKitDisconnectState(reason: number | undefined): PublishState {
  switch (reason) {
    case LIVEKIT_DISCONNECT.CLIENT_INITIATED:
      return { status: 'stopped', message: 'Publishing stopped.' };
    case LIVEKIT_DISCONNECT.DUPLICATE_IDENTITY:
      return { status: 'takeover', message: 'Another studio took over this session.' };
    case LIVEKIT_DISCONNECT.PARTICIPANT_REMOVED:
      return { status: 'failed', message: 'You were removed from the media room.' };
    case LIVEKIT_DISCONNECT.ROOM_DELETED:
    case LIVEKIT_DISCONNECT.ROOM_CLOSED:
      return { status: 'stopped', message: 'The session has ended.' };
    case LIVEKIT_DISCONNECT.SERVER_SHUTDOWN:
      return { status: 'failed', message: 'The media server shut down. Go live again.' };
    case LIVEKIT_DISCONNECT.JOIN_FAILURE:
      return { status: 'failed', message: 'Could not join the media room.' };
    default:
      return { status: 'failed', message: 'The connection to the media server was lost.' };
  }
}

/** A stage guest's link state (the watch page's words) for a LiveKit publisher's state. */
export type GuestLinkState = 'waiting' | 'connecting' | 'connected' | 'failed' | 'closed';

export function guestLinkStateOf(state: PublishState): GuestLinkState {
  switch (state.status) {
    case 'publishing':
      return 'connected';
    case 'connecting':
    case 'reconnecting':
      return 'connecting';
    case 'stopped':
      return 'closed';
    default:
      return 'failed';
  }
}

const STATS_INTERVAL_MS = 1000;

async function liveKitRoom(): Promise<LiveKitRoom> {
  const { Room, RoomEvent, Track } = await import('livekit-client');
  const room = new Room({ adaptiveStream: false, dynacast: false });
  const sources = { camera: Track.Source.Camera, microphone: Track.Source.Microphone };
  const events = {
    reconnecting: RoomEvent.Reconnecting,
    reconnected: RoomEvent.Reconnected,
    disconnected: RoomEvent.Disconnected,
  } as const;
  return {
    connect: (url, token) => room.connect(url, token),
    disconnect: () => room.disconnect(),
    on: (event: keyof typeof events, listener: (reason?: number) => void) =>
      room.on(events[event], listener),
    localParticipant: {
      async publishTrack(track, options) {
        const publication = await room.localParticipant.publishTrack(track, {
          source: sources[options.source],
          name: options.name,
          simulcast: false,
          ...(options.videoBitsPerSecond && {
            videoEncoding: { maxBitrate: options.videoBitsPerSecond },
          }),
        });
        return {
          async bytesSent() {
            const stats = await publication.track?.sender?.getStats();
            let bytes = 0;
            stats?.forEach((report: { type: string; bytesSent?: number }) => {
              if (report.type === 'outbound-rtp') bytes += report.bytesSent ?? 0;
            });
            return bytes;
          },
        };
      },
    },
  };
}

export function createLiveKitPublisher(options: LiveKitPublisherOptions): Publisher {
  const createRoom = options.createRoom ?? liveKitRoom;
  let room: LiveKitRoom | null = null;
  let stopping = false;
  let reconnects = 0;
  let statsTimer: ReturnType<typeof setInterval> | null = null;
  let counters: Array<{ bytesSent(): Promise<number> }> = [];
  let lastBytes = 0;

  const stopStats = () => {
    if (statsTimer) clearInterval(statsTimer);
    statsTimer = null;
  };

  const startStats = () => {
    if (!options.onStats) return;
    statsTimer = setInterval(async () => {
      const bytes = (await Promise.all(counters.map((c) => c.bytesSent()))).reduce(
        (sum, n) => sum + n,
        0,
      );
      const sent = Math.max(0, bytes - lastBytes);
      lastBytes = bytes;
      options.onStats?.({
        bitrateKbps: Math.round((sent * 8) / STATS_INTERVAL_MS),
        queuedBytes: 0,
        reconnects,
      });
    }, STATS_INTERVAL_MS);
  };

  async function connect() {
    options.onState({ status: 'connecting' });
    try {
      room = await createRoom();
      room.on('reconnecting', () =>
        options.onState({ status: 'reconnecting', message: 'Connection lost: reconnecting…' }),
      );
      room.on('reconnected', () => {
        reconnects += 1;
        options.onState({ status: 'publishing' });
      });
      room.on('disconnected', (reason) => {
        stopStats();
        if (!stopping) options.onState(liveKitDisconnectState(reason));
      });
      await room.connect(options.url, options.token);
      counters = await Promise.all(
        options.stream.getTracks().map((track) =>
          room!.localParticipant.publishTrack(track, {
            source: track.kind === 'video' ? 'camera' : 'microphone',
            name: `studio-${track.kind}`,
            ...(track.kind === 'video' &&
              options.videoBitsPerSecond && { videoBitsPerSecond: options.videoBitsPerSecond }),
          }),
        ),
      );
      if (stopping) return;
      options.onState({ status: 'publishing' });
      startStats();
    } catch {
      stopStats();
      await room?.disconnect().catch(() => undefined);
      if (!stopping) options.onState(liveKitDisconnectState(LIVEKIT_DISCONNECT.JOIN_FAILURE));
    }
  }

  return {
    // LiveKit lets the newest participant with an identity in: a takeover is simply joining.
    start() {
      stopping = false;
      void connect();
    },
    async stop() {
      stopping = true;
      stopStats();
      await room?.disconnect();
      room = null;
      options.onState({ status: 'stopped', message: 'Publishing stopped.' });
    },
    socket: () => null,
  };
}
