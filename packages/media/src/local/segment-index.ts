// Every segment the session's public playlist has listed, oldest first, until its file is
// deleted. The public window is the newest `windowSize`; older entries stay on disk a little
// longer (`margin`) for viewers that loaded a playlist just before they left it.
import type { PublicSegment } from './playlist.ts';

export interface IndexedSegment extends PublicSegment {
  run: number;
  /** File size in bytes. */
  size: number;
  /** Media sequence number in the public playlist. */
  sequence: number;
  /** When we saw it complete (for the health's segment age). */
  seenAt: number;
}

export class SegmentIndex {
  private segments: IndexedSegment[] = [];
  private nextSequence = 0;
  /** Discontinuities among segments already dropped from `segments`. */
  private droppedDiscontinuities = 0;
  private lastRun: number | null = null;
  private longest = 0;

  constructor(
    private windowSize: number,
    private segmentSeconds: number,
  ) {}

  /** A latency mode change: applies to the window from now on. */
  configure(windowSize: number, segmentSeconds: number) {
    this.windowSize = windowSize;
    this.segmentSeconds = segmentSeconds;
  }

  add(segment: Omit<IndexedSegment, 'sequence' | 'discontinuity' | 'seenAt'>): IndexedSegment {
    const indexed: IndexedSegment = {
      ...segment,
      sequence: this.nextSequence++,
      discontinuity: this.lastRun !== null && this.lastRun !== segment.run,
      seenAt: Date.now(),
    };
    this.lastRun = segment.run;
    this.longest = Math.max(this.longest, segment.duration);
    this.segments.push(indexed);
    return indexed;
  }

  get count(): number {
    return this.nextSequence;
  }

  get newest(): IndexedSegment | undefined {
    return this.segments.at(-1);
  }

  has(name: string): boolean {
    return this.segments.some((s) => s.name === name);
  }

  /** Removes and returns the segments older than the window plus `margin` more. */
  evict(margin = this.windowSize): IndexedSegment[] {
    const keep = this.windowSize + margin;
    if (this.segments.length <= keep) return [];
    const dropped = this.segments.splice(0, this.segments.length - keep);
    this.droppedDiscontinuities += dropped.filter((s) => s.discontinuity).length;
    return dropped;
  }

  playlist(ended: boolean) {
    const window = this.segments.slice(-this.windowSize);
    const hidden = this.segments.slice(0, this.segments.length - window.length);
    return {
      segments: window,
      mediaSequence: window[0]?.sequence ?? this.nextSequence,
      discontinuitySequence:
        this.droppedDiscontinuities + hidden.filter((s) => s.discontinuity).length,
      // Never shrinks while the playlist lives; a copied stream's segments can run long. Rounded
      // as the HLS spec rounds EXTINF against it.
      targetDuration: Math.max(1, Math.round(Math.max(this.segmentSeconds, this.longest))),
      ended,
    };
  }
}
