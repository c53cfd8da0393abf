// Done-when 1: H.264 (copied) and VP8 (transcoded) streams become playable HLS with the latency
// mode's segment length, PROGRAM-DATE-TIME on each segment, ENDLIST at the end, and recordings
// whose MP4 lasts what was published.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readyRecording, outputStates, recordingOutcomes } from './events.ts';
import { sendPaced, webmSlices } from './fixtures.ts';
import {
  ffmpegProcesses,
  goLive,
  probe,
  readPlaylist,
  sleep,
  startIngest,
  useIngest,
  waitFor,
  type PlaylistSegment,
} from './harness.ts';

const ingest = useIngest();

const total = (segments: PlaylistSegment[]) => segments.reduce((sum, s) => sum + s.duration, 0);

async function expectPlayable(file: string) {
  const info = await probe(file);
  expect(info.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual([
    'audio:aac',
    'video:h264',
  ]);
  expect(info.streams.find((s) => s.codec_type === 'video')).toMatchObject({
    width: 640,
    height: 360,
  });
}

describe('local ingest → HLS', () => {
  it('copies H.264 into 1 s segments, ends the playlist, records what was published', async () => {
    const sessionId = 'h264-standard';
    const seconds = 5;
    const chunks = await webmSlices({ codec: 'h264', seconds });
    const { ensured, dir, watch, publisher } = await goLive(ingest, sessionId, {
      recordings: ['rec-h264'],
    });
    expect(ensured).toEqual({ state: 'starting', restarted: false });
    const stats = () => ingest.backend.ingest!.stats();
    const receivedBefore = stats().bytesReceived;
    const sending = sendPaced(publisher.ws, chunks);

    await waitFor(async () => (await ingest.state(sessionId)) === 'running');
    const [ffmpeg] = await ffmpegProcesses(dir);
    expect(ffmpeg?.args).toContain('-c:v copy'); // no re-encode
    expect(stats()).toMatchObject({ liveSessions: 1, ffmpegProcesses: 1 });
    expect(await sending).toBe(chunks.length);
    const health = await ingest.backend.outputStatus(sessionId);
    expect(health.bitrateKbps).toBeGreaterThan(100);
    expect(health.segmentAgeSeconds).toBeLessThan(3);
    expect(health.fps).toBeGreaterThan(0);

    await ingest.backend.stopOutput(sessionId);
    expect(await publisher.closed).toEqual({ code: 4410, reason: 'session ended' });
    // Every byte published was counted; the stopped output holds no ffmpeg and is not live.
    const sent = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    expect(stats().bytesReceived - receivedBefore).toBe(sent);
    expect(stats()).toMatchObject({ liveSessions: 0, ffmpegProcesses: 0 });
    await watch.stop();
    const playlist = await readPlaylist(dir);
    expect(playlist).toMatchObject({ ended: true, targetDuration: 1 });
    const published = [...watch.seen.values()];
    expect(published.length).toBe(seconds);
    for (const segment of published.slice(0, -1)) expect(segment.duration).toBeCloseTo(1, 1);
    for (const segment of published) {
      expect(Math.abs(Date.parse(segment.programDateTime ?? '') - Date.now())).toBeLessThan(60_000);
    }
    await expectPlayable(join(dir, playlist!.segments.at(-1)!.name));
    await expectPlayable(join(dir, 'index.m3u8')); // ffmpeg's HLS demuxer reads our playlist

    const ready = await readyRecording(ingest, 'rec-h264');
    expect(ready.filePath).toBe(join(ingest.dataDir, 'recordings', 'rec-h264.mp4'));
    expect(Math.abs(ready.durationSeconds - total(published))).toBeLessThan(1);
    expect(Math.abs(ready.durationSeconds - seconds)).toBeLessThan(1);
    expect((await probe(ready.filePath)).duration).toBeCloseTo(ready.durationSeconds, 1);
    expect(ready.sizeBytes).toBeGreaterThan(10_000);
    // The services stop the recording again after stopOutput: nothing more happens.
    await ingest.backend.stopRecording(sessionId, 'rec-h264');
    await sleep(200);
    expect(recordingOutcomes(ingest, 'rec-h264')).toHaveLength(1);
    expect(await ffmpegProcesses(dir)).toEqual([]);
    expect(outputStates(ingest, sessionId)).toEqual(['starting', 'running', 'stopped']);
  });

  it('transcodes VP8 into 0.5 s low-latency segments; a recording stopped mid-stream', async () => {
    const sessionId = 'vp8-low';
    const seconds = 5;
    const chunks = await webmSlices({ codec: 'vp8', seconds });
    const { dir, watch, publisher } = await goLive(ingest, sessionId, {
      latencyMode: 'low',
      recordings: ['rec-vp8-all', 'rec-vp8-part'],
    });
    const sending = sendPaced(publisher.ws, chunks);

    await waitFor(() => watch.seen.size >= 4, 10_000, 'four segments');
    const [ffmpeg] = await ffmpegProcesses(dir);
    expect(ffmpeg?.args).toContain('-c:v libx264');
    await watch.poll();
    const publishedAtStop = total([...watch.seen.values()]);
    const stoppedAt = Date.now();
    await ingest.backend.stopRecording(sessionId, 'rec-vp8-part');
    const part = await readyRecording(ingest, 'rec-vp8-part');
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    // The segment in progress when it was stopped is in the file.
    expect(part.durationSeconds).toBeGreaterThan(publishedAtStop + 0.4);
    expect(part.durationSeconds).toBeLessThan(publishedAtStop + 2);

    await sending;
    await ingest.backend.stopOutput(sessionId);
    await watch.stop();
    const playlist = await readPlaylist(dir);
    expect(playlist?.ended).toBe(true);
    expect(playlist?.segments.length).toBeLessThanOrEqual(4); // the short low-latency window
    const published = [...watch.seen.values()];
    expect(published.length).toBeGreaterThanOrEqual(2 * seconds - 1);
    for (const segment of published.slice(0, -1)) expect(segment.duration).toBeCloseTo(0.5, 1);
    expect(published.every((s) => s.programDateTime)).toBe(true);
    await expectPlayable(join(dir, playlist!.segments.at(-1)!.name));
    const all = await readyRecording(ingest, 'rec-vp8-all');
    expect(Math.abs(all.durationSeconds - total(published))).toBeLessThan(1);
    expect(await ffmpegProcesses(dir)).toEqual([]);
  });

  it('copies H.264 with half-second keyframes into 0.5 s segments', async () => {
    const sessionId = 'h264-low';
    const seconds = 4;
    const chunks = await webmSlices({ codec: 'h264', seconds, gop: 15 });
    const { dir, watch, publisher } = await goLive(ingest, sessionId, { latencyMode: 'low' });
    await sendPaced(publisher.ws, chunks);
    publisher.ws.close(1000);
    await waitFor(async () => (await ingest.state(sessionId)) === 'idle');
    await watch.stop();
    const published = [...watch.seen.values()];
    expect(published.length).toBeGreaterThanOrEqual(2 * seconds - 1);
    for (const segment of published.slice(0, -1)) expect(segment.duration).toBeCloseTo(0.5, 1);
    expect((await readPlaylist(dir))?.ended).toBe(false); // idle is not the end
    expect(await ffmpegProcesses(dir)).toEqual([]);
  });

  it("removes an ended session's files after the retention period", async () => {
    const own = await startIngest({ endedRetentionMs: 300 });
    try {
      const chunks = await webmSlices({ codec: 'h264', seconds: 2 });
      const { publisher } = await goLive(own, 'retained');
      await sendPaced(publisher.ws, chunks, { speed: 4 });
      await own.backend.stopOutput('retained');
      expect((await readPlaylist(own.hlsDir('retained')))?.ended).toBe(true);
      // Forgotten once its files are gone.
      await waitFor(async () => (await own.state('retained')) === 'idle');
      expect(await readPlaylist(own.hlsDir('retained'))).toBeNull();
    } finally {
      await own.close();
    }
  });
});
