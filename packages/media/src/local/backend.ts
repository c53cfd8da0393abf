// The embedded media backend: the studio streams to our own ingest and ffmpeg makes HLS. Until
// the ingest lands this records each session's output state; tokens are real LiveKit-format
// tokens (the ingest verifies them the same way), URLs are the ones the ingest will serve.
import type { OutputState } from '@vidinfra/domain';
import type { MediaBackend, MediaGrant, OutputStatus } from '../backend.ts';
import { livekitToken } from '../livekit-token.ts';

export function localMediaBackend(options: {
  publicUrl: string;
  apiKey: string;
  apiSecret: string;
}): MediaBackend {
  const outputs = new Map<string, OutputState>();
  const base = options.publicUrl.replace(/\/$/, '');
  return {
    kind: 'local',
    available: async () => true,
    wsUrl: () => `${base.replace(/^http/, 'ws')}/ingest`,
    mediaToken: (grant: MediaGrant) => livekitToken(grant, options.apiKey, options.apiSecret),
    async ensureOutput(sessionId) {
      const running = outputs.get(sessionId) === 'running';
      outputs.set(sessionId, 'running');
      return { state: 'running', restarted: !running && outputs.has(sessionId) };
    },
    async stopOutput(sessionId) {
      if (outputs.has(sessionId)) outputs.set(sessionId, 'stopped');
    },
    async outputStatus(sessionId): Promise<OutputStatus> {
      return { state: outputs.get(sessionId) ?? 'idle' };
    },
    hlsUrl: (sessionId) => `${base}/hls/${sessionId}/index.m3u8`,
    removeParticipant: async () => {},
    startRecording: async () => ({}),
    stopRecording: async () => {},
    retryRecording: async () => {},
    onEvent: () => () => {},
    close: async () => {},
  };
}
