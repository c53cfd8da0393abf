// The one interface both media backends (local ffmpeg ingest, LiveKit) implement. Services drive
// media only through it; what happens later (a recording finished, an output died) comes back as
// MediaEvents, which the services turn into database state and domain events.
import type { OutputState } from '@vidinfra/domain';

export type LatencyMode = 'standard' | 'low';

export interface MediaGrant {
  /** Media room = session id. */
  room: string;
  identity: string;
  name: string;
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishSources?: ('camera' | 'microphone' | 'screen_share' | 'screen_share_audio')[];
  /** Hidden participants (monitors) do not show up to others. */
  hidden?: boolean;
  ttlSeconds: number;
}

export interface OutputStatus {
  state: OutputState;
  /** Input bitrate of the published stream, kilobits per second. */
  bitrateKbps?: number;
  fps?: number;
  /** Age of the newest HLS segment. */
  segmentAgeSeconds?: number;
  /** Encoder speed (1 = real time); below 1 the output falls behind. */
  speed?: number;
}

export type MediaEvent =
  | {
      type: 'recording.ready';
      recordingId: string;
      filePath: string;
      sizeBytes: number;
      durationSeconds: number;
    }
  | { type: 'recording.failed'; recordingId: string; error: string }
  | { type: 'output.state'; sessionId: string; state: OutputState };

export interface MediaBackend {
  readonly kind: 'local' | 'livekit';
  /** False when the backend cannot serve media now (503 MEDIA_UNAVAILABLE). */
  available(): Promise<boolean>;
  /** Where clients connect for media (LiveKit URL, or the local ingest's). */
  wsUrl(): string;
  mediaToken(grant: MediaGrant): Promise<string>;
  /** Starts (or keeps) the session's HLS output; `restarted` when a dead one was brought back. */
  ensureOutput(
    sessionId: string,
    options: { latencyMode: LatencyMode },
  ): Promise<{ state: OutputState; restarted: boolean }>;
  /** Ends the output for good: publishers are closed, the playlist gets its ENDLIST. */
  stopOutput(sessionId: string): Promise<void>;
  outputStatus(sessionId: string): Promise<OutputStatus>;
  /** Public HLS playlist URL of the session. */
  hlsUrl(sessionId: string): string;
  /** Takes a participant's media access away at once (ban, stage removal). */
  removeParticipant(sessionId: string, identity: string): Promise<void>;
  /** Starts recording the session's output; `externalId` names the backend's own job. */
  startRecording(sessionId: string, recordingId: string): Promise<{ externalId?: string }>;
  /** Stops it; the file follows as a `recording.ready` or `recording.failed` event. */
  stopRecording(sessionId: string, recordingId: string, externalId?: string): Promise<void>;
  /** Processes a failed recording again; the outcome follows as an event. */
  retryRecording(recordingId: string, externalId?: string): Promise<void>;
  /** Subscribes to what happens later; returns the unsubscribe function. */
  onEvent(listener: (event: MediaEvent) => void): () => void;
  /** Stops every process and timer (server shutdown). */
  close(): Promise<void>;
}
