// The Matroska element IDs the ingest looks at (https://www.matroska.org/technical/elements.html).

export const EBML_HEADER = 0x1a45dfa3;
export const SEGMENT = 0x18538067;
export const CLUSTER = 0x1f43b675;
export const TRACKS = 0x1654ae6b;
export const TRACK_ENTRY = 0xae;
export const TRACK_NUMBER = 0xd7;
export const TRACK_TYPE = 0x83;
export const CODEC_ID = 0x86;
export const VOID = 0xec;
export const CRC32 = 0xbf;

/** The first four bytes of every WebM/Matroska stream: the EBML header's ID. */
export const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3] as const;

/** Children of a Segment. A Cluster of unknown size ends where one of these begins. */
export const SEGMENT_CHILDREN = new Set([
  0x114d9b74, // SeekHead
  0x1549a966, // Info
  TRACKS,
  0x1c53bb6b, // Cues
  0x1254c367, // Tags
  0x1043a770, // Chapters
  0x1941a469, // Attachments
  CLUSTER,
  VOID,
  CRC32,
]);

/** Children of a Cluster. */
export const CLUSTER_CHILDREN = new Set([
  0xe7, // Timestamp
  0xa3, // SimpleBlock
  0xa0, // BlockGroup
  0xa7, // Position
  0xab, // PrevSize
  0x5854, // SilentTracks
  0xaf, // EncryptedBlock
  VOID,
  CRC32,
]);
