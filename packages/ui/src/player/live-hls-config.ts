// hls.js settings for live: stay a few segments behind the live edge (fewer in low-latency
// mode), catch up by playing at most 8 % faster rather than jumping, and keep at most a minute
// of played video buffered.
import type { HlsConfig } from 'hls.js';
import type { SessionResponse } from '@vidinfra/domain';

type LatencyMode = SessionResponse['settings']['latency_mode'];

export function liveHlsConfig(mode: LatencyMode): Partial<HlsConfig> {
  const low = mode === 'low';
  return {
    lowLatencyMode: low,
    liveSyncDurationCount: low ? 2 : 3,
    liveMaxLatencyDurationCount: low ? 5 : 8,
    maxLiveSyncPlaybackRate: 1.08,
    backBufferLength: 60,
  };
}

/** Safari and iOS play HLS themselves. */
export const playsHlsNatively = (video: HTMLVideoElement) =>
  video.canPlayType('application/vnd.apple.mpegurl') !== '';
