// Real WebM/Matroska streams like the studio's MediaRecorder sends, made by ffmpeg from a test
// pattern, and a pacer that sends them over a WebSocket in 250 ms slices at real time. Shared
// with the media benchmark.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { WebSocket } from 'ws';
import { readElementHeader } from '../src/local/ebml.ts';

const run = promisify(execFile);

export interface FixtureOptions {
  codec: 'h264' | 'vp8' | 'mjpeg';
  seconds: number;
  /** Keyframe interval in frames (MediaRecorder-like: one a second at 30 fps). */
  gop?: number;
  size?: string;
  fps?: number;
}

const CODEC_ARGS: Record<FixtureOptions['codec'], string[]> = {
  h264: ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'],
  vp8: ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '1M'],
  mjpeg: ['-c:v', 'mjpeg', '-pix_fmt', 'yuvj420p'],
};

/** Path of the fixture (made once per machine and parameters, reused after). */
export async function webmFixture(options: FixtureOptions): Promise<string> {
  const { codec, seconds, gop = 30, size = '640x360', fps = 30 } = options;
  const dir = join(tmpdir(), 'vidinfra-media-fixtures');
  const file = join(dir, `${codec}-${seconds}s-g${gop}-${size}-${fps}.webm`);
  if (
    await stat(file).then(
      () => true,
      () => false,
    )
  )
    return file;
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${size}:rate=${fps}`,
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000',
    '-t',
    String(seconds),
    ...CODEC_ARGS[codec],
    '-g',
    String(gop),
    '-keyint_min',
    String(gop),
    '-c:a',
    'libopus',
    // Live Matroska with one Cluster per keyframe, as Chromium's muxer writes it.
    '-f',
    'matroska',
    '-live',
    '1',
    '-cluster_size_limit',
    '8000000',
    '-cluster_time_limit',
    '5000',
    tmp,
  ]);
  await rename(tmp, file);
  return file;
}

/** The fixture as a publisher sends it: 250 ms slices of MediaRecorder-like bytes. */
export async function webmSlices(options: FixtureOptions): Promise<Buffer[]> {
  return slices(await webmBytes(options), options.seconds);
}

/** The fixture's bytes with every Cluster's size made "unknown", as MediaRecorder leaves them. */
export async function webmBytes(options: FixtureOptions): Promise<Buffer> {
  return unknownSizeClusters(await readFile(await webmFixture(options)));
}

export function unknownSizeClusters(input: Buffer): Buffer {
  const bytes = Buffer.from(input);
  let at = 0;
  while (at < bytes.length) {
    const header = readElementHeader(bytes, at);
    if (typeof header !== 'object') break;
    const idLength = header.id > 0xffffff ? 4 : header.id > 0xffff ? 3 : header.id > 0xff ? 2 : 1;
    const sizeLength = header.headerLength - idLength;
    if (header.id === 0x18538067) {
      at += header.headerLength; // into the Segment
      continue;
    }
    if (header.id === 0x1f43b675) {
      bytes[at + idLength] = (0x100 >> sizeLength) | (0xff >> sizeLength);
      bytes.fill(0xff, at + idLength + 1, at + header.headerLength);
    }
    at += header.headerLength + (header.size ?? 0);
  }
  return bytes;
}

/** Splits a stream of `seconds` into slices of about `sliceMs` worth of bytes each. */
export function slices(bytes: Buffer, seconds: number, sliceMs = 250): Buffer[] {
  const per = Math.ceil((bytes.length * sliceMs) / (seconds * 1000));
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += per) out.push(bytes.subarray(at, at + per));
  return out;
}

/** Sends the slices at real time (or `speed` times faster); stops early if the socket closes. */
export async function sendPaced(
  ws: WebSocket,
  chunks: Buffer[],
  options: { sliceMs?: number; speed?: number } = {},
): Promise<number> {
  const interval = (options.sliceMs ?? 250) / (options.speed ?? 1);
  const start = Date.now();
  let sent = 0;
  for (const chunk of chunks) {
    if (ws.readyState !== ws.OPEN) break;
    ws.send(chunk);
    sent++;
    const wait = start + sent * interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return sent;
}
