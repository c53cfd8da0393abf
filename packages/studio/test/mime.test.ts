import { describe, expect, it } from 'vitest';
import { chooseMimeType } from '../src/mime.ts';
import { levelOf } from '../src/level-meter.ts';

describe('the recording format', () => {
  it('is H.264 in WebM where the browser records it', () => {
    expect(chooseMimeType((type) => type === 'video/webm;codecs=h264')).toBe(
      'video/webm;codecs=h264,opus',
    );
  });

  it('falls back to VP8 in WebM', () => {
    expect(chooseMimeType(() => false)).toBe('video/webm;codecs=vp8,opus');
  });
});

describe('the level meter', () => {
  it('is 0 for silence and grows with loudness, up to 1', () => {
    expect(levelOf(new Float32Array(128))).toBe(0);
    const quiet = levelOf(new Float32Array(128).fill(0.05));
    const loud = levelOf(new Float32Array(128).fill(0.2));
    expect(quiet).toBeGreaterThan(0);
    expect(loud).toBeGreaterThan(quiet);
    expect(levelOf(new Float32Array(128).fill(1))).toBe(1);
  });
});
