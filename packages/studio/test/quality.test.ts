import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTPUT_QUALITY, outputQuality } from '../src/compositor/quality.ts';

describe('outputQuality', () => {
  it('is 720p30 at 2.5 Mbit/s without a preset', () => {
    expect(outputQuality(undefined)).toEqual({
      width: 1280,
      height: 720,
      fps: 30,
      videoBitsPerSecond: 2_500_000,
    });
    expect(outputQuality([])).toBe(DEFAULT_OUTPUT_QUALITY);
  });

  it('takes the ladder’s top rung, whatever its order, with even dimensions', () => {
    expect(
      outputQuality([
        { width: 854, height: 480, fps: 30, video_bitrate_kbps: 1000 },
        { width: 1921, height: 1081, fps: 60, video_bitrate_kbps: 6000 },
      ]),
    ).toEqual({ width: 1920, height: 1080, fps: 60, videoBitsPerSecond: 6_000_000 });
  });
});
