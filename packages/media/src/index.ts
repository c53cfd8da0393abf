export type {
  IngestAdmission,
  IngestAdmissionResult,
  IngestOptions,
  IngestStats,
  LatencyMode,
  MediaBackend,
  MediaEvent,
  MediaGrant,
  MediaIngest,
  MediaWebhook,
  MediaWebhookEvent,
  OutputStatus,
} from './backend.ts';
export { livekitToken } from './livekit-token.ts';
export { localMediaBackend, type LocalMediaOptions } from './local/backend.ts';
export { CLOSE as INGEST_CLOSE_CODES } from './local/close-codes.ts';
export {
  hlsDir,
  hlsRoot,
  POSTER_NAME,
  recordingFile,
  recordingPartsDir,
  recordingPosterFile,
  recordingsDir,
  type MediaLog,
} from './local/options.ts';
export { livekitMediaBackend, type LivekitBackendOptions } from './livekit/backend.ts';
export {
  livekitWebhookVerifier,
  participantChange,
  type LivekitWebhookEvent,
  type ParticipantChange,
} from './livekit/webhook.ts';
