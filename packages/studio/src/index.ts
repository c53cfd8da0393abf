// @vidinfra/studio: the studio — devices, level meter, compositor (drawn in a worker), screen
// share, publisher (framework-free) and its React UI. Browser-safe and Electron-free: the desktop
// app's extras come through `window.vidinfraHost`.
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
export {
  compositorSupported,
  createCompositor,
  type Compositor,
  type CompositorInput,
} from './compositor/compositor.ts';
export {
  fitRect,
  gridRects,
  LAYOUT_LABELS,
  LAYOUTS,
  layoutTiles,
  type InputKind,
  type Layout,
  type LayoutInput,
  type Rect,
  type Tile,
} from './compositor/layout.ts';
export { DEFAULT_OUTPUT_QUALITY, outputQuality, type OutputQuality } from './compositor/quality.ts';
export { hostBridge } from './host-bridge.ts';
export { levelOf, meterLevel } from './level-meter.ts';
export {
  createLiveKitPublisher,
  guestLinkStateOf,
  liveKitDisconnectState,
  type GuestLinkState,
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
export {
  captureScreen,
  hasScreenSourcePicker,
  screenShareErrorMessage,
  shareCancelled,
} from './screen-share.ts';
export { LayoutPicker } from './ui/LayoutPicker.tsx';
export { PublishStatsLine } from './ui/PublishStatsLine.tsx';
export { ScreenShareButton } from './ui/ScreenShareButton.tsx';
export { ScreenSourcePicker } from './ui/ScreenSourcePicker.tsx';
export { useCompositor, type UseCompositorOptions } from './ui/use-compositor.ts';
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
export { useScreenShare } from './ui/use-screen-share.ts';
export { useStudioLayout } from './ui/use-studio-layout.ts';
export { exchangeCode, type Exchange } from './room/exchange-code.ts';
export { StudioRoom } from './room/StudioRoom.tsx';
export {
  StudioServicesProvider,
  useStudioServices,
  type StudioServices,
} from './room/studio-services.tsx';
