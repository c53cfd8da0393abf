// One publisher's WebM byte stream on its way to ffmpeg. It holds back the bytes until the header
// (EBML + Segment header + Tracks: everything before the first Cluster) is complete, so the codecs
// are known before ffmpeg starts, and it keeps the header plus the Cluster in progress: a
// restarted ffmpeg is fed those first and picks the stream up at the last Cluster start (a video
// keyframe in MediaRecorder's and ffmpeg's output) without waiting for the next one.
import { CLOSE, IngestRefusal } from './close-codes.ts';
import { planCodecs, type CodecPlan } from './codec-plan.ts';
import { MAX_HEADER_LENGTH } from './ebml.ts';
import { EBML_MAGIC } from './matroska-ids.ts';
import { MatroskaScanner } from './matroska-scanner.ts';
import { readTracks } from './matroska-tracks.ts';

/** A header larger than this is not a camera stream. */
const MAX_HEADER_BYTES = 1024 * 1024;
/** Beyond this the Cluster in progress is not kept for a restart (the next Cluster is awaited). */
const MAX_CLUSTER_BYTES = 16 * 1024 * 1024;

export class IngestStream {
  private readonly scanner = new MatroskaScanner();
  private position = 0;
  /** Everything received while the header is incomplete. */
  private early: Buffer[] = [];
  private header: Buffer | null = null;
  /** The Cluster in progress (null when it outgrew MAX_CLUSTER_BYTES). */
  private cluster: Buffer[] | null = [];
  private clusterBytes = 0;
  /** After a restart without a kept Cluster, bytes are dropped until the next Cluster. */
  private awaitingCluster = false;
  /** The last bytes before the current message: a Cluster's header may straddle two messages. */
  private tail: Buffer = Buffer.alloc(0);
  plan: CodecPlan | null = null;

  /** Takes one message; returns the bytes ffmpeg gets now (none while the header is incomplete). */
  push(chunk: Buffer): Buffer[] {
    if (!continuesMagic(chunk, this.position)) {
      throw new IngestRefusal(CLOSE.UNSUPPORTED, 'not a WebM/Matroska stream');
    }
    const chunkStart = this.position;
    const starts = this.scanner.push(chunk);
    this.position += chunk.length;
    const tail = this.tail;
    this.tail =
      chunk.length >= MAX_HEADER_LENGTH
        ? chunk.subarray(-MAX_HEADER_LENGTH)
        : Buffer.concat([tail, chunk]).subarray(-MAX_HEADER_LENGTH);
    if (!this.header) return this.untilHeader(chunk, starts);
    const lastStart = starts.at(-1);
    const fromLastStart =
      lastStart === undefined ? null : this.bytesFrom(lastStart, chunkStart, chunk, tail);
    let out: Buffer[] = [chunk];
    if (this.awaitingCluster) {
      if (starts[0] === undefined) return [];
      this.awaitingCluster = false;
      out = [this.bytesFrom(starts[0], chunkStart, chunk, tail)];
    }
    this.keepCluster(chunk, fromLastStart);
    return out;
  }

  /** What a freshly started ffmpeg must get first: the header and the Cluster in progress. */
  replay(): Buffer[] {
    if (!this.header) return [];
    if (this.cluster === null) {
      this.awaitingCluster = true;
      return [this.header];
    }
    return [this.header, ...this.cluster];
  }

  private untilHeader(chunk: Buffer, starts: number[]): Buffer[] {
    this.early.push(chunk);
    const first = starts[0];
    if (first === undefined) {
      if (this.position > MAX_HEADER_BYTES) {
        throw new IngestRefusal(CLOSE.INVALID_MEDIA, 'invalid media data: no media within 1 MiB');
      }
      return [];
    }
    const all = Buffer.concat(this.early);
    this.early = [];
    this.header = all.subarray(0, first);
    this.plan = planCodecs(readTracks(this.header));
    const media = all.subarray(first);
    this.keepCluster(media, all.subarray(starts.at(-1) ?? first));
    return [this.header, media];
  }

  /** Bytes of the stream from absolute offset `start` (at most a header's length before the chunk). */
  private bytesFrom(start: number, chunkStart: number, chunk: Buffer, tail: Buffer): Buffer {
    if (start >= chunkStart) return chunk.subarray(start - chunkStart);
    return Buffer.concat([tail.subarray(tail.length - (chunkStart - start)), chunk]);
  }

  private keepCluster(chunk: Buffer, fromNewCluster: Buffer | null) {
    if (fromNewCluster) {
      this.cluster = [fromNewCluster];
      this.clusterBytes = fromNewCluster.length;
    } else if (this.cluster) {
      this.cluster.push(chunk);
      this.clusterBytes += chunk.length;
    }
    if (this.clusterBytes > MAX_CLUSTER_BYTES) this.cluster = null;
  }
}

/**
 * Whether `chunk`, at stream offset `position`, agrees with the EBML magic where they overlap.
 * The magic may arrive over several messages (Chromium's MediaRecorder can send its first byte
 * alone); the stream is refused at its first wrong byte.
 */
function continuesMagic(chunk: Buffer, position: number): boolean {
  const overlap = EBML_MAGIC.slice(position, position + chunk.length);
  return overlap.every((byte, i) => chunk[i] === byte);
}
