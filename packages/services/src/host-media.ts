// The host's camera and microphone as viewers are told of them: kept on the session (so a viewer
// who comes later reads it in the session) and announced as `host.video` / `host.audio` in the
// same transaction. Both are on again when the session ends or the host who last switched one
// leaves it (their attendance closes: the realtime gateway's presence, a crashed node's sweep or
// the media webhook).
import type { Repositories } from '@vidinfra/db';
import { recordEvent } from './events.ts';

export type HostMediaKind = 'video' | 'audio';

/** The host `by` turned the camera / microphone on or off; tells everyone in the session. */
export async function setHostMedia(
  r: Repositories,
  sessionId: string,
  change: { kind: HostMediaKind; enabled: boolean; by: string },
): Promise<void> {
  await r.sessions.setHostMedia(sessionId, change.kind, !change.enabled, change.by);
  await recordEvent(r, `host.${change.kind}`, sessionId, {
    session_id: sessionId,
    enabled: change.enabled,
  });
}

/**
 * Camera and microphone on again if either was off (given `by`, only if that user last switched
 * one); tells everyone in the session when it changed.
 */
export async function resetHostMedia(
  r: Repositories,
  sessionId: string,
  by?: string,
): Promise<void> {
  if (!(await r.sessions.resetHostMedia(sessionId, by))) return;
  for (const kind of ['video', 'audio'] as const)
    await recordEvent(r, `host.${kind}`, sessionId, { session_id: sessionId, enabled: true });
}
