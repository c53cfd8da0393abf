// Who may publish into a session's ingest: a LiveKit-format token (as minted by livekitToken),
// verified by livekit-server-sdk, whose video grant is for this session's room with roomJoin and
// canPublish.
import type { TokenVerifier } from 'livekit-server-sdk';
import { CLOSE, IngestRefusal } from './close-codes.ts';

/** Resolves to the publisher's identity; rejects with the refusal to close the socket with. */
export async function verifyPublishToken(
  verifier: TokenVerifier,
  token: string | null,
  sessionId: string,
): Promise<string> {
  if (!token) throw new IngestRefusal(CLOSE.UNAUTHORIZED, 'missing token');
  const claims = await verifier.verify(token).catch(() => {
    throw new IngestRefusal(CLOSE.UNAUTHORIZED, 'invalid or expired token');
  });
  const grant = claims.video;
  if (grant?.room !== sessionId) {
    throw new IngestRefusal(CLOSE.FORBIDDEN, 'token is for another session');
  }
  if (!grant.roomJoin || !grant.canPublish) {
    throw new IngestRefusal(CLOSE.FORBIDDEN, 'token has no publish grant');
  }
  if (!claims.sub) throw new IngestRefusal(CLOSE.UNAUTHORIZED, 'token has no identity');
  return claims.sub;
}
