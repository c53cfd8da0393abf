// What the studio makes of the ingest closing its socket: a message a host understands, and
// whether to try again. The codes are the local ingest's (packages/media local/close-codes.ts).

export type CloseVerdict =
  /** A network drop or a stall: reconnect within the ingest's grace period. */
  | { kind: 'reconnect'; message: string }
  /** Another studio publishes this session: the host may take over. */
  | { kind: 'takeover'; message: string }
  /** The session is over for this studio: nothing to retry. */
  | { kind: 'ended'; message: string }
  /** Refused: say why and stop. */
  | { kind: 'failed'; message: string };

export function closeVerdict(code: number, reason = ''): CloseVerdict {
  switch (code) {
    case 1000:
      return { kind: 'ended', message: 'Publishing stopped.' };
    case 4401:
      return {
        kind: 'failed',
        message: 'The media server did not accept the studio’s sign-in (expired or invalid token).',
      };
    case 4403:
      return reason === 'removed'
        ? { kind: 'failed', message: 'You were removed from this session’s stage.' }
        : { kind: 'failed', message: 'You may not publish to this session.' };
    case 4404:
      return {
        kind: 'failed',
        message: 'The media server has no stream open for this session. Go live again.',
      };
    case 4409:
      return reason === 'taken over'
        ? { kind: 'failed', message: 'Another studio took over this stream.' }
        : { kind: 'takeover', message: 'Another studio is already publishing this session.' };
    case 4410:
      return { kind: 'ended', message: 'The session has ended.' };
    case 4413:
      return { kind: 'failed', message: 'This session’s storage quota is used up.' };
    case 4415:
      return {
        kind: 'failed',
        message: 'The media server cannot take this browser’s video format.',
      };
    case 4422:
      return { kind: 'failed', message: 'The media server could not read the stream.' };
    case 1009:
      return {
        kind: 'failed',
        message: 'A piece of the stream was too large for the media server. Lower the quality.',
      };
    case 4408:
    case 1001:
    case 1006:
    case 1011:
    default:
      return { kind: 'reconnect', message: 'Connection to the media server lost. Reconnecting…' };
  }
}
