// Our egresses as LiveKit sees them, and how to read them back. A session's HLS output is a
// room-composite egress writing `{hlsDir}/{sessionId}/index.m3u8` and its segments; a recording
// is one writing `{recordingsDir}/{recordingId}.mp4`. The paths are the only tags we need:
// ListEgress and the webhooks echo the request, so any API node recognises an egress that
// another node started, with no table of our own.
import { posix } from 'node:path';
import type { OutputState } from '@vidinfra/domain';
import {
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  SegmentedFileOutput,
  SegmentedFileProtocol,
  type EgressInfo,
} from 'livekit-server-sdk';
import type { LatencyMode, MediaEvent } from '../backend.ts';

export const PLAYLIST = 'index.m3u8';
const SEGMENT_PREFIX = 'segment';
const RECORDING_EXTENSION = '.mp4';

/**
 * LiveKit takes the segment duration in whole seconds and the egress cuts a keyframe per
 * segment: 1 s is its shortest, so low latency cannot go below the standard mode here.
 */
const SEGMENT_SECONDS: Record<LatencyMode, number> = { standard: 1, low: 1 };

/** The directories the egress writes into, as the egress sees them (posix paths). */
export interface EgressPaths {
  hlsDir: string;
  recordingsDir: string;
}

export type OurEgress =
  | { kind: 'hls'; sessionId: string; info: EgressInfo }
  | { kind: 'recording'; sessionId: string; recordingId: string; info: EgressInfo };

export const hlsPlaylistPath = (paths: EgressPaths, sessionId: string) =>
  posix.join(paths.hlsDir, sessionId, PLAYLIST);

export const recordingPath = (paths: EgressPaths, recordingId: string) =>
  posix.join(paths.recordingsDir, `${recordingId}${RECORDING_EXTENSION}`);

export function hlsOutput(
  paths: EgressPaths,
  sessionId: string,
  latency: LatencyMode,
): SegmentedFileOutput {
  return new SegmentedFileOutput({
    protocol: SegmentedFileProtocol.HLS_PROTOCOL,
    filenamePrefix: posix.join(paths.hlsDir, sessionId, SEGMENT_PREFIX),
    playlistName: hlsPlaylistPath(paths, sessionId),
    segmentDuration: SEGMENT_SECONDS[latency],
  });
}

export function recordingOutput(paths: EgressPaths, recordingId: string): EncodedFileOutput {
  return new EncodedFileOutput({
    fileType: EncodedFileType.MP4,
    filepath: recordingPath(paths, recordingId),
  });
}

/** The playlist and file an egress was asked to write (request echo, else its results). */
function targets(info: EgressInfo): { playlist?: string; file?: string } {
  const request = info.request.case === 'roomComposite' ? info.request.value : undefined;
  const legacy = request?.output;
  return {
    playlist:
      request?.segmentOutputs[0]?.playlistName ??
      (legacy?.case === 'segments' ? legacy.value.playlistName : undefined) ??
      info.segmentResults[0]?.playlistName,
    file:
      request?.fileOutputs[0]?.filepath ??
      (legacy?.case === 'file' ? legacy.value.filepath : undefined) ??
      info.fileResults[0]?.filename,
  };
}

/** One of ours (the session's HLS output or a recording of it), or null for anything else. */
export function classify(info: EgressInfo, paths: EgressPaths): OurEgress | null {
  const sessionId = info.roomName;
  if (!sessionId) return null;
  const { playlist, file } = targets(info);
  if (playlist && playlist === hlsPlaylistPath(paths, sessionId)) {
    return { kind: 'hls', sessionId, info };
  }
  if (
    file &&
    posix.dirname(file) === posix.dirname(recordingPath(paths, sessionId)) &&
    file.endsWith(RECORDING_EXTENSION)
  ) {
    const recordingId = posix.basename(file, RECORDING_EXTENSION);
    if (recordingId) return { kind: 'recording', sessionId, recordingId, info };
  }
  return null;
}

/** Starting or active: the egress is (about to be) producing output. */
export const isRunning = (status: EgressStatus) =>
  status === EgressStatus.EGRESS_STARTING || status === EgressStatus.EGRESS_ACTIVE;

/** ENDING and COMPLETE are a stop asked for; FAILED, ABORTED and LIMIT_REACHED a dead output. */
export function outputStateOf(status: EgressStatus): OutputState {
  switch (status) {
    case EgressStatus.EGRESS_STARTING:
      return 'starting';
    case EgressStatus.EGRESS_ACTIVE:
      return 'running';
    case EgressStatus.EGRESS_ENDING:
    case EgressStatus.EGRESS_COMPLETE:
      return 'stopped';
    default:
      return 'failed';
  }
}

/** The most recently started of the egresses, if any. */
export function latest<T extends { info: EgressInfo }>(egresses: T[]): T | undefined {
  return egresses.reduce<T | undefined>(
    (newest, egress) =>
      !newest || egress.info.startedAt > newest.info.startedAt ? egress : newest,
    undefined,
  );
}

const NANOSECONDS_PER_SECOND = 1_000_000_000n;

/**
 * What a finished recording egress left: `recording.ready` with the file (as `localPath` maps
 * the egress's path to ours) when it completed (or hit a limit, which still finalises the
 * file) with bytes in it, else `recording.failed`. Null while it is still running.
 */
export function recordingOutcome(
  egress: Extract<OurEgress, { kind: 'recording' }>,
  localPath: (egressPath: string) => string,
): MediaEvent | null {
  const { info, recordingId } = egress;
  if (isRunning(info.status) || info.status === EgressStatus.EGRESS_ENDING) return null;
  const file = info.fileResults[0] ?? (info.result.case === 'file' ? info.result.value : undefined);
  const finished =
    info.status === EgressStatus.EGRESS_COMPLETE ||
    info.status === EgressStatus.EGRESS_LIMIT_REACHED;
  if (finished && file?.filename && file.size > 0n) {
    return {
      type: 'recording.ready',
      recordingId,
      filePath: localPath(file.filename),
      sizeBytes: Number(file.size),
      durationSeconds: Number(
        (file.duration + NANOSECONDS_PER_SECOND / 2n) / NANOSECONDS_PER_SECOND,
      ),
    };
  }
  const reason = info.error || (finished ? 'the egress wrote an empty file' : '');
  return {
    type: 'recording.failed',
    recordingId,
    error: reason || `egress ${EgressStatus[info.status] ?? info.status}`,
  };
}
