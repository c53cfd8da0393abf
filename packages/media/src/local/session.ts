// One session of the local backend: its publisher, its HLS output and its output state.
//
// State: `starting` after ensureOutput until the first segment, then `running`; a publisher that
// drops makes it `reconnecting` for the grace period (a reconnect continues the same playlist),
// then `failed`; a publisher that closes with 1000 or is removed makes it `idle`; refused media
// makes it `failed`; stopOutput makes it `stopped` (the playlist gets its ENDLIST). A publisher
// gone silent (see liveness.ts) counts as dropped.
//
// ensure, stop, close and the ended session's expiry run one after the other (`serially`): a
// stop awaits ffmpeg, and an ensure slipping in meanwhile would reopen an output the stop then
// ends, leaving a session that admits publishers but is never forgotten.
import type { OutputState } from '@vidinfra/domain';
import { mkdirSync, rmSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import type { LatencyMode, MediaEvent, OutputStatus } from '../backend.ts';
import { ByteRate } from './byte-rate.ts';
import { CLOSE, IngestRefusal } from './close-codes.ts';
import type { FfmpegExit } from './ffmpeg-process.ts';
import type { FfmpegProgress } from './ffmpeg-progress.ts';
import { HlsOutput } from './hls-output.ts';
import type { Silence } from './liveness.ts';
import { hlsDir, idleTimeoutMs, LATENCY, type ResolvedOptions } from './options.ts';
import { Publisher } from './publisher.ts';
import type { Recorder } from './recorder.ts';
import type { IndexedSegment } from './segment-index.ts';
import { PosterWriter } from './poster.ts';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Crash restarts allowed per minute before the stream is given up as one that kills ffmpeg. */
const RESTARTS_PER_MINUTE = 5;

export class LocalSession {
  readonly dir: string;
  state: OutputState = 'idle';
  private live = false;
  private segmentSeconds: number = LATENCY.standard.segmentSeconds;
  private ended = false;
  private output: HlsOutput | null = null;
  private poster: PosterWriter | null = null;
  private publisher: Publisher | null = null;
  private readonly removed = new Set<string>();
  private graceTimer: NodeJS.Timeout | null = null;
  private retentionTimer: NodeJS.Timeout | null = null;
  private restarts: number[] = [];
  private readonly rate = new ByteRate();
  private progress: FfmpegProgress = {};
  private usedBytes = 0;
  private segmentWaiters = new Set<() => void>();
  private lifecycle: Promise<unknown> = Promise.resolve();
  /** Dropped from the backend: a new LocalSession takes the id from here on. */
  private forgotten = false;

  constructor(
    readonly id: string,
    private readonly options: ResolvedOptions,
    private readonly recorder: Recorder,
    private readonly emit: (event: MediaEvent) => void,
    /** Drops this session from the backend once an ended session's files are gone. */
    private readonly forget: () => void,
  ) {
    this.dir = hlsDir(options.dataDir, id);
  }

  /**
   * ensureOutput, after any stop in progress has finished (an ended output is reopened then).
   * Null when this session was forgotten meanwhile: the backend asks a new one.
   */
  ensure(latencyMode: LatencyMode): Promise<{ state: OutputState; restarted: boolean } | null> {
    return this.serially(() => (this.forgotten ? null : this.ensureNow(latencyMode)));
  }

  private ensureNow(latencyMode: LatencyMode): { state: OutputState; restarted: boolean } {
    const { segmentSeconds, windowSize } = LATENCY[latencyMode];
    if (!this.output?.active) this.segmentSeconds = segmentSeconds;
    if (!this.output) {
      // A directory left by an earlier process belongs to a playlist nobody continues.
      rmSync(this.dir, { recursive: true, force: true });
      mkdirSync(this.dir, { recursive: true });
      this.poster = new PosterWriter(
        this.dir,
        this.options.ffmpegPath,
        this.options.posterIntervalMs,
        this.options.log,
      );
      this.output = new HlsOutput(
        this.dir,
        segmentSeconds,
        windowSize,
        this.options.ffmpegPath,
        {
          segment: (segment) => this.onSegment(segment),
          runExit: (exit, current) => this.onRunExit(exit, current),
          progress: (progress) => (this.progress = progress),
        },
        this.options.log,
      );
    } else if (!this.output.active) {
      this.output.configure(segmentSeconds, windowSize);
    }
    if (this.ended) {
      this.ended = false;
      this.output.reopen();
      this.clearTimer('retentionTimer');
    }
    this.live = true;
    const restarted = this.state === 'failed' || this.state === 'stopped';
    if (restarted || this.state === 'idle') this.setState('starting');
    return { state: this.state, restarted };
  }

  /** Takes a publisher whose token was verified; refusals close `ws` with a code and reason. */
  admit(ws: WebSocket, identity: string, takeover: boolean) {
    const refusal = this.refusal(identity, takeover);
    if (refusal) {
      ws.resume();
      ws.close(refusal.code, refusal.reason);
      return;
    }
    if (this.publisher) this.detachPublisher(CLOSE.CONFLICT, 'taken over');
    this.clearTimer('graceTimer');
    const limits = {
      heartbeatMs: this.options.heartbeatMs,
      firstMessageTimeoutMs: this.options.firstMessageTimeoutMs,
      idleTimeoutMs: idleTimeoutMs(this.options, this.segmentSeconds),
    };
    const publisher = new Publisher(ws, identity, limits, (silence) =>
      this.guard(publisher, () => this.onSilence(publisher, silence)),
    );
    this.publisher = publisher;
    if (this.state !== 'reconnecting' && this.state !== 'running') this.setState('starting');
    ws.on('message', (data: Buffer, isBinary) =>
      this.guard(publisher, () => this.onMessage(publisher, data, isBinary)),
    );
    ws.on('close', (code) => this.guard(publisher, () => this.onPublisherClose(publisher, code)));
    // ws has already closed the socket (1009 for a message above maxPayload, 1002 for a broken
    // frame): the publisher broke the protocol, it does not get a reconnect grace.
    ws.on('error', () => this.guard(publisher, () => this.fail(publisher, 1002, 'protocol error')));
    ws.resume();
  }

  /**
   * Runs a socket or timer listener's work: an exception thrown there would be uncaught and end
   * the process, so it is logged and the publisher closed with 1011 instead.
   */
  private guard(publisher: Publisher, work: () => void) {
    try {
      work();
    } catch (error) {
      const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.options.log.error(
        `session ${this.id}: publisher ${publisher.identity} failed: ${trace}`,
      );
      this.fail(publisher, CLOSE.INTERNAL, 'internal error');
    }
  }

  private refusal(identity: string, takeover: boolean): IngestRefusal | null {
    if (this.ended) return new IngestRefusal(CLOSE.ENDED, 'session ended');
    if (!this.live) return new IngestRefusal(CLOSE.UNKNOWN_SESSION, 'session is not live');
    if (this.removed.has(identity)) return new IngestRefusal(CLOSE.FORBIDDEN, 'removed');
    if (this.publisher && !takeover) {
      return new IngestRefusal(CLOSE.CONFLICT, 'publisher already connected');
    }
    if (this.usedBytes > this.options.quotaBytes) {
      void this.checkQuota(); // a stopped recording may have freed space for the next attempt
      return new IngestRefusal(CLOSE.QUOTA, 'disk quota exceeded');
    }
    return null;
  }

  private onMessage(publisher: Publisher, data: Buffer, isBinary: boolean) {
    if (publisher !== this.publisher || !this.output) return;
    if (!isBinary) {
      return this.fail(publisher, CLOSE.UNSUPPORTED, 'text messages are not accepted');
    }
    this.rate.add(data.length);
    let bytes: Buffer[];
    try {
      bytes = publisher.stream.push(data);
    } catch (error) {
      if (!(error instanceof IngestRefusal)) throw error; // a bug: `guard` closes with 1011
      return this.fail(publisher, error.code, error.reason);
    }
    if (!bytes.length) return;
    if (!publisher.started && publisher.stream.plan) {
      publisher.started = true;
      this.output.start(publisher.stream.plan, bytes);
      return;
    }
    for (const chunk of bytes) {
      if (!this.output.write(chunk)) {
        publisher.pause();
        this.output.onDrain(() => publisher.resume());
      }
    }
  }

  private onPublisherClose(publisher: Publisher, code: number) {
    if (publisher !== this.publisher) return; // we closed it ourselves
    this.publisher = null;
    void this.output?.stopRun('graceful');
    if (code === CLOSE.NORMAL) return this.setState('idle');
    this.awaitReconnect();
  }

  /** A publisher gone without closing is dropped like one whose connection broke. */
  private onSilence(publisher: Publisher, silence: Silence) {
    if (publisher !== this.publisher) return;
    const why = silence.kind === 'heartbeat' ? 'missed a heartbeat' : silence.reason;
    this.options.log.info(`session ${this.id}: publisher ${publisher.identity} ${why}`);
    this.publisher = null;
    if (silence.kind === 'heartbeat') publisher.terminate();
    else publisher.close(CLOSE.TIMEOUT, silence.reason);
    void this.output?.stopRun('graceful');
    this.awaitReconnect();
  }

  /** `reconnecting` for the grace period, then `failed` unless a publisher came back. */
  private awaitReconnect() {
    this.setState('reconnecting');
    this.clearTimer('graceTimer');
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null;
      if (!this.publisher && this.state === 'reconnecting') this.setState('failed');
    }, this.options.reconnectGraceMs);
  }

  /** Closes the publisher from our side and ends its ffmpeg run. */
  private detachPublisher(code: number, reason: string, how: 'graceful' | 'kill' = 'graceful') {
    const publisher = this.publisher;
    if (!publisher) return;
    this.publisher = null;
    publisher.close(code, reason);
    void this.output?.stopRun(how);
  }

  /** Refused media mid-stream: the publisher goes, its ffmpeg is killed, the output failed. */
  private fail(publisher: Publisher, code: number, reason: string) {
    if (publisher !== this.publisher) return;
    this.detachPublisher(code, reason, 'kill');
    this.setState('failed');
  }

  private onRunExit(exit: FfmpegExit, current: boolean) {
    this.wakeSegmentWaiters();
    const publisher = this.publisher;
    if (!current || exit.outcome === 'stopped' || !publisher?.stream.plan || !this.output) return;
    const now = Date.now();
    this.restarts = this.restarts.filter((at) => at > now - 60_000);
    if (exit.outcome === 'crashed' && this.restarts.length < RESTARTS_PER_MINUTE) {
      this.restarts.push(now);
      this.options.log.warn(`session ${this.id}: ffmpeg died (${exit.signal}); restarting`);
      this.output.start(publisher.stream.plan, publisher.stream.replay());
      publisher.resume();
      return;
    }
    const why = exit.outcome === 'crashed' ? ' (ffmpeg keeps crashing)' : '';
    this.fail(publisher, CLOSE.INVALID_MEDIA, `invalid media data${why}`);
  }

  private onSegment(segment: IndexedSegment) {
    if (this.publisher && (this.state === 'starting' || this.state === 'reconnecting')) {
      this.setState('running');
    }
    for (const parts of this.recorder.partsOf(this.id)) parts.add(this.dir, segment);
    if (this.publisher) this.poster?.segmentWritten(segment.name);
    this.wakeSegmentWaiters();
    void this.checkQuota();
  }

  /** Bytes of the HLS directory plus the active recordings' parts, hard links counted once. */
  private async checkQuota() {
    const parts = this.recorder.partsOf(this.id);
    let used = parts.reduce((sum, p) => sum + p.bytes, 0);
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (parts.some((p) => p.names.has(name))) continue;
      used += await stat(join(this.dir, name)).then(
        (s) => s.size,
        () => 0,
      );
    }
    this.usedBytes = used;
    if (used > this.options.quotaBytes && this.publisher) {
      this.options.log.warn(`session ${this.id}: disk quota exceeded (${used} bytes)`);
      this.fail(this.publisher, CLOSE.QUOTA, 'disk quota exceeded');
    }
  }

  /** Resolves at the next segment, when the run ends, or after `timeoutMs`. */
  private nextSegment(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.segmentWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.segmentWaiters.add(done);
    });
  }

  private wakeSegmentWaiters() {
    for (const wake of [...this.segmentWaiters]) wake();
  }

  startRecording(recordingId: string) {
    this.recorder.start(this.id, recordingId);
  }

  /** With a stream running, the segment in progress is waited for, so the file ends "now". */
  stopRecording(recordingId: string) {
    const wait = this.output?.active
      ? this.nextSegment(this.segmentSeconds * 2000 + 1000)
      : Promise.resolve();
    this.recorder.finish(recordingId, wait);
  }

  removeParticipant(identity: string) {
    this.removed.add(identity);
    if (this.publisher?.identity !== identity) return;
    this.detachPublisher(CLOSE.FORBIDDEN, 'removed');
    this.clearTimer('graceTimer');
    this.setState('idle');
  }

  /** stopOutput: the publisher is closed, the last segment written, the playlist ended. */
  stop(): Promise<void> {
    return this.serially(() => this.stopNow());
  }

  private async stopNow() {
    const finishRecordings = () => {
      for (const id of this.recorder.activeIds(this.id)) this.recorder.finish(id);
    };
    if (!this.live) return finishRecordings();
    this.live = false;
    this.ended = true;
    this.clearTimer('graceTimer');
    this.detachPublisher(CLOSE.ENDED, 'session ended');
    await this.output?.stopRun('graceful');
    finishRecordings();
    this.output?.end();
    this.setState('stopped');
    this.retentionTimer = setTimeout(() => {
      this.retentionTimer = null;
      void this.serially(() => this.expire());
    }, this.options.endedRetentionMs);
    this.retentionTimer.unref();
  }

  /** The ended session's retention is over: its files go, then the session itself. */
  private async expire() {
    if (this.live) return; // brought back by an ensureOutput queued before this
    try {
      await this.removeFiles();
    } catch (error) {
      this.options.log.error(`session ${this.id}: removing its files failed: ${messageOf(error)}`);
    }
    if (this.recorder.activeIds(this.id).length) return;
    this.forgotten = true;
    this.forget();
  }

  /** Whether the output was started and not stopped (it may be waiting for its publisher). */
  get isLive(): boolean {
    return this.live && !this.ended;
  }

  get ffmpegProcesses(): number {
    return this.output?.runningProcesses ?? 0;
  }

  status(): OutputStatus {
    const newest = this.output?.index.newest;
    const running = this.output?.pid !== undefined;
    return {
      state: this.state,
      ...(this.publisher && { bitrateKbps: this.rate.kbps() }),
      ...(running && this.progress.fps !== undefined && { fps: this.progress.fps }),
      ...(running && this.progress.speed !== undefined && { speed: this.progress.speed }),
      ...(newest && { segmentAgeSeconds: (Date.now() - newest.seenAt) / 1000 }),
    };
  }

  /** Server shutdown: the publisher is told, the last segment written, every process stopped. */
  close(): Promise<void> {
    return this.serially(() => this.closeNow());
  }

  private async closeNow() {
    this.clearTimer('graceTimer');
    this.detachPublisher(CLOSE.GOING_AWAY, 'server shutting down');
    await this.output?.stopRun('graceful');
    this.wakeSegmentWaiters();
    await this.output?.close();
    if (this.retentionTimer) await this.removeFiles();
  }

  private async removeFiles() {
    this.clearTimer('retentionTimer');
    const output = this.output;
    this.output = null;
    await output?.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Runs `task` once every earlier ensure/stop/close/expiry has finished. */
  private serially<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.lifecycle.then(task);
    this.lifecycle = result.catch(() => {}); // the caller sees the failure; the queue goes on
    return result;
  }

  private clearTimer(name: 'graceTimer' | 'retentionTimer') {
    const timer = this[name];
    if (timer) clearTimeout(timer);
    this[name] = null;
  }

  private setState(state: OutputState) {
    if (this.state === state) return;
    this.state = state;
    this.emit({ type: 'output.state', sessionId: this.id, state });
  }
}
