export type { LatencyMode, MediaBackend, MediaEvent, MediaGrant, OutputStatus } from './backend.ts';
export { livekitToken } from './livekit-token.ts';
export { localMediaBackend, type LocalMediaOptions } from './local/backend.ts';
export {
  attachIngest,
  type IngestAdmission,
  type IngestAdmissionResult,
  type IngestOptions,
} from './local/ingest.ts';
export { CLOSE as INGEST_CLOSE_CODES } from './local/close-codes.ts';
export {
  hlsDir,
  hlsRoot,
  recordingFile,
  recordingPartsDir,
  recordingsDir,
  type MediaLog,
} from './local/options.ts';
export { livekitMediaBackend, type LivekitBackendOptions } from './livekit/backend.ts';
export {
  handlesLivekitWebhooks,
  livekitWebhookVerifier,
  participantChange,
  type LivekitWebhookEvent,
  type LivekitWebhookSink,
  type ParticipantChange,
} from './livekit/webhook.ts';
