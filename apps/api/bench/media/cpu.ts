// CPU time of the ingest's ffmpeg processes, read from /proc (Linux), to give "% of a core".
import { readdirSync, readFileSync } from 'node:fs';
import { processCpuSeconds } from '../proc.ts';

/** User + system CPU seconds of every ffmpeg process whose command line mentions `marker`. */
export function ffmpegCpuSeconds(marker: string): number {
  let seconds = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.startsWith('ffmpeg') && !cmdline.includes('/ffmpeg\0')) continue;
      if (!cmdline.includes(marker)) continue;
      seconds += processCpuSeconds(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return seconds;
}

/** Share of one core the ffmpeg processes used over `seconds` (while `during` runs). */
export async function ffmpegCoreShare(marker: string, seconds: number): Promise<number> {
  const before = ffmpegCpuSeconds(marker);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = (performance.now() - started) / 1000;
  return (ffmpegCpuSeconds(marker) - before) / elapsed;
}
