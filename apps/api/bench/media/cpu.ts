// CPU time of the ingest's ffmpeg processes, read from /proc (Linux), to give "% of a core".
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds of every ffmpeg process whose command line mentions `marker`. */
export function ffmpegCpuSeconds(marker: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.startsWith('ffmpeg') && !cmdline.includes('/ffmpeg\0')) continue;
      if (!cmdline.includes(marker)) continue;
      // Fields after the command name: utime and stime are the 14th and 15th of /proc/pid/stat.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** Share of one core the ffmpeg processes used over `seconds` (while `during` runs). */
export async function ffmpegCoreShare(marker: string, seconds: number): Promise<number> {
  const before = ffmpegCpuSeconds(marker);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = (performance.now() - started) / 1000;
  return (ffmpegCpuSeconds(marker) - before) / elapsed;
}
