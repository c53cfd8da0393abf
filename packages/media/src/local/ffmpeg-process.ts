// One ffmpeg child reading a stream on stdin. Its exit is classified once: `stopped` when we asked
// it to end (stdin closed or killed on purpose), `crashed` when a signal we did not send killed
// it (restartable), `failed` when it gave up on its own (bad input: not worth a restart).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { progressParser, type FfmpegProgress } from './ffmpeg-progress.ts';

export interface FfmpegExit {
  outcome: 'stopped' | 'crashed' | 'failed';
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The end of ffmpeg's error output, for logs. */
  stderr: string;
}

const STDERR_KEEP = 4096;

export class FfmpegProcess {
  readonly exited: Promise<FfmpegExit>;
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private stopRequested = false;
  private done = false;
  private stderr = '';

  constructor(
    ffmpegPath: string,
    args: string[],
    onProgress: (progress: FfmpegProgress) => void = () => {},
  ) {
    this.child = spawn(ffmpegPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', progressParser(onProgress));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_KEEP);
    });
    // Writing to an ffmpeg that just died raises EPIPE here; the exit tells the story.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.done) return;
        this.done = true;
        const outcome = this.stopRequested ? 'stopped' : signal ? 'crashed' : 'failed';
        resolve({ outcome, code, signal, stderr: this.stderr.trim() });
      };
      this.child.once('close', finish);
      this.child.once('error', (error) => {
        this.stderr += String(error);
        finish(null, null);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.done;
  }

  /** False when ffmpeg's stdin buffer is full: wait for `onDrain` before sending more. */
  write(chunk: Buffer): boolean {
    if (this.done || this.stopRequested || !this.child.stdin.writable) return true;
    return this.child.stdin.write(chunk);
  }

  onDrain(listener: () => void) {
    this.child.stdin.once('drain', listener);
  }

  /** Ends the input so ffmpeg finishes its last segment; kills it if that takes too long. */
  async stop(timeoutMs = 3000): Promise<FfmpegExit> {
    if (this.done) return this.exited;
    this.stopRequested = true;
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  /** Kills ffmpeg at once, dropping whatever it had not written. */
  async kill(): Promise<FfmpegExit> {
    if (this.done) return this.exited;
    this.stopRequested = true;
    this.child.kill('SIGKILL');
    return this.exited;
  }
}
