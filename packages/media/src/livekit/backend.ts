// The scaled media backend: LiveKit is the SFU, its egress makes the HLS output and the
// recordings. The egress writes files into directories it shares with our API (a volume), and
// our API serves them: HLS at `{publicUrl}/hls/{sessionId}/index.m3u8`, recordings as files.
// What happens later (an egress failed, a recording finished) arrives as LiveKit webhooks, which
// the backend's `webhook` capability verifies and applies; they leave as MediaEvents.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@vidinfra/domain';
import { EgressClient, RoomServiceClient, TwirpError } from 'livekit-server-sdk';
import type {
  MediaBackend,
  MediaEvent,
  MediaGrant,
  MediaWebhook,
  OutputStatus,
} from '../backend.ts';
import { livekitToken } from '../livekit-token.ts';
import {
  classify,
  hlsOutput,
  isRunning,
  latest,
  outputStateOf,
  PLAYLIST,
  recordingOutcome,
  recordingOutput,
  recordingPath,
  type EgressPaths,
  type OurEgress,
} from './egress.ts';
import { livekitWebhookVerifier, type LivekitWebhookEvent } from './webhook.ts';

export interface LivekitBackendOptions {
  /** LIVEKIT_URL: where clients connect (ws/wss) and the server API is (http/https). */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** Our public origin: HLS is served at `{publicUrl}/hls/{sessionId}/index.m3u8`. */
  publicUrl: string;
  /** Where HLS output lands, as our API reads it (it serves `{hlsDir}/{sessionId}/`). */
  hlsDir: string;
  /** Where recordings land, as our API reads them. */
  recordingsDir: string;
  /** The same directories as the egress sees them, when it mounts them elsewhere. */
  egressHlsDir?: string;
  egressRecordingsDir?: string;
  /** Room-composite layout (LiveKit's templates: `speaker`, `grid`, `single-speaker`). */
  layout?: string;
  /** Per LiveKit API call (default 10 s); `available()` allows itself 2 s. */
  requestTimeoutSeconds?: number;
}

const AVAILABILITY_TIMEOUT_SECONDS = 2;
/** Twirp codes of a stop or removal that has nothing (left) to act on. */
const NOTHING_TO_DO = new Set(['not_found', 'failed_precondition']);

const httpUrl = (url: string) => url.replace(/^ws(s?):\/\//, 'http$1://');
const wsUrl = (url: string) => url.replace(/^http(s?):\/\//, 'ws$1://');

const isNothingToDo = (error: unknown) =>
  error instanceof TwirpError && (NOTHING_TO_DO.has(error.code ?? '') || error.status === 404);

/** A refused or unreachable LiveKit is the media backend being unavailable (503). */
async function calling<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('MEDIA_UNAVAILABLE', `LiveKit could not ${what}: ${reason}`, {
      cause: error,
    });
  }
}

/** Runs one task per key at a time: two ensures of one session start one egress, not two. */
function perKeyQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return run;
  };
}

export function livekitMediaBackend(
  options: LivekitBackendOptions,
): MediaBackend & { webhook: MediaWebhook } {
  const { apiKey, apiSecret } = options;
  const api = httpUrl(options.url);
  const clientOptions = { requestTimeout: options.requestTimeoutSeconds ?? 10 };
  const egress = new EgressClient(api, apiKey, apiSecret, clientOptions);
  const rooms = new RoomServiceClient(api, apiKey, apiSecret, clientOptions);
  const probe = new RoomServiceClient(api, apiKey, apiSecret, {
    requestTimeout: AVAILABILITY_TIMEOUT_SECONDS,
    failover: false,
  });
  const egressPaths: EgressPaths = {
    hlsDir: options.egressHlsDir ?? options.hlsDir,
    recordingsDir: options.egressRecordingsDir ?? options.recordingsDir,
  };
  const layout = options.layout ?? 'speaker';
  const base = options.publicUrl.replace(/\/$/, '');
  const serially = perKeyQueue();
  const listeners = new Set<(event: MediaEvent) => void>();
  const deferred = new Set<NodeJS.Immediate>();

  const emit = (event: MediaEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One listener's failure must not keep the event from the others.
      }
    }
  };

  /** Emits after the caller's own follow-up ("the outcome follows as an event"). */
  const emitSoon = (event: MediaEvent) => {
    const timer = setImmediate(() => {
      deferred.delete(timer);
      emit(event);
    });
    deferred.add(timer);
  };

  /** The egress's path of a recording file → ours. */
  const egressRecordings = `${egressPaths.recordingsDir.replace(/\/$/, '')}/`;
  const localRecording = (egressPath: string) =>
    egressPath.startsWith(egressRecordings)
      ? join(options.recordingsDir, egressPath.slice(egressRecordings.length))
      : egressPath;

  /** The session's egresses that are ours (active ones only, if asked). */
  async function ours(sessionId: string, active?: boolean): Promise<OurEgress[]> {
    const items = await egress.listEgress({ roomName: sessionId, ...(active && { active }) });
    return items
      .map((info) => classify(info, egressPaths))
      .filter((found): found is OurEgress => found?.sessionId === sessionId);
  }

  async function stopQuietly(egressId: string): Promise<void> {
    try {
      await egress.stopEgress(egressId);
    } catch (error) {
      if (!isNothingToDo(error)) throw error;
    }
  }

  /** Egress news from a webhook, as MediaEvents: output state, a recording's outcome. */
  function handleWebhook(event: LivekitWebhookEvent) {
    if (!event.egressInfo) return;
    const found = classify(event.egressInfo, egressPaths);
    if (!found) return;
    if (found.kind === 'hls') {
      emit({
        type: 'output.state',
        sessionId: found.sessionId,
        state: outputStateOf(found.info.status),
      });
      return;
    }
    // Only the end is final: egress_updated may already say COMPLETE, and one outcome is enough.
    if (event.event !== 'egress_ended') return;
    const outcome = recordingOutcome(found, localRecording);
    if (outcome) emit(outcome);
  }

  return {
    kind: 'livekit',
    recordsInProcess: false,
    webhook: {
      receive: livekitWebhookVerifier(apiKey, apiSecret),
      apply: (event) => handleWebhook(event),
    },

    async available() {
      try {
        await probe.listRooms([]);
        return true;
      } catch {
        return false;
      }
    },

    wsUrl: () => wsUrl(options.url),

    mediaToken: (grant: MediaGrant) => livekitToken(grant, apiKey, apiSecret),

    ensureOutput: (sessionId, { latencyMode }) =>
      serially(sessionId, () =>
        calling('start the HLS egress', async () => {
          const hls = (await ours(sessionId)).filter((found) => found.kind === 'hls');
          const running = latest(hls.filter((found) => isRunning(found.info.status)));
          if (running) return { state: outputStateOf(running.info.status), restarted: false };
          const started = await egress.startRoomCompositeEgress(
            sessionId,
            { segments: hlsOutput(egressPaths, sessionId, latencyMode) },
            { layout },
          );
          return { state: outputStateOf(started.status), restarted: hls.length > 0 };
        }),
      ),

    stopOutput: (sessionId) =>
      calling('stop the egresses', async () => {
        const active = (await ours(sessionId, true)).filter((found) =>
          isRunning(found.info.status),
        );
        await Promise.all(active.map((found) => stopQuietly(found.info.egressId)));
      }),

    async outputStatus(sessionId): Promise<OutputStatus> {
      const all = await calling('list the egresses', () => ours(sessionId));
      const hls = latest(all.filter((found) => found.kind === 'hls'));
      if (!hls) return { state: 'idle' };
      const state = outputStateOf(hls.info.status);
      if (state !== 'running') return { state };
      // The playlist is rewritten with every segment: its age is the newest segment's.
      const written = await stat(join(options.hlsDir, sessionId, PLAYLIST)).catch(() => null);
      return written
        ? { state, segmentAgeSeconds: Math.max(0, (Date.now() - written.mtimeMs) / 1000) }
        : { state };
    },

    hlsUrl: (sessionId) => `${base}/hls/${sessionId}/${PLAYLIST}`,

    removeParticipant: (sessionId, identity) =>
      calling('remove the participant', async () => {
        try {
          await rooms.removeParticipant(sessionId, identity);
        } catch (error) {
          if (!isNothingToDo(error)) throw error;
        }
      }),

    startRecording: (sessionId, recordingId) =>
      calling('start the recording egress', async () => {
        const started = await egress.startRoomCompositeEgress(
          sessionId,
          { file: recordingOutput(egressPaths, recordingId) },
          { layout },
        );
        return { externalId: started.egressId };
      }),

    stopRecording: (sessionId, recordingId, externalId) =>
      calling('stop the recording egress', async () => {
        if (externalId) return stopQuietly(externalId);
        const active = (await ours(sessionId, true)).filter(
          (found) => found.kind === 'recording' && found.recordingId === recordingId,
        );
        await Promise.all(active.map((found) => stopQuietly(found.info.egressId)));
      }),

    /**
     * A LiveKit recording cannot be re-processed: the egress wrote the file or it did not. This
     * looks again: the file on disk → `recording.ready`, else `recording.failed` again. An
     * egress still running is left to finish (its webhook brings the outcome).
     */
    async retryRecording(recordingId, externalId) {
      const info = externalId
        ? (
            await calling('look up the egress', () => egress.listEgress({ egressId: externalId }))
          )[0]
        : undefined;
      if (info && isRunning(info.status)) return;
      const filePath = localRecording(recordingPath(egressPaths, recordingId));
      const file = await stat(filePath).catch(() => null);
      const durationNs = info?.fileResults[0]?.duration ?? 0n;
      emitSoon(
        file && file.size > 0
          ? {
              type: 'recording.ready',
              recordingId,
              filePath,
              sizeBytes: file.size,
              durationSeconds: Math.round(Number(durationNs) / 1e9),
            }
          : {
              type: 'recording.failed',
              recordingId,
              error: info?.error || 'the egress left no recording file',
            },
      );
    },

    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      for (const timer of deferred) clearImmediate(timer);
      deferred.clear();
      listeners.clear();
    },
  };
}
