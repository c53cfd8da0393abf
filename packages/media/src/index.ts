export type { LatencyMode, MediaBackend, MediaEvent, MediaGrant, OutputStatus } from './backend.ts';
export { livekitToken } from './livekit-token.ts';
export { localMediaBackend } from './local/backend.ts';
