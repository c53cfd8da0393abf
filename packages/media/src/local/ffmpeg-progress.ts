// Parses ffmpeg's `-progress` output: blocks of key=value lines, each ended by `progress=…`.

export interface FfmpegProgress {
  fps?: number;
  /** Encoding speed relative to real time (1 = keeping up). */
  speed?: number;
}

export function progressParser(onProgress: (progress: FfmpegProgress) => void) {
  let pending = '';
  let block: Record<string, string> = {};
  return (chunk: Buffer | string) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      if (key !== 'progress') {
        block[key] = value;
        continue;
      }
      onProgress({ fps: numberOf(block.fps), speed: numberOf(block.speed?.replace(/x$/, '')) });
      block = {};
    }
  };
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : undefined;
}
