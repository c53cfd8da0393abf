// The one interface both media backends (local ffmpeg, LiveKit) implement. Operations that
// drive media go through it; the API never talks to a media server itself.
import type { OutputState } from '@vidinfra/domain';

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
  bitrateKbps?: number;
  fps?: number;
  segmentAgeSeconds?: number;
}

export interface MediaBackend {
  readonly kind: 'local' | 'livekit';
  /** False when the backend cannot serve media now (503 MEDIA_UNAVAILABLE). */
  available(): Promise<boolean>;
  /** Where clients connect for two-way media (LiveKit URL, or the local gateway's). */
  wsUrl(): string;
  mediaToken(grant: MediaGrant): Promise<string>;
  /** Starts (or keeps) the session's HLS output; `restarted` when a dead one was brought back. */
  ensureOutput(
    sessionId: string,
    options: { latencyMode: 'standard' | 'low' },
  ): Promise<{ state: OutputState; restarted: boolean }>;
  stopOutput(sessionId: string): Promise<void>;
  outputStatus(sessionId: string): Promise<OutputStatus>;
  /** Public HLS playlist URL of the session. */
  hlsUrl(sessionId: string): string;
}
