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
  log?: MediaLog;
}

export type ResolvedOptions = Required<Omit<LocalMediaOptions, 'log'>> & { log: MediaLog };

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
    log: options.log ?? silent,
  };
}

export const hlsDir = (dataDir: string, sessionId: string) => join(dataDir, 'hls', sessionId);
export const recordingsDir = (dataDir: string) => join(dataDir, 'recordings');

/** Latency modes: segment length and how many segments the public playlist lists. */
export const LATENCY = {
  standard: { segmentSeconds: 1, windowSize: 6 },
  low: { segmentSeconds: 0.5, windowSize: 4 },
} as const;
