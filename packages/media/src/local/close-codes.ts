// WebSocket close codes of the local ingest (`/ingest/sessions/{id}?token=…`). A refused or ended
// publisher always gets one of these with a human-readable reason, and nothing of its stream is
// left running (no ffmpeg, no timers).
//
//   4401 unauthorized       token missing, malformed, badly signed or expired
//   4403 forbidden          token for another session, no publish grant (roomJoin + canPublish),
//                           or the participant was removed ("removed") — also sent mid-stream
//   4404 unknown session    path is not /ingest/sessions/{id}, or the session's output was never
//                           started (ensureOutput)
//   4409 conflict           another publisher is connected ("publisher already connected";
//                           reconnect with &takeover=1 to replace it); the replaced publisher gets
//                           4409 "taken over"
//   4410 session ended      the session's output was stopped (stopOutput)
//   4413 quota exceeded     the session's disk quota is used up ("disk quota exceeded")
//   1009 message too big    a message above maxMessageBytes (default 4 MiB): ws closes with the
//                           standard code itself ("Max payload size exceeded") before buffering it
//   1002 protocol error     a malformed WebSocket frame (closed by ws itself)
//   4415 unsupported        first message is not WebM/Matroska, a codec we cannot take, or a text
//                           message
//   4422 invalid media      malformed Matroska data mid-stream, ffmpeg rejected the stream, or
//                           ffmpeg keeps crashing on it
//   1001 going away         the server is shutting down
//   1011 internal error     the server failed to admit the publisher
//
// From the publisher's side, closing with 1000 means "stopped on purpose": the output goes idle
// at once. Any other drop keeps the output `reconnecting` for the grace period, and a publisher
// coming back within it continues the same playlist.

export const CLOSE = {
  UNAUTHORIZED: 4401,
  FORBIDDEN: 4403,
  UNKNOWN_SESSION: 4404,
  CONFLICT: 4409,
  ENDED: 4410,
  QUOTA: 4413,
  UNSUPPORTED: 4415,
  INVALID_MEDIA: 4422,
  GOING_AWAY: 1001,
  NORMAL: 1000,
} as const;

/** Thrown while reading a publisher's stream; the connection is closed with `code`/`reason`. */
export class IngestRefusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}
