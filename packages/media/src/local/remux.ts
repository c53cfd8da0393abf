// Turns a recording's parts into one MP4 — a copy, never a re-encode — and measures it.
import { execFile } from 'node:child_process';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { remuxArgs } from './ffmpeg-args.ts';
import { LIST_NAME } from './recording-parts.ts';

const run = promisify(execFile);

export interface RemuxResult {
  filePath: string;
  sizeBytes: number;
  durationSeconds: number;
}

/** On success the parts are deleted; on failure they stay for a retry. */
export async function remuxParts(options: {
  ffmpegPath: string;
  ffprobePath: string;
  partsDir: string;
  output: string;
}): Promise<RemuxResult> {
  const list = join(options.partsDir, LIST_NAME);
  const text = await readFile(list, 'utf8').catch(() => {
    throw new Error('the recording has no parts on disk');
  });
  if (!/^file /m.test(text)) throw new Error('no media was recorded');
  const tmp = `${options.output}.tmp`;
  let durationSeconds: number;
  try {
    await run(options.ffmpegPath, remuxArgs(list, tmp));
    durationSeconds = await probeDuration(options.ffprobePath, tmp);
    await rename(tmp, options.output);
  } catch (error) {
    await rm(tmp, { force: true });
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`remux failed: ${stderr || (error as Error).message}`.slice(0, 1000));
  }
  const { size } = await stat(options.output);
  await rm(options.partsDir, { recursive: true, force: true });
  return { filePath: options.output, sizeBytes: size, durationSeconds };
}

export async function probeDuration(ffprobePath: string, file: string): Promise<number> {
  const { stdout } = await run(ffprobePath, [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'default=noprint_wrappers=1:nokey=1',
    file,
  ]);
  const duration = Number.parseFloat(stdout);
  if (!Number.isFinite(duration)) throw new Error(`ffprobe found no duration in ${file}`);
  return duration;
}
