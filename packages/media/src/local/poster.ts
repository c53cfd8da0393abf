// A live session's poster: the first frame of its newest segment as a JPEG, written at most once
// per interval while segments arrive. ffmpeg decodes one frame of one finished segment file, never
// the stream; the file is replaced atomically, so a reader never sees half a poster.
import { execFile } from 'node:child_process';
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { POSTER_NAME, type MediaLog } from './options.ts';

const PARTIAL_NAME = '.poster-partial.jpg';

/**
 * ffmpeg's arguments for one frame of `input` (at `seekSeconds` when given) as a JPEG at most
 * 360 px high: the live poster's and a recording's.
 */
export const posterArgs = (input: string, output: string, seekSeconds?: number): string[] => [
  ...['-v', 'error', '-y'],
  ...(seekSeconds ? ['-ss', seekSeconds.toFixed(3)] : []),
  ...['-i', input, '-frames:v', '1', '-vf', 'scale=-2:min(ih\\,360)', '-q:v', '5', output],
];

export class PosterWriter {
  private lastAt = -Infinity;
  private writing = false;

  constructor(
    private readonly dir: string,
    private readonly ffmpegPath: string,
    private readonly intervalMs: number,
    private readonly log: MediaLog,
  ) {}

  /** A segment was completed: it becomes the poster unless one was made within the interval. */
  segmentWritten(name: string, now = Date.now()): void {
    if (this.writing || now - this.lastAt < this.intervalMs) return;
    this.writing = true;
    this.lastAt = now;
    void this.write(name).finally(() => (this.writing = false));
  }

  private async write(segment: string) {
    const partial = join(this.dir, PARTIAL_NAME);
    try {
      await promisify(execFile)(this.ffmpegPath, posterArgs(join(this.dir, segment), partial));
      await rename(partial, join(this.dir, POSTER_NAME));
    } catch (error) {
      // A segment gone with the window, or an output stopped meanwhile: the next one will do.
      await unlink(partial).catch(() => undefined);
      this.log.warn(`poster from ${segment} failed: ${String(error)}`);
    }
  }
}
