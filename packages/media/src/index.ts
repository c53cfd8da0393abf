export type { LatencyMode, MediaBackend, MediaEvent, MediaGrant, OutputStatus } from './backend.ts';
export { livekitToken } from './livekit-token.ts';
export { localMediaBackend, type LocalMediaOptions } from './local/backend.ts';
export { attachIngest } from './local/ingest.ts';
export { CLOSE as INGEST_CLOSE_CODES } from './local/close-codes.ts';
export type { MediaLog } from './local/options.ts';
export { livekitMediaBackend, type LivekitBackendOptions } from './livekit/backend.ts';
export {
  handlesLivekitWebhooks,
  livekitWebhookVerifier,
  participantChange,
  type LivekitWebhookEvent,
  type LivekitWebhookSink,
  type ParticipantChange,
} from './livekit/webhook.ts';
