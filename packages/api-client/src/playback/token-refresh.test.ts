import { describe, expect, it } from 'vitest';
import { playbackRefreshDelay, tokenOf, withLatestToken } from './token-refresh.ts';

const FETCHED = Date.parse('2026-12-03T06:00:00Z');

describe('playbackRefreshDelay', () => {
  it("asks again at 80 % of the token's life", () => {
    const playback = { token_expires_in: 3600, expires_at: '2026-12-03T07:00:00Z' };
    expect(playbackRefreshDelay(playback, FETCHED)).toBe(2880_000);
    expect(playbackRefreshDelay({ ...playback, token_expires_in: 20 }, FETCHED)).toBe(16_000);
  });

  it("uses the lifetime, not this device's clock, when the answer gives it", () => {
    const playback = { token_expires_in: 100, expires_at: '2026-12-03T05:00:00Z' };
    expect(playbackRefreshDelay(playback, FETCHED)).toBe(80_000);
  });

  it('falls back to the expiry time', () => {
    const playback = { expires_at: '2026-12-03T06:10:00Z' };
    expect(playbackRefreshDelay(playback, FETCHED)).toBe(480_000);
  });

  it('never asks again within 2 s, even for a token about to expire', () => {
    expect(playbackRefreshDelay({ expires_at: '2026-12-03T05:59:00Z' }, FETCHED)).toBe(2000);
  });

  it('never asks again when the playback is not signed', () => {
    expect(playbackRefreshDelay({ expires_at: null }, FETCHED)).toBe(false);
  });
});

describe('withLatestToken', () => {
  const playlist = 'https://live.example.com/hls/s1/index.m3u8?token=old';
  it('replaces the token of a request that carries one', () => {
    expect(withLatestToken(playlist, 'new')).toBe(
      'https://live.example.com/hls/s1/index.m3u8?token=new',
    );
    expect(withLatestToken('https://x.test/hls/s1/r1_00012.ts?token=old&a=1', 'new')).toBe(
      'https://x.test/hls/s1/r1_00012.ts?token=new&a=1',
    );
  });

  it('leaves other URLs alone', () => {
    expect(withLatestToken('https://x.test/hls/s1/index.m3u8', 'new')).toBe(
      'https://x.test/hls/s1/index.m3u8',
    );
    expect(withLatestToken(playlist, 'old')).toBe(playlist);
    expect(withLatestToken('not a url', 'new')).toBe('not a url');
  });

  it('reads the token of a URL', () => {
    expect(tokenOf(playlist)).toBe('old');
    expect(tokenOf('https://x.test/a')).toBeNull();
  });
});
