// @vidinfra/api-client: what a browser app needs to speak the contract — the typed tRPC client
// and the signed-in session. Browser-safe: it imports @vidinfra/domain and the API's types only.
export {
  createAuthSession,
  memoryTokenStore,
  webStorageTokenStore,
  type AuthSession,
  type AuthSessionOptions,
  type TokenStore,
  type Tokens,
} from './auth-session.ts';
export {
  authenticatedFetch,
  createApiClient,
  type ApiClient,
  type ApiClientOptions,
} from './trpc-client.ts';
export type { RouterInputs, RouterOutputs } from '@vidinfra/api';
export { apiErrorOf } from './api-error.ts';
export { connectRealtime, type RealtimeOptions, type RealtimeSocket } from './realtime-socket.ts';
export {
  openRealtimeConnection,
  type RealtimeConnection,
  type RealtimeConnectionOptions,
} from './realtime-connection.ts';
export {
  followChannels,
  type ChannelFollower,
  type FollowHandlers,
  type FollowSocket,
} from './realtime/channel-follower.ts';
export { RealtimeActionError, sendAction } from './realtime/send-action.ts';
export {
  candidateFromWire,
  candidateToWire,
  rtcSignalling,
  type BrowserIceCandidate,
  type OutgoingRtcSignal,
  type RtcSignalling,
  type SignalSocket,
} from './realtime/rtc-signals.ts';
export {
  createGuestIdentity,
  guestDeviceStore,
  GuestSignInError,
  type GuestDevice,
  type GuestDeviceStore,
  type GuestIdentity,
} from './guest-identity.ts';
export {
  createPlaybackReportAccumulator,
  type PlaybackReportAccumulator,
  type PlaybackSample,
} from './playback/report-accumulator.ts';
export { playbackRefreshDelay, tokenOf, withLatestToken } from './playback/token-refresh.ts';
