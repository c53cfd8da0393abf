// The WebM reading the ingest relies on: Cluster boundaries found wherever messages split the
// stream, header/track parsing, garbage refused, and the restart replay.
import { describe, expect, it } from 'vitest';
import { IngestRefusal } from '../src/local/close-codes.ts';
import { IngestStream } from '../src/local/ingest-stream.ts';
import { MatroskaScanner } from '../src/local/matroska-scanner.ts';
import { readTracks } from '../src/local/matroska-tracks.ts';
import { webmBytes } from './fixtures.ts';

const CLUSTER_ID = Buffer.from([0x1f, 0x43, 0xb6, 0x75]);

function clusterStarts(bytes: Buffer, chunkSize: number): number[] {
  const scanner = new MatroskaScanner();
  const starts: number[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) {
    starts.push(...scanner.push(bytes.subarray(at, at + chunkSize)));
  }
  return starts;
}

describe('MatroskaScanner', () => {
  it('finds every Cluster, with known or unknown sizes, however the stream is cut', async () => {
    const stream = await webmBytes({ codec: 'h264', seconds: 3 });
    const expected = clusterStarts(stream, stream.length);
    expect(expected).toHaveLength(3); // one per keyframe
    for (const start of expected) {
      expect(stream.subarray(start, start + 4).equals(CLUSTER_ID)).toBe(true);
    }
    for (const size of [1, 3, 11, 4096, 65_537])
      expect(clusterStarts(stream, size)).toEqual(expected);
  });

  it('refuses bytes that are not Matroska elements', async () => {
    const stream = await webmBytes({ codec: 'vp8', seconds: 2 });
    const scanner = new MatroskaScanner();
    scanner.push(stream.subarray(0, 5000));
    expect(() => {
      scanner.push(Buffer.from('garbage, not matroska '.repeat(50)));
      scanner.push(stream.subarray(5000));
    }).toThrow(IngestRefusal);
  });
});

describe('readTracks', () => {
  it('reads the codec of each track from the header', async () => {
    const h264 = await webmBytes({ codec: 'h264', seconds: 1 });
    const vp8 = await webmBytes({ codec: 'vp8', seconds: 1 });
    const header = (bytes: Buffer) => bytes.subarray(0, clusterStarts(bytes, bytes.length)[0]);
    expect(readTracks(header(h264))).toEqual([
      { number: 1, type: 'video', codecId: 'V_MPEG4/ISO/AVC' },
      { number: 2, type: 'audio', codecId: 'A_OPUS' },
    ]);
    expect(readTracks(header(vp8)).map((t) => t.codecId)).toEqual(['V_VP8', 'A_OPUS']);
  });
});

describe('IngestStream', () => {
  it('holds bytes back until the header is complete, then passes everything on', async () => {
    const stream = await webmBytes({ codec: 'h264', seconds: 2 });
    const ingest = new IngestStream();
    expect(ingest.push(stream.subarray(0, 100))).toEqual([]);
    expect(ingest.plan).toBeNull();
    const out = [
      ...ingest.push(stream.subarray(100, 50_000)),
      ...ingest.push(stream.subarray(50_000)),
    ];
    expect(Buffer.concat(out).equals(stream)).toBe(true);
    expect(ingest.plan).toEqual({
      video: { codecId: 'V_MPEG4/ISO/AVC', copy: true },
      audio: { codecId: 'A_OPUS' },
    });
  });

  it('replays the header and the Cluster in progress for a restarted ffmpeg', async () => {
    const stream = await webmBytes({ codec: 'h264', seconds: 3 });
    const [first, second] = clusterStarts(stream, stream.length) as [number, number];
    const ingest = new IngestStream();
    const cut = second + 20_000;
    for (let at = 0; at < cut; at += 7000)
      ingest.push(stream.subarray(at, Math.min(at + 7000, cut)));
    const replay = Buffer.concat(ingest.replay());
    expect(
      replay.equals(Buffer.concat([stream.subarray(0, first), stream.subarray(second, cut)])),
    ).toBe(true);
  });

  it('refuses a stream that does not start with the EBML magic', () => {
    expect(() => new IngestStream().push(Buffer.from('OggS\0\0\0\0'))).toThrow(
      expect.objectContaining({ code: 4415 }),
    );
  });

  // Chromium's MediaRecorder may send the magic's first byte alone in its first message.
  it('reads the EBML magic across messages, however they cut it', async () => {
    const stream = await webmBytes({ codec: 'vp8', seconds: 1 });
    for (const cuts of [[1], [1, 2, 3], [2, 5], [3, 4]]) {
      const ingest = new IngestStream();
      const out: Buffer[] = [];
      let from = 0;
      for (const to of [...cuts, stream.length]) {
        out.push(...ingest.push(stream.subarray(from, to)));
        from = to;
      }
      expect(Buffer.concat(out).equals(stream), `cut at ${cuts.join(', ')}`).toBe(true);
      expect(ingest.plan?.video?.codecId).toBe('V_VP8');
    }
  });

  it('refuses a wrong magic as soon as a byte of it is wrong, in whichever message', () => {
    const refused = expect.objectContaining({ code: 4415 });
    const oneByOne = new IngestStream();
    oneByOne.push(Buffer.from([0x1a]));
    oneByOne.push(Buffer.from([0x45]));
    expect(() => oneByOne.push(Buffer.from([0x00]))).toThrow(refused);
    expect(() => new IngestStream().push(Buffer.from([0x4f]))).toThrow(refused);
    const split = new IngestStream();
    split.push(Buffer.from([0x1a]));
    expect(() => split.push(Buffer.from('Eg\0\0more'))).toThrow(refused);
  });
});
