// A signed stream on Safari's native player: the source follows the newest token, once per
// change, and nothing happens after the player is gone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renewNativeSource } from '../src/player/native-token-renewal.ts';

const FIRST = 'https://live.example.com/hls/s/index.m3u8?token=a';
const SECOND = 'https://live.example.com/hls/s/index.m3u8?token=b';

let video: { src: string; play: ReturnType<typeof vi.fn<() => Promise<void>>> };
let newest: string;

beforeEach(() => {
  vi.useFakeTimers();
  video = { src: FIRST, play: vi.fn<() => Promise<void>>(async () => undefined) };
  newest = FIRST;
});
afterEach(() => vi.useRealTimers());

describe('renewNativeSource', () => {
  it('keeps the source while the token is the same', () => {
    renewNativeSource(video, FIRST, () => newest, 1000);
    vi.advanceTimersByTime(5000);
    expect(video.src).toBe(FIRST);
    expect(video.play).not.toHaveBeenCalled();
  });

  it('switches to the newest token once, and plays on', () => {
    renewNativeSource(video, FIRST, () => newest, 1000);
    newest = SECOND;
    vi.advanceTimersByTime(3000);
    expect(video.src).toBe(SECOND);
    expect(video.play).toHaveBeenCalledTimes(1);
  });

  it('stops checking when stopped', () => {
    const stop = renewNativeSource(video, FIRST, () => newest, 1000);
    stop();
    newest = SECOND;
    vi.advanceTimersByTime(3000);
    expect(video.src).toBe(FIRST);
  });
});
