// Reads the track list (number, type, CodecID) out of a stream's header bytes — everything
// before the first Cluster, which is where Matroska keeps its Tracks element.
import { readElementHeader, readUint } from './ebml.ts';
import {
  CLUSTER,
  CODEC_ID,
  SEGMENT,
  TRACK_ENTRY,
  TRACK_NUMBER,
  TRACK_TYPE,
  TRACKS,
} from './matroska-ids.ts';

export interface TrackInfo {
  number: number;
  type: 'video' | 'audio' | 'other';
  /** Matroska CodecID, e.g. V_MPEG4/ISO/AVC, V_VP8, A_OPUS. */
  codecId: string;
}

const TRACK_TYPES: Record<number, TrackInfo['type']> = { 1: 'video', 2: 'audio' };

export function readTracks(header: Uint8Array): TrackInfo[] {
  const tracks: TrackInfo[] = [];
  let at = 0;
  while (at < header.length) {
    const element = readElementHeader(header, at);
    if (typeof element !== 'object') break;
    const body = at + element.headerLength;
    if (element.id === SEGMENT) {
      at = body; // descend: the Segment's children follow
      continue;
    }
    if (element.id === CLUSTER || element.size === null) break;
    if (element.id === TRACKS) {
      for (const entry of children(header, body, body + element.size)) {
        if (entry.id === TRACK_ENTRY) tracks.push(readTrackEntry(header, entry.body, entry.end));
      }
    }
    at = body + element.size;
  }
  return tracks;
}

function readTrackEntry(bytes: Uint8Array, from: number, to: number): TrackInfo {
  const track: TrackInfo = { number: 0, type: 'other', codecId: '' };
  for (const child of children(bytes, from, to)) {
    const length = child.end - child.body;
    if (child.id === TRACK_NUMBER) track.number = readUint(bytes, child.body, length);
    if (child.id === TRACK_TYPE)
      track.type = TRACK_TYPES[readUint(bytes, child.body, length)] ?? 'other';
    if (child.id === CODEC_ID) {
      track.codecId = Buffer.from(bytes.subarray(child.body, child.end))
        .toString('latin1')
        .replace(/\0+$/, '');
    }
  }
  return track;
}

function* children(bytes: Uint8Array, from: number, to: number) {
  let at = from;
  while (at < to) {
    const element = readElementHeader(bytes, at);
    if (typeof element !== 'object' || element.size === null) return;
    const body = at + element.headerLength;
    const end = Math.min(body + element.size, to);
    yield { id: element.id, body, end };
    at = body + element.size;
  }
}
