// The one interface both media backends (local ffmpeg ingest, LiveKit) implement. Services drive
// media only through it; what happens later (a recording finished, an output died) comes back as
// MediaEvents, which the services turn into database state and domain events. What only one
// backend can do is an optional capability it declares (`ingest`, `webhook`): callers use the
// capability when it is there, and never ask which backend they have.
import type { Server } from 'node:http';
import type { OutputState } from '@vidinfra/domain';
import type { WebhookEvent } from 'livekit-server-sdk';

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
      /** A JPEG frame of the file, when the backend made one (the local backend does). */
      posterPath?: string;
    }
  | { type: 'recording.failed'; recordingId: string; error: string }
  | { type: 'output.state'; sessionId: string; state: OutputState };

/** The application's answer on a publisher whose token verified. */
export type IngestAdmissionResult =
  { ok: true } | { ok: false; code: 4403 | 4404 | 4410; reason: string };

/**
 * Asked after the publisher's token verified and before it is taken: the token only says the
 * holder may publish media into the room (stage guests get one for LiveKit too), the
 * application knows who may broadcast (host side, not banned, session live). A refusal closes
 * the socket with its code and reason; a rejection closes it with 1011.
 */
export type IngestAdmission = (
  sessionId: string,
  identity: string,
) => Promise<IngestAdmissionResult>;

export interface IngestOptions {
  admit?: IngestAdmission;
  /**
   * The application's Origin rule (true when this Origin header, or none, may connect): a
   * publisher whose page is on another origin is refused with 4403 before its token is read.
   * Browsers send any site's WebSocket upgrades with no CORS check, so the server must.
   */
  allowOrigin?: (origin: string | undefined) => boolean;
}

/** What an ingest is doing now, for the operator's metrics. */
export interface IngestStats {
  /** Sessions whose output was started and not stopped. */
  liveSessions: number;
  /** ffmpeg processes making HLS outputs now. */
  ffmpegProcesses: number;
  /** Media bytes received from publishers since the backend started. */
  bytesReceived: number;
}

/** A backend that takes the studio's media itself, over WebSockets on our HTTP server (local). */
export interface MediaIngest {
  /** Serves `/ingest/sessions/{id}` upgrades on `server` until the returned close (or the backend's). */
  attach(server: Server, options?: IngestOptions): { close(): Promise<void> };
  stats(): IngestStats;
}

/** An event a media server reported through its webhook (LiveKit's). */
export type MediaWebhookEvent = WebhookEvent;

/** A backend whose media server reports through signed webhooks (LiveKit). */
export interface MediaWebhook {
  /**
   * Checks a delivery's signature against the raw body and returns its event: UNAUTHORIZED for
   * a missing, forged, expired or mismatched signature, INVALID_JSON for a signed non-event.
   */
  receive(rawBody: string, authorization: string | undefined): Promise<MediaWebhookEvent>;
  /** Turns what the event says about outputs and recordings into MediaEvents for the listeners. */
  apply(event: MediaWebhookEvent): void;
}

export interface MediaBackend {
  /** Which backend this is, for reports (health); behaviour goes by the capabilities below. */
  readonly kind: 'local' | 'livekit';
  /** Present when the backend takes media over our own HTTP server (local). */
  readonly ingest?: MediaIngest;
  /** Present when the backend's media server reports through webhooks (LiveKit). */
  readonly webhook?: MediaWebhook;
  /**
   * True when the backend makes recordings inside this process (local ffmpeg): a restart
   * interrupts them. An external media server's recordings run on without us.
   */
  readonly recordsInProcess: boolean;
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
