// `npm run bench:media`: the embedded media path end to end, in Debian's Chromium.
// For each case a session goes live through the app's API, a Chromium page records a canvas
// clock with MediaRecorder and streams it to the ingest, a second page plays the HLS with hls.js
// and reads the clock back from every decoded frame. Printed: glass-to-glass latency (p50/p95)
// and the ingest's ffmpeg CPU per stream; copy (H.264 from MediaRecorder) is compared with
// transcode (VP8 → libx264) measured in the same run. The last case publishes through the real
// browser studio (apps/web's /sessions/{id}/live: the compositor, its MediaRecorder, the ingest),
// the clock standing in for its camera, taken live through its buttons (bench/media/studio.ts).
// Knobs: BENCH_SECONDS (sampling seconds per case, 15), BENCH_LOG_LEVEL (app log level, warn).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, reachable } from '../../test/browser/chromium.ts';
import { publisherPage, viewerPage } from '../../test/browser/pages.ts';
import { percentile } from '../percentile.ts';
import { EMBEDDED_START, startServer } from '../processes.ts';
import { adminClient, type AdminClient } from '../seed.ts';
import { ffmpegCoreShare } from './cpu.ts';
import { studioPublisher, webAppBuilt } from './studio.ts';

interface Case {
  label: string;
  latencyMode: 'standard' | 'low';
  mimeType: string;
  keyFrameMs: number;
  liveSyncDurationCount: number;
  /** Published by the browser studio page instead of the bench's publisher page. */
  studio?: boolean;
}

const CASES: Case[] = [
  {
    label: 'standard, H.264 copy',
    latencyMode: 'standard',
    mimeType: 'video/webm;codecs=h264,opus',
    keyFrameMs: 1000,
    liveSyncDurationCount: 1,
  },
  {
    label: 'low, H.264 copy',
    latencyMode: 'low',
    mimeType: 'video/webm;codecs=h264,opus',
    keyFrameMs: 500,
    liveSyncDurationCount: 1,
  },
  {
    label: 'standard, VP8 transcode',
    latencyMode: 'standard',
    mimeType: 'video/webm;codecs=vp8,opus',
    keyFrameMs: 1000,
    liveSyncDurationCount: 1,
  },
  {
    label: 'standard, studio page',
    latencyMode: 'standard',
    mimeType: 'video/webm;codecs=h264,opus',
    keyFrameMs: 1000,
    liveSyncDurationCount: 1,
    studio: true,
  },
];
const TARGETS = { standard: 2500, low: 2000, copyCoreShare: 0.05 };
const WARM_UP_SECONDS = 6;
const sampleSeconds = Number(process.env.BENCH_SECONDS ?? 15);
const logLevel = process.env.BENCH_LOG_LEVEL ?? 'warn';
const ADMIN = { email: 'bench@example.test', password: 'bench-password' };

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** Waits until the playlist lists a segment (a transcode starts slower than a copy). */
async function firstSegment(hlsUrl: string, timeoutSeconds = 20) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    const response = await fetch(hlsUrl);
    if (response.ok && (await response.text()).includes('#EXTINF')) return;
    await sleep(0.2);
  }
  throw new Error(`no segment in ${hlsUrl} after ${timeoutSeconds} s`);
}

/** A live session in the given latency mode, and what the studio needs to publish to it. */
async function liveSession(api: AdminClient, baseUrl: string, roomId: string, kase: Case) {
  const session = await api.call('POST', `/rooms/${roomId}/sessions`, {
    title: kase.label,
    scheduled_at: new Date(Date.now() + 3600_000).toISOString(),
    settings: { latency_mode: kase.latencyMode },
  });
  const id = (session.id ?? (session.session as { id: string }).id) as string;
  await api.call('POST', `/sessions/${id}/start`, {});
  const joined = await api.call('POST', `/sessions/${id}/join`, {});
  await api.call('POST', `/sessions/${id}/webcam_hls`, {});
  const ingestUrl = reachable(
    `${joined.ws_url as string}/sessions/${id}?token=${joined.token as string}`,
    baseUrl,
  );
  return { id, ingestUrl, hlsUrl: reachable(joined.hls_url as string, baseUrl) };
}

/** A scheduled session in the given latency mode, and its studio URL (the studio starts it). */
async function studioSession(api: AdminClient, baseUrl: string, roomId: string, kase: Case) {
  const session = await api.call('POST', `/rooms/${roomId}/sessions`, {
    title: kase.label,
    scheduled_at: new Date(Date.now() + 3600_000).toISOString(),
    settings: { latency_mode: kase.latencyMode },
  });
  const id = (session.id ?? (session.session as { id: string }).id) as string;
  const { url } = await api.call('POST', `/sessions/${id}/studio_url`, {});
  return {
    id,
    studioUrl: reachable(url as string, baseUrl),
    hlsUrl: `${baseUrl}/hls/${id}/index.m3u8`,
  };
}

interface Result {
  kase: Case;
  p50: number;
  p95: number;
  frames: number;
  unreadable: number;
  coreShare: number;
}

async function measure(
  browser: Browser,
  baseUrl: string,
  api: AdminClient,
  roomId: string,
  kase: Case,
): Promise<Result> {
  let publisher: Page;
  let session: { id: string; hlsUrl: string };
  let recorded = kase.mimeType;
  if (kase.studio) {
    const scheduled = await studioSession(api, baseUrl, roomId, kase);
    session = scheduled;
    publisher = await studioPublisher(browser, scheduled.studioUrl);
  } else {
    const live = await liveSession(api, baseUrl, roomId, kase);
    session = live;
    publisher = await openPage(browser, baseUrl, 'publisher.html', publisherPage);
    recorded = await publisher.evaluate(
      ([url, mime, keyFrameMs]) =>
        (
          globalThis as unknown as {
            publish(u: string, m: string, k: number, s: string): Promise<string>;
          }
        ).publish(url, mime, keyFrameMs, 'canvas'),
      [live.ingestUrl, kase.mimeType, kase.keyFrameMs] as const,
    );
  }
  await firstSegment(session.hlsUrl);
  const viewer: Page = await openPage(browser, baseUrl, 'viewer.html', viewerPage);
  await viewer.evaluate(
    ([url, count]) =>
      (globalThis as unknown as { play(u: string, c: number): void }).play(url, count),
    [session.hlsUrl, kase.liveSyncDurationCount] as const,
  );
  await sleep(WARM_UP_SECONDS);
  await viewer.evaluate(() => {
    (globalThis as unknown as { samples: number[] }).samples = [];
  });
  const coreShare = await ffmpegCoreShare(session.id, sampleSeconds);
  const seen = await viewer.evaluate(() => {
    const w = globalThis as unknown as { samples: number[]; unreadable: number; fatal?: string };
    return { samples: w.samples, unreadable: w.unreadable, fatal: w.fatal };
  });
  const closed = kase.studio
    ? undefined
    : await publisher.evaluate(
        () => (globalThis as unknown as { ingestClosed?: string }).ingestClosed,
      );
  if (closed) console.warn(`  ! ${kase.label}: ingest closed the publisher: ${closed}`);
  if (seen.fatal) console.warn(`  ! ${kase.label}: hls.js fatal error ${seen.fatal}`);
  if (recorded !== kase.mimeType) console.warn(`  ! ${kase.label}: recorded as ${recorded}`);
  if (kase.studio) await publisher.context().close();
  else await publisher.close();
  await viewer.close();
  await api.call('POST', `/sessions/${session.id}/end`, {});
  return {
    kase,
    p50: percentile(seen.samples, 50),
    p95: percentile(seen.samples, 95),
    frames: seen.samples.length,
    unreadable: seen.unreadable,
    coreShare,
  };
}

function report(results: Result[]) {
  const row = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(26) : c.padStart(12))).join(''));
  row(['', 'g2g p50 ms', 'g2g p95 ms', 'frames', 'ffmpeg core']);
  for (const r of results) {
    row([
      r.kase.label,
      r.p50.toFixed(0),
      r.p95.toFixed(0),
      `${r.frames}`,
      `${(r.coreShare * 100).toFixed(1)} %`,
    ]);
  }
  const copy = results.find((r) => r.kase.label === 'standard, H.264 copy');
  const transcode = results.find((r) => r.kase.mimeType.includes('vp8'));
  if (copy && transcode)
    console.log(
      `\ncopy uses ${(copy.coreShare / transcode.coreShare).toFixed(2)}x the CPU of a transcode`,
    );
  console.log(
    `targets on loopback: standard <= ${TARGETS.standard} ms, low <= ${TARGETS.low} ms, ` +
      `copy <= ${TARGETS.copyCoreShare * 100} % of a core`,
  );
  for (const r of results) {
    const limit = TARGETS[r.kase.latencyMode];
    const cpuOk = !r.kase.label.includes('copy') || r.coreShare <= TARGETS.copyCoreShare;
    console.log(`  ${r.p50 <= limit && cpuOk ? 'met    ' : 'MISSED '} ${r.kase.label}`);
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vidinfra-bench-media-'));
  const app = await startServer(EMBEDDED_START, {
    cwd: apiDir,
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: logLevel,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    readyPath: '/api/health',
  });
  const browser = await launchChromium();
  try {
    const api = adminClient(app.baseUrl, ADMIN);
    await api.login();
    const room = await api.call('POST', '/rooms', { name: 'Bench', visibility: 'public' });
    const results: Result[] = [];
    for (const kase of CASES) {
      if (kase.studio && !webAppBuilt(apiDir)) {
        console.warn(
          `  ! ${kase.label}: skipped, build the web app first (npm run build -w @vidinfra/web)`,
        );
        continue;
      }
      console.log(`measuring ${kase.label} (${sampleSeconds} s)…`);
      results.push(await measure(browser, app.baseUrl, api, room.id as string, kase));
    }
    console.log('');
    report(results);
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
