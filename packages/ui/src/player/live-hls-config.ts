// hls.js settings for live: stay a few segments behind the live edge (fewer in low-latency
// mode), catch up by playing at most 8 % faster rather than jumping, keep at most a minute
// of played video buffered, and let the browser's controls show a live stream (an endless
// duration), not a short clip.
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
    liveDurationInfinity: true,
  };
}

/**
 * Safari and iOS play HLS themselves, and tell the stream's program date time (getStartDate).
 * Chromium's newer native HLS tells neither that nor honours the live tuning: hls.js plays there.
 */
export const playsHlsNatively = (video: HTMLVideoElement) =>
  video.canPlayType('application/vnd.apple.mpegurl') !== '' &&
  typeof (video as { getStartDate?: unknown }).getStartDate === 'function';
