import { describe, expect, it } from 'vitest';
import { AT, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import { DefaultPlaybackResponse } from './playback.ts';

describe('DefaultPlaybackResponse', () => {
  const recorded = {
    id: uuid(),
    kind: 'recording',
    playback_id: 'pb_123',
    asset_id: uuid(),
    url: 'https://x.example.com/api/recordings/1/file',
    file_name: 'launch.mp4',
    duration: 3600,
    created_at: AT,
    created_by: uuid(),
    default_playback: true,
    signed: true,
    playback_restriction_token: 'prt',
    thumbnail_restriction_token: 'trt',
    expires_at: AT,
  };

  it('describes a recorded playback with its restriction tokens', () => {
    expect(parses(DefaultPlaybackResponse, recorded)).toEqual(recorded);
  });

  it('describes a live playback without asset or duration', () => {
    const live = {
      ...recorded,
      kind: 'live',
      url: 'https://x.example.com/hls/1/index.m3u8',
      asset_id: undefined,
      file_name: undefined,
      duration: undefined,
      signed: false,
      playback_restriction_token: undefined,
      thumbnail_restriction_token: undefined,
      expires_at: null,
    };
    expect(DefaultPlaybackResponse.safeParse(live).success).toBe(true);
  });

  it('says when the tokens expire, null when unsigned, never left out', () => {
    rejectsAt(DefaultPlaybackResponse, { ...recorded, expires_at: 'in an hour' }, ['expires_at']);
    rejectsAt(DefaultPlaybackResponse, { ...recorded, expires_at: undefined }, ['expires_at']);
  });

  it('uses snake_case names, not the camelCase of the source API', () => {
    const { playback_id: playbackId, ...rest } = recorded;
    rejectsAt(DefaultPlaybackResponse, { ...rest, playbackId }, ['playback_id']);
  });
});
