// @vidinfra/studio: the studio — devices, level meter, publisher (framework-free) and its React
// UI. Browser-safe and Electron-free: the desktop app's extras come through `window.vidinfraHost`.
export { backoffDelay, RECONNECT_GRACE_MS, withinGrace } from './backoff.ts';
export { closeVerdict, type CloseVerdict } from './close-codes.ts';
export {
  captureConstraints,
  captureErrorMessage,
  listDevices,
  loadChoice,
  saveChoice,
  stopTracks,
  type DeviceChoice,
  type DeviceLists,
} from './devices.ts';
export {
  createGuestPeers,
  type GuestPeers,
  type GuestPeersOptions,
  type GuestPeerState,
} from './guests/guest-peers.ts';
export {
  useGuestStreams,
  type GuestStream,
  type GuestStreamsSource,
} from './guests/use-guest-streams.ts';
export { hostBridge } from './host-bridge.ts';
export { levelOf, meterLevel } from './level-meter.ts';
export {
  createLiveKitPublisher,
  liveKitDisconnectState,
  type LiveKitPublisherOptions,
} from './livekit-publisher.ts';
export { chooseMimeType, MIME_TYPES } from './mime.ts';
export { publisherFor, type PublishTarget } from './publisher-for.ts';
export {
  createPublisher,
  type PublishState,
  type PublishStats,
  type Publisher,
  type PublisherOptions,
} from './publisher.ts';
export { DevicePreview } from './ui/DevicePreview.tsx';
export { GuestStrip } from './ui/GuestStrip.tsx';
export { HostAppVersion } from './ui/HostAppVersion.tsx';
export { LevelMeter } from './ui/LevelMeter.tsx';
export { PublishStatsLine } from './ui/PublishStatsLine.tsx';
export { useDevices } from './ui/use-devices.ts';
export {
  HEALTH_LIMITS,
  queueGrowing,
  streamHealthVerdict,
  type HealthInput,
  type HealthLevel,
  type HealthReason,
  type HealthVerdict,
} from './stream-health.ts';
