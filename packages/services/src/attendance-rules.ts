// The one rule for opening and closing attendance, whoever sees the viewer: the realtime
// gateway's presence (a signed-in viewer following the session) and the LiveKit webhook (a user
// in the session's media room) both come here, with the repositories of their transaction.
import type { Repositories } from '@vidinfra/db';
import { resetHostMedia } from './host-media.ts';

export interface AttendanceChange {
  sessionId: string;
  userId: string;
  at: Date;
}

/**
 * Opens the user's interval while the session is backstage or live (an open one stays);
 * `nodeId` is the realtime node whose viewer this is, null when no gateway saw them. False when
 * nothing opened: no such session or user, or the session is not on.
 */
export async function openAttendance(
  r: Repositories,
  change: AttendanceChange & { nodeId: string | null },
): Promise<boolean> {
  const session = await r.sessions.findById(change.sessionId);
  if (!session || (session.status !== 'backstage' && session.status !== 'live')) return false;
  if (!(await r.users.findById(change.userId))) return false;
  await r.attendance.open(change.sessionId, change.userId, change.at, change.nodeId);
  return true;
}

/**
 * Closes the user's open interval at `at`; false when none was open. A host who turned their
 * camera or microphone off and leaves has both on again (viewers are told).
 */
export async function closeAttendance(r: Repositories, change: AttendanceChange): Promise<boolean> {
  if (!(await r.attendance.close(change.sessionId, change.userId, change.at))) return false;
  await resetHostMedia(r, change.sessionId, change.userId);
  return true;
}
