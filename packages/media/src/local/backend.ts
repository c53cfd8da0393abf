// The embedded media backend: the studio streams WebM over a WebSocket to our ingest
// (its `ingest` capability), ffmpeg turns it into HLS under `{dataDir}/hls/{sessionId}/`, recordings are
// the same segments remuxed into `{dataDir}/recordings/{recordingId}.mp4`. Needs only ffmpeg.
import { DomainError } from '@vidinfra/domain';
import { execFile } from 'node:child_process';
import type { MediaBackend, MediaEvent, MediaGrant, OutputStatus } from '../backend.ts';
import { livekitToken } from '../livekit-token.ts';
import { localIngest } from './ingest.ts';
import { resolveOptions, type LocalMediaOptions } from './options.ts';
import { Recorder } from './recorder.ts';
import { LocalSession } from './session.ts';

export type { LocalMediaOptions } from './options.ts';

/** Session and recording ids become directory names. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

function checkId(kind: string, id: string) {
  if (!SAFE_ID.test(id)) throw new DomainError('VALIDATION_ERROR', `invalid ${kind} id`);
}

export function localMediaBackend(input: LocalMediaOptions): MediaBackend {
  const options = resolveOptions(input);
  const base = options.publicUrl.replace(/\/$/, '');
  const listeners = new Set<(event: MediaEvent) => void>();
  // Events are emitted from socket and timer callbacks: a listener's exception must not escape.
  const emit = (event: MediaEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        options.log.error(`media event listener failed on ${event.type}: ${String(error)}`);
      }
    }
  };
  const recorder = new Recorder(options, emit);
  const sessions = new Map<string, LocalSession>();
  const ingests = new Set<() => Promise<void>>();
  let ffmpegPresent: Promise<boolean> | null = null;

  const sessionOf = (sessionId: string): LocalSession => {
    checkId('session', sessionId);
    let session = sessions.get(sessionId);
    if (!session) {
      const created = new LocalSession(sessionId, options, recorder, emit, () => {
        if (sessions.get(sessionId) === created) sessions.delete(sessionId);
      });
      session = created;
      sessions.set(sessionId, session);
    }
    return session;
  };

  const ingest = localIngest({
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    maxMessageBytes: options.maxMessageBytes,
    log: options.log,
    session: (sessionId) => sessions.get(sessionId),
    track: (close) => ingests.add(close),
    sessionStats: () => {
      const all = [...sessions.values()];
      return {
        liveSessions: all.filter((session) => session.isLive).length,
        ffmpegProcesses: all.reduce((sum, session) => sum + session.ffmpegProcesses, 0),
      };
    },
  });

  return {
    kind: 'local',
    ingest,
    recordsInProcess: true,
    available() {
      ffmpegPresent ??= new Promise((resolve) => {
        execFile(options.ffmpegPath, ['-version'], (error) => resolve(!error));
      });
      return ffmpegPresent;
    },
    wsUrl: () => `${base.replace(/^http/, 'ws')}/ingest`,
    mediaToken: (grant: MediaGrant) => livekitToken(grant, options.apiKey, options.apiSecret),
    async ensureOutput(sessionId, { latencyMode }) {
      for (;;) {
        const ensured = await sessionOf(sessionId).ensure(latencyMode);
        if (ensured) return ensured; // null: that session expired meanwhile, a new one takes over
      }
    },
    async stopOutput(sessionId) {
      await sessions.get(sessionId)?.stop();
    },
    async outputStatus(sessionId): Promise<OutputStatus> {
      return sessions.get(sessionId)?.status() ?? { state: 'idle' };
    },
    hlsUrl: (sessionId) => `${base}/hls/${sessionId}/index.m3u8`,
    async removeParticipant(sessionId, identity) {
      sessions.get(sessionId)?.removeParticipant(identity);
    },
    async startRecording(sessionId, recordingId) {
      checkId('recording', recordingId);
      sessionOf(sessionId).startRecording(recordingId);
      return {};
    },
    async stopRecording(sessionId, recordingId) {
      sessions.get(sessionId)?.stopRecording(recordingId);
    },
    async retryRecording(recordingId) {
      checkId('recording', recordingId);
      recorder.retry(recordingId);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await Promise.all([...sessions.values()].map((s) => s.close()));
      await recorder.close();
      await Promise.all([...ingests].map((close) => close()));
      ingests.clear();
    },
  };
}
