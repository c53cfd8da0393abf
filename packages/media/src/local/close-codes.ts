// WebSocket close codes of the local ingest (`/ingest/sessions/{id}?token=…`). A refused or ended
// publisher always gets one of these with a human-readable reason, and nothing of its stream is
// left running (no ffmpeg, no timers).
//
//   4401 unauthorized       token missing, malformed, badly signed or expired
//   4403 forbidden          token for another session, no publish grant (roomJoin + canPublish),
//                           or the participant was removed ("removed") — also sent mid-stream;
//                           or refused by the application's `admit` hook (its own reason);
//                           or sent from a page whose Origin the application does not allow
//                           ("origin not allowed", before the token is read)
//   4404 unknown session    path is not /ingest/sessions/{id} (or not decodable), or the
//                           session's output was never started (ensureOutput)
//   4408 timeout            nothing sent within firstMessageTimeoutMs of being admitted ("no
//                           media received") or for idleTimeoutMs mid-stream ("stream stalled"):
//                           counted as a drop, so the output waits for a reconnect
//   4409 conflict           another publisher is connected ("publisher already connected";
//                           reconnect with &takeover=1 to replace it); the replaced publisher gets
//                           4409 "taken over"
//   4410 session ended      the session's output was stopped (stopOutput)
//   4413 quota exceeded     the session's disk quota is used up ("disk quota exceeded")
//   1009 message too big    a message above maxMessageBytes (default 4 MiB): ws closes with the
//                           standard code itself ("Max payload size exceeded") before buffering it
//   1002 protocol error     a malformed WebSocket frame (closed by ws itself)
//   4415 unsupported        the stream does not start with the EBML magic (WebM/Matroska; the magic
//                           may span messages), a codec we cannot take, or a text
//                           message
//   4422 invalid media      malformed Matroska data mid-stream, ffmpeg rejected the stream, or
//                           ffmpeg keeps crashing on it
//   1001 going away         the server is shutting down
//   1011 internal error     the server failed to admit or to read the publisher (logged)
//   1006 (no close frame)   the publisher missed a heartbeat (no pong to a ping within
//                           heartbeatMs): its socket is terminated, as the peer is unreachable
//
// From the publisher's side, closing with 1000 means "stopped on purpose": the output goes idle
// at once. Any other drop (and a timeout or missed heartbeat) keeps the output `reconnecting` for
// the grace period, and a publisher coming back within it continues the same playlist.

export const CLOSE = {
  UNAUTHORIZED: 4401,
  FORBIDDEN: 4403,
  UNKNOWN_SESSION: 4404,
  TIMEOUT: 4408,
  CONFLICT: 4409,
  ENDED: 4410,
  QUOTA: 4413,
  UNSUPPORTED: 4415,
  INVALID_MEDIA: 4422,
  GOING_AWAY: 1001,
  NORMAL: 1000,
  INTERNAL: 1011,
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

/** A WebSocket close reason may have at most 123 bytes (ws throws beyond). */
export function fitReason(reason: string): string {
  let fitted = reason;
  while (Buffer.byteLength(fitted) > 123) fitted = fitted.slice(0, -1);
  return fitted;
}
