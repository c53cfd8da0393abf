// A finished recording's poster: one frame, a tenth of the way in (past a black or empty start),
// as a JPEG next to the file, scaled like the live poster. Written under a temporary name and
// renamed, so a reader never sees half a poster. A recording without one is still a recording:
// a failure is logged and the poster left out.
import { execFile } from 'node:child_process';
import { rename, rm, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { MediaLog } from './options.ts';
import { posterArgs } from './poster.ts';

const run = promisify(execFile);

/** Where in the recording the frame is taken, as a share of its duration. */
const POSTER_AT = 0.1;

/** The poster's path once written, else null. */
export async function writeRecordingPoster(options: {
  ffmpegPath: string;
  input: string;
  output: string;
  durationSeconds: number;
  log: MediaLog;
}): Promise<string | null> {
  const { ffmpegPath, input, output, durationSeconds, log } = options;
  // ffmpeg picks the image format by the extension.
  const partial = output.replace(/(\.jpg)?$/, '.partial.jpg');
  const frameAt = async (seekSeconds?: number) => {
    await run(ffmpegPath, posterArgs(input, partial, seekSeconds));
    // ffmpeg succeeds without a frame when the seek lands past the last one.
    return ((await stat(partial).catch(() => null))?.size ?? 0) > 0;
  };
  try {
    const seek = Number.isFinite(durationSeconds) ? durationSeconds * POSTER_AT : 0;
    if (!(await frameAt(seek)) && !(seek > 0 && (await frameAt()))) {
      throw new Error('no video frame to take');
    }
    await rename(partial, output);
    return output;
  } catch (error) {
    await rm(partial, { force: true });
    log.warn(`poster of ${input} failed: ${String(error)}`);
    return null;
  }
}
