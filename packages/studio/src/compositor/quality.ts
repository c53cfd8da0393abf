// The published picture's size, rate and bitrate, from the session's preset: its ladder's top
// rung (the studio sends the best the outputs ask for); 720p30 at 2.5 Mbit/s without a preset.

export interface OutputQuality {
  width: number;
  height: number;
  fps: number;
  videoBitsPerSecond: number;
}

export const DEFAULT_OUTPUT_QUALITY: OutputQuality = Object.freeze({
  width: 1280,
  height: 720,
  fps: 30,
  videoBitsPerSecond: 2_500_000,
});

interface Rendition {
  width: number;
  height: number;
  fps: number;
  video_bitrate_kbps: number;
}

export function outputQuality(outputs: readonly Rendition[] | null | undefined): OutputQuality {
  const top = [...(outputs ?? [])].sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!top) return DEFAULT_OUTPUT_QUALITY;
  // Encoders want even dimensions.
  const even = (n: number) => Math.max(16, n - (n % 2));
  return {
    width: even(top.width),
    height: even(top.height),
    fps: top.fps,
    videoBitsPerSecond: top.video_bitrate_kbps * 1000,
  };
}
