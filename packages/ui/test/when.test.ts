import { describe, expect, it } from 'vitest';
import { formatCountdown } from '../src/when.ts';
import { liveHlsConfig } from '../src/player/live-hls-config.ts';

describe('formatCountdown', () => {
  it('is coarse when far and exact when near', () => {
    expect(formatCountdown((2 * 86_400 + 3 * 3600 + 59) * 1000)).toBe('2 d 3 h');
    expect(formatCountdown((3600 + 5 * 60 + 9) * 1000)).toBe('1 h 05 min');
    expect(formatCountdown((4 * 60 + 9) * 1000)).toBe('4 min 09 s');
  });
  it('never counts below zero', () => {
    expect(formatCountdown(-5000)).toBe('0 min 00 s');
  });
});

describe('liveHlsConfig', () => {
  it('stays 2–3 segments behind live, catches up at most 8 % faster, keeps 60 s behind', () => {
    const standard = liveHlsConfig('standard');
    const low = liveHlsConfig('low');
    expect(standard.liveSyncDurationCount).toBe(3);
    expect(low.liveSyncDurationCount).toBeLessThanOrEqual(2);
    expect(low.lowLatencyMode).toBe(true);
    for (const config of [standard, low]) {
      expect(config.maxLiveSyncPlaybackRate).toBeLessThanOrEqual(1.08);
      expect(config.backBufferLength).toBe(60);
      expect(config.liveDurationInfinity).toBe(true);
    }
  });
});
