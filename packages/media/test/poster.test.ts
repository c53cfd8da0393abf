// Live posters: while a publisher streams, a frame of the newest segment becomes
// `{hls dir}/poster.jpg`, renewed once per interval, never half-written.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendPaced, webmSlices } from './fixtures.ts';
import { goLive, probe, useIngest, waitFor } from './harness.ts';

const INTERVAL_MS = 2000;
const ingest = useIngest({ posterIntervalMs: INTERVAL_MS });

describe('live poster', () => {
  it('writes a JPEG of the newest segment while live and renews it every interval', async () => {
    const sessionId = 'poster';
    const chunks = await webmSlices({ codec: 'h264', seconds: 8 });
    const { dir, publisher } = await goLive(ingest, sessionId);
    const poster = join(dir, 'poster.jpg');
    const written = async () => (await stat(poster).catch(() => null))?.mtimeMs ?? null;
    expect(await written()).toBeNull();
    const sending = sendPaced(publisher.ws, chunks);

    const first = await waitFor(written, 10_000, 'a poster');
    const bytes = await readFile(poster);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // a JPEG
    expect((await probe(poster)).streams).toEqual([
      expect.objectContaining({ codec_name: 'mjpeg', width: 640, height: 360 }),
    ]);
    const second = await waitFor(
      async () => {
        const at = await written();
        return at !== null && at > first ? at : null;
      },
      10_000,
      'a renewed poster',
    );
    expect(second - first).toBeGreaterThanOrEqual(INTERVAL_MS - 500);
    expect((await readFile(poster)).equals(bytes)).toBe(false); // a later frame
    await sending;
    await ingest.backend.stopOutput(sessionId);
  });
});
