// A session's HLS output: a succession of ffmpeg runs (one per publisher connection, plus one per
// crash restart) writing into the same directory, and the one public playlist over all of them.
// Each run writes `r{run}_NNNNN.ts` and its private `.ffmpeg-r{run}.m3u8`; we watch the directory
// (fs.watch, with a short poll as a fallback), index each new segment and rewrite `index.m3u8`.
// A run starts only after the previous one has exited and been read to the end, so segments are
// indexed in stream order.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CodecPlan } from './codec-plan.ts';
import { hlsArgs, privatePlaylistName } from './ffmpeg-args.ts';
import { FfmpegProcess, type FfmpegExit } from './ffmpeg-process.ts';
import type { FfmpegProgress } from './ffmpeg-progress.ts';
import type { MediaLog } from './options.ts';
import { parsePrivatePlaylist, renderPlaylist, writeAtomically } from './playlist.ts';
import { SegmentIndex, type IndexedSegment } from './segment-index.ts';

const POLL_MS = 250;

export interface HlsOutputEvents {
  /** A segment is complete and listed in the public playlist. */
  segment(segment: IndexedSegment): void;
  /** A run's ffmpeg exited and its last segments are indexed; `current` unless replaced. */
  runExit(exit: FfmpegExit, current: boolean): void;
  progress(progress: FfmpegProgress): void;
}

interface Run {
  number: number;
  process: FfmpegProcess | null;
  /** Input waiting for the previous run to finish before this one's ffmpeg starts. */
  pending: Buffer[];
  cancelled: boolean;
  lastSequence: number;
  finished: Promise<void>;
}

export class HlsOutput {
  readonly index: SegmentIndex;
  private readonly runs = new Set<Run>();
  private current: Run | null = null;
  private runCount = 0;
  private settled: Promise<void> = Promise.resolve();
  private ended = false;
  private watcher: FSWatcher | null = null;
  private poll: NodeJS.Timeout | null = null;
  private scanQueued = false;
  private scans: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    private segmentSeconds: number,
    windowSize: number,
    private readonly ffmpegPath: string,
    private readonly events: HlsOutputEvents,
    private readonly log: MediaLog,
  ) {
    this.index = new SegmentIndex(windowSize, segmentSeconds);
  }

  configure(segmentSeconds: number, windowSize: number) {
    this.segmentSeconds = segmentSeconds;
    this.index.configure(windowSize, segmentSeconds);
  }

  /** ffmpeg of the current run, while it runs. */
  get pid(): number | undefined {
    return this.current?.process?.running ? this.current.process.pid : undefined;
  }

  get active(): boolean {
    return this.current !== null;
  }

  /** ffmpeg processes of this output alive now (a replaced run may still be finishing). */
  get runningProcesses(): number {
    return [...this.runs].filter((run) => run.process?.running).length;
  }

  /** Starts a new run fed `input` first; the current run, if any, is ended before. */
  start(plan: CodecPlan, input: Buffer[]) {
    if (this.current) void this.stopRun('graceful');
    const run: Run = {
      number: ++this.runCount,
      process: null,
      pending: [...input],
      cancelled: false,
      lastSequence: -1,
      finished: Promise.resolve(),
    };
    this.current = run;
    this.runs.add(run);
    this.watchDir();
    const previous = this.settled;
    run.finished = previous.then(() => this.runToEnd(run, plan));
    this.settled = run.finished;
  }

  /** Feeds the current run; false when ffmpeg's input is full (see `onDrain`). */
  write(chunk: Buffer): boolean {
    const run = this.current;
    if (!run) return true;
    if (!run.process) {
      run.pending.push(chunk);
      return true;
    }
    return run.process.write(chunk);
  }

  onDrain(listener: () => void) {
    this.current?.process?.onDrain(listener);
  }

  /**
   * Ends the current run ('graceful' lets ffmpeg finish its segment) and waits until every run,
   * including one already stopping, has exited and been read to the end.
   */
  async stopRun(how: 'graceful' | 'kill'): Promise<void> {
    const run = this.current;
    if (run) {
      this.current = null;
      run.cancelled = true;
      if (run.process) void (how === 'graceful' ? run.process.stop() : run.process.kill());
    }
    await this.settled;
  }

  /** The session ended: the playlist gets its ENDLIST. */
  end() {
    this.ended = true;
    this.writePlaylist();
  }

  reopen() {
    this.ended = false;
  }

  /** Kills every run and stops watching. */
  async close() {
    const runs = [...this.runs];
    this.current = null;
    for (const run of runs) run.cancelled = true;
    await Promise.all(runs.map((run) => run.process?.kill()));
    await Promise.all(runs.map((run) => run.finished));
    this.unwatchDir();
  }

  private async runToEnd(run: Run, plan: CodecPlan) {
    if (run.cancelled && this.current !== run) {
      this.runs.delete(run);
      this.unwatchIfIdle();
      return;
    }
    const args = hlsArgs({
      plan,
      segmentSeconds: this.segmentSeconds,
      dir: this.dir,
      run: run.number,
    });
    const process = new FfmpegProcess(this.ffmpegPath, args, (p) => this.events.progress(p));
    run.process = process;
    for (const chunk of run.pending) process.write(chunk);
    run.pending = [];
    const exit = await process.exited;
    if (exit.outcome !== 'stopped') {
      this.log.warn(
        `ffmpeg run ${run.number} in ${this.dir} ${exit.outcome}: ${exit.signal ?? exit.code} ${exit.stderr}`,
      );
    }
    await this.scan();
    await this.removeLeftovers(run);
    this.runs.delete(run);
    this.unwatchIfIdle();
    const current = this.current === run;
    if (current) this.current = null;
    try {
      this.events.runExit(exit, current);
    } catch (error) {
      // Thrown here it would reject `settled` and no later run would ever start.
      this.log.error(`handling the exit of ffmpeg run ${run.number} failed: ${String(error)}`);
    }
  }

  private watchDir() {
    if (this.poll) return;
    this.poll = setInterval(() => void this.scan(), POLL_MS);
    try {
      this.watcher = watch(this.dir, () => void this.scan());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // The poll alone keeps up.
    }
  }

  private unwatchIfIdle() {
    if (this.runs.size === 0) this.unwatchDir();
  }

  private unwatchDir() {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    this.watcher?.close();
    this.watcher = null;
  }

  /** Reads every live run's playlist once; calls made while one is queued share it. */
  private scan(): Promise<void> {
    if (this.scanQueued) return this.scans;
    this.scanQueued = true;
    this.scans = this.scans
      .then(async () => {
        this.scanQueued = false;
        const runs = [...this.runs].sort((a, b) => a.number - b.number);
        const added: IndexedSegment[] = [];
        for (const run of runs) added.push(...(await this.scanRun(run)));
        if (!added.length) return;
        this.writePlaylist();
        await this.evict();
        for (const segment of added) this.events.segment(segment);
      })
      .catch((error: unknown) =>
        this.log.error(`HLS scan of ${this.dir} failed: ${String(error)}`),
      );
    return this.scans;
  }

  private async scanRun(run: Run): Promise<IndexedSegment[]> {
    let text: string;
    try {
      text = await readFile(join(this.dir, privatePlaylistName(run.number)), 'utf8');
    } catch {
      return [];
    }
    const added: IndexedSegment[] = [];
    for (const entry of parsePrivatePlaylist(text)) {
      if (entry.sequence <= run.lastSequence) continue;
      run.lastSequence = entry.sequence;
      const name = basename(entry.uri);
      const size = await stat(join(this.dir, name)).then(
        (s) => s.size,
        () => null,
      );
      if (size === null) continue;
      const previous = this.index.newest;
      const programDateTime =
        entry.programDateTime ??
        (previous
          ? new Date(previous.programDateTime.getTime() + previous.duration * 1000)
          : new Date(Date.now() - entry.duration * 1000));
      added.push(
        this.index.add({ name, duration: entry.duration, programDateTime, run: run.number, size }),
      );
    }
    return added;
  }

  private writePlaylist() {
    if (this.index.count === 0) return;
    writeAtomically(join(this.dir, 'index.m3u8'), renderPlaylist(this.index.playlist(this.ended)));
  }

  /** Deletes segments that left the window a while ago (recordings hold their own links). */
  private async evict() {
    for (const segment of this.index.evict()) {
      await unlink(join(this.dir, segment.name)).catch(() => {});
    }
  }

  /** A finished run's unfinished segment and private playlist. */
  private async removeLeftovers(run: Run) {
    const prefix = `r${run.number}_`;
    const playlist = privatePlaylistName(run.number);
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const stray = name.startsWith(prefix) && !this.index.has(name);
      if (stray || name.startsWith(playlist)) await unlink(join(this.dir, name)).catch(() => {});
    }
  }
}
