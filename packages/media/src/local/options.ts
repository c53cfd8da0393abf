// Options of the local media backend, with their defaults.
import { join } from 'node:path';

export interface MediaLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LocalMediaOptions {
  /** Public base URL of the server (HLS and the ingest are served under it). */
  publicUrl: string;
  /** LiveKit-format API key and secret: media tokens are signed and verified with them. */
  apiKey: string;
  apiSecret: string;
  /** `{dataDir}/hls/{sessionId}/` and `{dataDir}/recordings/` live here. */
  dataDir: string;
  ffmpegPath?: string;
  /** Defaults to the ffprobe next to `ffmpegPath`. */
  ffprobePath?: string;
  /** Per-session disk budget: HLS directory plus active recording parts. */
  quotaBytes?: number;
  /** How long a dropped publisher may take to come back into the same playlist. */
  reconnectGraceMs?: number;
  /** Largest WebSocket message accepted from a publisher. */
  maxMessageBytes?: number;
  /** How long an ended session's final playlist and segments stay for late viewers. */
  endedRetentionMs?: number;
  /**
   * How often a publisher is pinged; one that has not answered the previous ping by the next is
   * taken for gone (a dropped connection that never closed) and its socket terminated.
   */
  heartbeatMs?: number;
  /** How long a newly admitted publisher may take to send its first message. */
  firstMessageTimeoutMs?: number;
  /**
   * How long a publisher may go without sending a message before it counts as dropped. Defaults
   * to three segment lengths of the session's latency mode plus 2 s.
   */
  idleTimeoutMs?: number;
  /** How often a live session's poster (a frame of its newest segment) is renewed. */
  posterIntervalMs?: number;
  log?: MediaLog;
}

export type ResolvedOptions = Required<Omit<LocalMediaOptions, 'log' | 'idleTimeoutMs'>> & {
  log: MediaLog;
  idleTimeoutMs?: number;
};

const silent: MediaLog = { info() {}, warn() {}, error() {} };

export function resolveOptions(options: LocalMediaOptions): ResolvedOptions {
  const ffmpegPath = options.ffmpegPath ?? 'ffmpeg';
  return {
    ...options,
    ffmpegPath,
    ffprobePath: options.ffprobePath ?? ffmpegPath.replace(/ffmpeg(\.exe)?$/, 'ffprobe$1'),
    quotaBytes: options.quotaBytes ?? 2 * 1024 ** 3,
    reconnectGraceMs: options.reconnectGraceMs ?? 10_000,
    maxMessageBytes: options.maxMessageBytes ?? 4 * 1024 ** 2,
    endedRetentionMs: options.endedRetentionMs ?? 60_000,
    heartbeatMs: options.heartbeatMs ?? 5000,
    firstMessageTimeoutMs: options.firstMessageTimeoutMs ?? 10_000,
    posterIntervalMs: options.posterIntervalMs ?? 10_000,
    log: options.log ?? silent,
  };
}

/** Idle limit of a session whose segments last `segmentSeconds`. */
export const idleTimeoutMs = (options: ResolvedOptions, segmentSeconds: number) =>
  options.idleTimeoutMs ?? 3 * segmentSeconds * 1000 + 2000;

// The disk layout under `dataDir`, exported for the packages that serve or count these files.

/** A session's live HLS output (`index.m3u8` and its segments). */
/** Where every session's HLS folder lives. */
export const hlsRoot = (dataDir: string) => join(dataDir, 'hls');
export const hlsDir = (dataDir: string, sessionId: string) => join(hlsRoot(dataDir), sessionId);
/** A live session's poster: a frame of its newest segment (see poster.ts). */
export const POSTER_NAME = 'poster.jpg';
export const recordingsDir = (dataDir: string) => join(dataDir, 'recordings');
/** A finished recording. */
export const recordingFile = (dataDir: string, recordingId: string) =>
  join(recordingsDir(dataDir), `${recordingId}.mp4`);
/** A finished recording's poster: one frame of its file (see recording-poster.ts). */
export const recordingPosterFile = (dataDir: string, recordingId: string) =>
  join(recordingsDir(dataDir), `${recordingId}.poster.jpg`);
/** An active or failed recording's segments, kept until its MP4 is made. */
export const recordingPartsDir = (dataDir: string, recordingId: string) =>
  join(recordingsDir(dataDir), `${recordingId}.parts`);

/** Latency modes: segment length and how many segments the public playlist lists. */
export const LATENCY = {
  standard: { segmentSeconds: 1, windowSize: 6 },
  low: { segmentSeconds: 0.5, windowSize: 4 },
} as const;
