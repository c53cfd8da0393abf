// Follows a Matroska byte stream chunk by chunk without buffering it: validates the element
// structure (Segment → Clusters → blocks) and reports where each Cluster starts. The ingest needs
// the Cluster starts to split the stream into "header" (everything before the first Cluster) and
// restartable pieces, and the validation to refuse garbage before ffmpeg resyncs over it silently.
import { IngestRefusal, CLOSE } from './close-codes.ts';
import { MAX_HEADER_LENGTH, readElementHeader, type ElementHeader } from './ebml.ts';
import {
  CLUSTER,
  CLUSTER_CHILDREN,
  EBML_HEADER,
  SEGMENT,
  SEGMENT_CHILDREN,
  VOID,
} from './matroska-ids.ts';

/** No single element of a live stream comes near this; larger sizes mean corrupt data. */
const MAX_ELEMENT_BYTES = 64 * 1024 * 1024;

interface Container {
  id: number;
  /** Body bytes not yet seen; null for unknown-size containers. */
  remaining: number | null;
}

const invalid = (why: string) =>
  new IngestRefusal(CLOSE.INVALID_MEDIA, `invalid media data: ${why}`);

export class MatroskaScanner {
  /** Absolute stream offset of the next byte to be pushed. */
  private position = 0;
  /** Start of an element header that a chunk boundary cut in two. */
  private carry: Uint8Array = new Uint8Array(0);
  /** Body bytes of the current leaf element still to pass over. */
  private skip = 0;
  private readonly stack: Container[] = [];
  private sawSegment = false;

  /** Consumes `chunk`; returns the absolute offsets of the Clusters that start in it. */
  push(chunk: Uint8Array): number[] {
    const starts: number[] = [];
    const chunkStart = this.position;
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        this.consume(n);
        continue;
      }
      const carried = this.carry.length;
      const view = carried
        ? concatBytes(this.carry, chunk.subarray(i, i + MAX_HEADER_LENGTH))
        : chunk;
      const header = readElementHeader(view, carried ? 0 : i);
      if (header === 'invalid')
        throw invalid(`bad element header at byte ${chunkStart + i - carried}`);
      if (header === 'need-more') {
        this.carry = concatBytes(this.carry, chunk.subarray(i));
        break;
      }
      const start = chunkStart + i - carried;
      i += header.headerLength - carried;
      this.carry = new Uint8Array(0);
      if (this.element(header)) starts.push(start);
    }
    this.position = chunkStart + chunk.length;
    return starts;
  }

  /** Handles one element header at the current level; true when it starts a Cluster. */
  private element(header: ElementHeader): boolean {
    const top = this.stack.at(-1);
    if (top?.id === CLUSTER && !CLUSTER_CHILDREN.has(header.id)) {
      // An unknown-size Cluster ends where the next Segment-level element begins.
      if (top.remaining !== null || !SEGMENT_CHILDREN.has(header.id)) {
        throw invalid(`unexpected element 0x${header.id.toString(16)} in a cluster`);
      }
      this.stack.pop();
      return this.element(header);
    }
    this.checkFits(header);
    this.consume(header.headerLength);
    if (!top) return this.topLevel(header);
    if (top.id === SEGMENT) {
      if (!SEGMENT_CHILDREN.has(header.id)) {
        throw invalid(`unexpected element 0x${header.id.toString(16)} in the segment`);
      }
      if (header.id === CLUSTER) {
        this.stack.push({ id: CLUSTER, remaining: header.size });
        this.popFinished();
        return true;
      }
      this.skipBody(header);
      return false;
    }
    this.skipBody(header); // a Cluster child
    return false;
  }

  private topLevel(header: ElementHeader): boolean {
    if (header.id === SEGMENT && !this.sawSegment) {
      this.sawSegment = true;
      this.stack.push({ id: SEGMENT, remaining: header.size });
      this.popFinished();
    } else if ((header.id === EBML_HEADER && !this.sawSegment) || header.id === VOID) {
      this.skipBody(header);
    } else {
      throw invalid(`unexpected top-level element 0x${header.id.toString(16)}`);
    }
    return false;
  }

  private skipBody(header: ElementHeader) {
    if (header.size === null) throw invalid(`element 0x${header.id.toString(16)} has no size`);
    this.skip = header.size;
    if (this.skip === 0) this.popFinished();
  }

  /** An element must fit inside every known-size container around it. */
  private checkFits(header: ElementHeader) {
    if (header.size !== null && header.size > MAX_ELEMENT_BYTES) {
      throw invalid(`element of ${header.size} bytes`);
    }
    const total = header.headerLength + (header.size ?? 0);
    for (const container of this.stack) {
      if (container.remaining !== null && total > container.remaining) {
        throw invalid(`element overruns its parent 0x${container.id.toString(16)}`);
      }
    }
  }

  private consume(n: number) {
    for (const container of this.stack) {
      if (container.remaining !== null) container.remaining -= n;
    }
    this.popFinished();
  }

  private popFinished() {
    while (this.stack.at(-1)?.remaining === 0) this.stack.pop();
  }
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
