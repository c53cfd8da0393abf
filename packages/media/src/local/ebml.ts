// EBML (the binary format under Matroska/WebM): reading one element header — an ID and a size,
// both variable-length integers. Sizes may be "unknown" (all value bits set), which live writers
// such as Chromium's MediaRecorder use for the Segment and for Clusters.

export interface ElementHeader {
  /** The ID with its length marker kept, as Matroska writes IDs (Cluster = 0x1f43b675). */
  id: number;
  /** Body size in bytes; null when the writer left it unknown. */
  size: number | null;
  /** Bytes taken by the ID and the size together. */
  headerLength: number;
}

/** The longest element header: a 4-byte ID and an 8-byte size. */
export const MAX_HEADER_LENGTH = 12;

/** Reads the element header at `at`; 'need-more' when `bytes` ends inside it. */
export function readElementHeader(
  bytes: Uint8Array,
  at: number,
): ElementHeader | 'need-more' | 'invalid' {
  const first = bytes[at];
  if (first === undefined) return 'need-more';
  const idLength = vintLength(first);
  if (idLength === 0 || idLength > 4) return 'invalid';
  if (at + idLength >= bytes.length) return 'need-more';
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + (bytes[at + i] as number);
  const sizeAt = at + idLength;
  const sizeFirst = bytes[sizeAt] as number;
  const sizeLength = vintLength(sizeFirst);
  if (sizeLength === 0) return 'invalid';
  if (sizeAt + sizeLength > bytes.length) return 'need-more';
  const markerMask = 0xff >> sizeLength;
  let size = sizeFirst & markerMask;
  let allOnes = size === markerMask;
  for (let i = 1; i < sizeLength; i++) {
    const byte = bytes[sizeAt + i] as number;
    allOnes &&= byte === 0xff;
    size = size * 256 + byte;
  }
  return { id, size: allOnes ? null : size, headerLength: idLength + sizeLength };
}

/** Length of a variable-length integer from its first byte (the position of the first 1 bit). */
function vintLength(first: number): number {
  for (let length = 1; length <= 8; length++) if (first & (0x100 >> length)) return length;
  return 0;
}

/** Reads an unsigned integer element body. */
export function readUint(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (bytes[at + i] as number);
  return value;
}
