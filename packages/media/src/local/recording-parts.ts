// An active recording's copy of the session's segments: each new segment is hard-linked into
// `{recordingId}.parts/` (no bytes copied; HLS cleanup deleting its own name leaves this one) and
// appended to an ffconcat list there with its playlist duration. The concat demuxer places each
// file at the sum of the durations before it, whatever its own timestamps: a discontinuity (a new
// ffmpeg run restarting its clock) joins seamlessly, and the MP4 lasts what the playlist listed
// (without `duration`, each file's probed length — audio overhang included — would add up to a
// drift of ~5 %).
import { appendFile, link, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexedSegment } from './segment-index.ts';

export const LIST_NAME = 'list.ffconcat';

export class RecordingParts {
  /** Bytes of the linked segments (for the session's disk quota). */
  bytes = 0;
  readonly names = new Set<string>();
  private chain: Promise<void>;

  constructor(readonly dir: string) {
    this.chain = mkdir(dir, { recursive: true }).then(() =>
      writeFile(join(dir, LIST_NAME), 'ffconcat version 1.0\n', { flag: 'wx' }).catch(() => {}),
    );
  }

  /** Links the segment in; links are made in order, one after the other. */
  add(hlsDir: string, segment: IndexedSegment) {
    this.names.add(segment.name);
    this.bytes += segment.size;
    this.chain = this.chain.then(async () => {
      await link(join(hlsDir, segment.name), join(this.dir, segment.name));
      const entry = `file '${segment.name}'\nduration ${segment.duration.toFixed(6)}\n`;
      await appendFile(join(this.dir, LIST_NAME), entry);
    });
    this.chain = this.chain.catch(() => {}); // a lost segment must not stop the next ones
  }

  /** Resolves once every segment added so far is linked and listed. */
  flush(): Promise<void> {
    return this.chain;
  }
}
