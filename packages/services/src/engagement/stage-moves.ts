// Moves onto and off the stage that several operations make (approvals, direct adds, leaving,
// removal, bans), each with its event, inside the caller's transaction.
import { DomainError, type SessionSettings, type StagePermissions } from '@vidinfra/domain';
import type { Repositories, StageParticipant } from '@vidinfra/db';
import { recordEvent } from '../events.ts';
import { toStageParticipantResponse } from './wire.ts';

export interface Seat {
  sessionId: string;
  userId: string;
  displayName: string;
  source: StageParticipant['source'];
  addedBy: string;
  permissions: StagePermissions;
}

/**
 * Puts the user on stage unless it is full (STAGE_FULL) or they are there already (CONFLICT).
 * Call it under the room lock (`lockAgainstBans`), so concurrent seats never exceed the size.
 */
export async function seatOnStage(
  r: Repositories,
  settings: SessionSettings,
  seat: Seat,
): Promise<StageParticipant> {
  if (await r.stage.find(seat.sessionId, seat.userId)) {
    throw new DomainError('CONFLICT', 'the user is already on stage');
  }
  if ((await r.stage.count(seat.sessionId)) >= settings.max_stage_size) {
    throw new DomainError('STAGE_FULL', `the stage holds ${settings.max_stage_size} at most`);
  }
  const participant = await r.stage.add({
    sessionId: seat.sessionId,
    userId: seat.userId,
    canPublishAudio: seat.permissions.can_publish_audio,
    canPublishVideo: seat.permissions.can_publish_video,
    canPublishScreen: seat.permissions.can_publish_screen,
    source: seat.source,
    addedBy: seat.addedBy,
  });
  await recordEvent(
    r,
    'stage.participant_added',
    seat.sessionId,
    toStageParticipantResponse(participant, seat.displayName),
  );
  return participant;
}

/** Takes the user off the stage; false when they were not on it. */
export async function takeOffStage(
  r: Repositories,
  sessionId: string,
  userId: string,
  reason?: string,
): Promise<boolean> {
  if (!(await r.stage.remove(sessionId, userId))) return false;
  await recordEvent(r, 'stage.participant_removed', sessionId, {
    session_id: sessionId,
    user_id: userId,
    ...(reason && { reason }),
  });
  return true;
}

/** Withdraws the user's pending hand raise and join request in the session. */
export async function withdrawStageRequests(
  r: Repositories,
  sessionId: string,
  userId: string,
): Promise<void> {
  await r.joinRequests.withdrawAll(sessionId, userId);
  if (await r.handRaises.withdrawAll(sessionId, userId)) {
    await recordEvent(r, 'hand.lowered', sessionId, { session_id: sessionId, user_id: userId });
  }
}
