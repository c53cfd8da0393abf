// The playlists: ffmpeg's private one read back, the public one written across runs.
import { describe, expect, it } from 'vitest';
import { parsePrivatePlaylist, renderPlaylist } from '../src/local/playlist.ts';
import { SegmentIndex } from '../src/local/segment-index.ts';

describe('parsePrivatePlaylist', () => {
  it('reads sequence, duration and program date time of complete entries only', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-MEDIA-SEQUENCE:7',
      '#EXTINF:1.000000,',
      '#EXT-X-PROGRAM-DATE-TIME:2025-01-02T03:04:05.678+0000',
      'r1_00007.ts',
      '#EXTINF:0.990000,',
    ].join('\n');
    expect(parsePrivatePlaylist(text)).toEqual([
      {
        sequence: 7,
        uri: 'r1_00007.ts',
        duration: 1,
        programDateTime: new Date('2025-01-02T03:04:05.678Z'),
      },
    ]);
  });
});

describe('SegmentIndex + renderPlaylist', () => {
  const add = (index: SegmentIndex, run: number, n: number) =>
    index.add({
      name: `r${run}_${n}.ts`,
      duration: 1,
      programDateTime: new Date(Date.UTC(2025, 0, 1, 0, 0, n)),
      run,
      size: 100,
    });

  it('marks run changes as discontinuities and counts those that left the window', () => {
    const index = new SegmentIndex(3, 1);
    add(index, 1, 0);
    add(index, 1, 1);
    add(index, 2, 0);
    add(index, 2, 1);
    add(index, 2, 2);
    add(index, 2, 3);
    const text = renderPlaylist(index.playlist(false));
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:3');
    expect(text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:1');
    expect(text).not.toContain('#EXT-X-DISCONTINUITY\n');
    expect(text.match(/#EXT-X-PROGRAM-DATE-TIME:/g)).toHaveLength(3);
    expect(text).not.toContain('#EXT-X-ENDLIST');
    expect(renderPlaylist(index.playlist(true))).toMatch(/#EXT-X-ENDLIST\n$/);
  });

  it('lists a discontinuity inside the window and keeps a margin of old segments', () => {
    const index = new SegmentIndex(3, 1);
    for (let n = 0; n < 5; n++) add(index, 1, n);
    add(index, 2, 0);
    const text = renderPlaylist(index.playlist(false));
    expect(text).toContain(
      '#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:2025-01-01T00:00:00.000Z',
    );
    expect(index.evict().map((s) => s.name)).toEqual([]);
    for (let n = 1; n < 4; n++) add(index, 2, n);
    expect(index.evict().map((s) => s.name)).toEqual(['r1_0.ts', 'r1_1.ts', 'r1_2.ts']);
  });
});
