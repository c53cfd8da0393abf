// A real HTTP server with the ingest attached to a local backend over a temporary data dir,
// and what the tests use to drive and observe it: tokens, publishers, playlists, processes.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { WebSocket } from 'ws';
import type { OutputState } from '@vidinfra/domain';
import type { LatencyMode, MediaBackend, MediaEvent, MediaGrant } from '../src/backend.ts';
import {
  localMediaBackend,
  type IngestOptions,
  type LocalMediaOptions,
  type MediaLog,
} from '../src/index.ts';

const run = promisify(execFile);
export const API_KEY = 'testkey';
export const API_SECRET = 'testsecret-testsecret-testsecret-00';

export interface Closed {
  code: number;
  reason: string;
}

export interface TestPublisher {
  ws: WebSocket;
  closed: Promise<Closed>;
}

export interface ConnectOptions {
  /** Instead of `/sessions/{id}` (under the ingest's `/ingest`). */
  path?: string;
  /** False: the client does not answer the server's pings (a peer gone half-open). */
  autoPong?: boolean;
  /** The Origin header a browser page would send (none by default, as Node sends). */
  origin?: string;
}

export interface LogLine {
  level: keyof MediaLog;
  message: string;
}

export interface Ingest {
  backend: MediaBackend;
  dataDir: string;
  port: number;
  events: MediaEvent[];
  /** Everything the backend logged. */
  logs: LogLine[];
  hlsDir(sessionId: string): string;
  state(sessionId: string): Promise<OutputState>;
  token(sessionId: string, grant?: Partial<MediaGrant>): Promise<string>;
  /** Opens `/ingest/sessions/{id}` (or `path`) once the socket is open. */
  connect(
    sessionId: string,
    query: Record<string, string>,
    options?: ConnectOptions,
  ): Promise<TestPublisher>;
  /** Connects with a fresh publish token. */
  publish(sessionId: string, extra?: Record<string, string>): Promise<TestPublisher>;
  /** Runs `cleanup` when the ingest closes (before the backend does). */
  onClose(cleanup: () => unknown): void;
  close(): Promise<void>;
}

export async function startIngest(
  options: Partial<LocalMediaOptions> = {},
  ingestOptions: IngestOptions = {},
): Promise<Ingest> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vidinfra-media-'));
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const logs: LogLine[] = [];
  const log: MediaLog = {
    info: (message) => logs.push({ level: 'info', message }),
    warn: (message) => logs.push({ level: 'warn', message }),
    error: (message) => logs.push({ level: 'error', message }),
  };
  const backend = localMediaBackend({
    publicUrl: `http://127.0.0.1:${port}`,
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    dataDir,
    reconnectGraceMs: 2000,
    log,
    ...options,
  });
  const events: MediaEvent[] = [];
  backend.onEvent((event) => events.push(event));
  const ingest = backend.ingest!.attach(server, ingestOptions);
  const sockets = new Set<WebSocket>();
  const cleanups: (() => unknown)[] = [];

  const token = (sessionId: string, grant: Partial<MediaGrant> = {}) =>
    backend.mediaToken({
      room: sessionId,
      identity: 'host-1',
      name: 'Host',
      canPublish: true,
      canSubscribe: true,
      ttlSeconds: 600,
      ...grant,
    });

  const connect = (
    sessionId: string,
    query: Record<string, string>,
    { path, autoPong = true, origin }: ConnectOptions = {},
  ) =>
    new Promise<TestPublisher>((resolve, reject) => {
      const search = new URLSearchParams(query).toString();
      const url = `${backend.wsUrl()}${path ?? `/sessions/${sessionId}`}?${search}`;
      const ws = new WebSocket(url, { autoPong, ...(origin && { origin }) });
      sockets.add(ws);
      const closed = new Promise<Closed>((done) =>
        ws.once('close', (code, reason) => done({ code, reason: reason.toString() })),
      );
      ws.on('error', () => {});
      ws.once('open', () => resolve({ ws, closed }));
      ws.once('unexpected-response', () => reject(new Error('upgrade refused')));
    });

  return {
    backend,
    dataDir,
    port,
    events,
    logs,
    hlsDir: (sessionId) => join(dataDir, 'hls', sessionId),
    state: async (sessionId) => (await backend.outputStatus(sessionId)).state,
    token,
    connect,
    publish: async (sessionId, extra = {}) =>
      connect(sessionId, { token: await token(sessionId), ...extra }),
    onClose: (cleanup) => cleanups.push(cleanup),
    async close() {
      for (const cleanup of cleanups.splice(0)) await cleanup();
      for (const ws of sockets) ws.terminate();
      await backend.close();
      await ingest.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The test file's ingest: started before its tests, closed after them. */
export function useIngest(
  options: Partial<LocalMediaOptions> = {},
  ingestOptions: IngestOptions = {},
): Ingest {
  const ingest = {} as Ingest;
  beforeAll(async () => {
    Object.assign(ingest, await startIngest(options, ingestOptions));
  });
  afterAll(async () => {
    if ('close' in ingest) await ingest.close();
  });
  return ingest;
}

export interface LiveStream {
  /** What ensureOutput answered. */
  ensured: { state: OutputState; restarted: boolean };
  dir: string;
  /** Watches the playlist from before the first segment (stopped when the ingest closes). */
  watch: ReturnType<typeof watchPlaylist>;
  publisher: TestPublisher;
}

/**
 * A session going live as the services do it: ensureOutput, its recordings started, then the
 * host's publisher connected (not yet sending).
 */
export async function goLive(
  ingest: Ingest,
  sessionId: string,
  {
    latencyMode = 'standard',
    recordings = [],
  }: { latencyMode?: LatencyMode; recordings?: string[] } = {},
): Promise<LiveStream> {
  const ensured = await ingest.backend.ensureOutput(sessionId, { latencyMode });
  for (const recordingId of recordings) await ingest.backend.startRecording(sessionId, recordingId);
  const dir = ingest.hlsDir(sessionId);
  const watch = watchPlaylist(dir);
  ingest.onClose(watch.stop);
  const publisher = await ingest.publish(sessionId);
  return { ensured, dir, watch, publisher };
}

/** ffmpeg processes whose command line mentions `text` (e.g. a session's HLS directory). */
export async function ffmpegProcesses(text: string): Promise<{ pid: number; args: string }[]> {
  const { stdout } = await run('ps', ['-eo', 'pid=,args=']);
  return stdout
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .filter(
      (m): m is RegExpMatchArray => !!m && /\bffmpeg\b/.test(m[2] ?? '') && m[2]!.includes(text),
    )
    .map((m) => ({ pid: Number(m[1]), args: m[2]! }));
}

export interface PlaylistSegment {
  name: string;
  duration: number;
  programDateTime: string | null;
  discontinuity: boolean;
}

export interface Playlist {
  mediaSequence: number;
  targetDuration: number;
  segments: PlaylistSegment[];
  ended: boolean;
}

export async function readPlaylist(dir: string): Promise<Playlist | null> {
  const text = await readFile(join(dir, 'index.m3u8'), 'utf8').catch(() => null);
  if (text === null) return null;
  const playlist: Playlist = { mediaSequence: 0, targetDuration: 0, segments: [], ended: false };
  let pending: Partial<PlaylistSegment> = {};
  for (const line of text.split('\n')) {
    if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) playlist.mediaSequence = Number(line.slice(22));
    else if (line.startsWith('#EXT-X-TARGETDURATION:'))
      playlist.targetDuration = Number(line.slice(22));
    else if (line === '#EXT-X-DISCONTINUITY') pending.discontinuity = true;
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pending.programDateTime = line.slice(25);
    else if (line.startsWith('#EXTINF:')) pending.duration = Number.parseFloat(line.slice(8));
    else if (line === '#EXT-X-ENDLIST') playlist.ended = true;
    else if (line && !line.startsWith('#')) {
      playlist.segments.push({
        name: line,
        duration: pending.duration ?? Number.NaN,
        programDateTime: pending.programDateTime ?? null,
        discontinuity: pending.discontinuity ?? false,
      });
      pending = {};
    }
  }
  return playlist;
}

/**
 * Watches a session's playlist while a stream runs and remembers every segment it ever listed
 * (the public window forgets old ones), so tests can sum what was published.
 */
export function watchPlaylist(dir: string) {
  const seen = new Map<string, PlaylistSegment>();
  let sequenceOk = true;
  let lastSequence = -1;
  const poll = async () => {
    const playlist = await readPlaylist(dir);
    if (!playlist) return;
    if (playlist.mediaSequence < lastSequence) sequenceOk = false;
    lastSequence = playlist.mediaSequence;
    for (const segment of playlist.segments)
      if (!seen.has(segment.name)) seen.set(segment.name, segment);
  };
  const timer = setInterval(() => void poll(), 100);
  return {
    seen,
    poll,
    /** The media sequence never went backwards. */
    get sequenceOk() {
      return sequenceOk;
    },
    stop: async () => {
      clearInterval(timer);
      await poll();
    },
  };
}

export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function probe(file: string): Promise<{
  duration: number;
  streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
}> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration:stream=codec_type,codec_name,width,height',
    '-of',
    'json',
    file,
  ]);
  const parsed = JSON.parse(stdout);
  return { duration: Number(parsed.format.duration), streams: parsed.streams };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
