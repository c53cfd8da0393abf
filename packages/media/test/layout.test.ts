// Where the local backend keeps its files: other packages (HLS serving, recording files, the
// storage dashboard) use these helpers instead of re-deriving the paths.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  hlsDir,
  recordingFile,
  recordingPartsDir,
  recordingPosterFile,
  recordingsDir,
} from '../src/index.ts';
import { readyRecording } from './events.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import { goLive, probe, readPlaylist, useIngest, waitFor } from './harness.ts';

const ingest = useIngest();

it('names the disk layout under the data dir', () => {
  expect(hlsDir('/data', 's1')).toBe(join('/data', 'hls', 's1'));
  expect(recordingsDir('/data')).toBe(join('/data', 'recordings'));
  expect(recordingFile('/data', 'r1')).toBe(join('/data', 'recordings', 'r1.mp4'));
  expect(recordingPartsDir('/data', 'r1')).toBe(join('/data', 'recordings', 'r1.parts'));
  expect(recordingPosterFile('/data', 'r1')).toBe(join('/data', 'recordings', 'r1.poster.jpg'));
});

it('is where the backend writes', async () => {
  const { publisher } = await goLive(ingest, 'layout', { recordings: ['rec-layout'] });
  await sendPaced(publisher.ws, await webmSlices({ codec: 'h264', seconds: 2 }), { speed: 2 });
  await waitFor(async () => (await ingest.state('layout')) === 'running', 5000, 'running');
  await ingest.backend.stopOutput('layout');
  expect((await readPlaylist(hlsDir(ingest.dataDir, 'layout')))?.ended).toBe(true);
  const ready = await readyRecording(ingest, 'rec-layout');
  expect(ready.filePath).toBe(recordingFile(ingest.dataDir, 'rec-layout'));
  // Its poster: one frame of the file as a JPEG beside it, scaled like the live poster.
  expect(ready.posterPath).toBe(recordingPosterFile(ingest.dataDir, 'rec-layout'));
  const jpeg = await readFile(ready.posterPath!);
  expect(jpeg.length).toBeGreaterThan(0);
  expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  expect((await probe(ready.posterPath!)).streams).toEqual([
    expect.objectContaining({ codec_name: 'mjpeg', width: 640, height: 360 }),
  ]);
});
