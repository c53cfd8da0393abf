// Engagement rows as the wire shows them.
import type {
  BannedParticipantResponse,
  ChatMessageResponse,
  HandRaiseResponse,
  JoinRequestResponse,
  PollResponse,
  SessionRole,
  StageParticipantResponse,
  StagePermissions,
} from '@vidinfra/domain';
import type {
  Ban,
  ChatMessage,
  HandRaise,
  JoinRequest,
  PollResults,
  PollWithOptions,
  StageParticipant,
} from '@vidinfra/db';
import { iso, isoOrUndefined, orUndefined } from '../mappers.ts';

export const toChatMessageResponse = (
  message: ChatMessage,
  displayName: string,
  role: SessionRole,
): ChatMessageResponse => ({
  id: message.id,
  session_id: message.sessionId,
  user_id: message.userId,
  display_name: displayName,
  role,
  text: message.text,
  created_at: iso(message.createdAt),
});

/** Share of voters, 0–100, to one decimal. */
const percentage = (votes: number, voters: number) =>
  voters ? Math.round((votes / voters) * 1000) / 10 : 0;

/** `myOptionIds` for the caller's own view; left out of fan-out events. */
export const toPollResponse = (
  poll: PollWithOptions,
  results: PollResults,
  myOptionIds?: string[],
): PollResponse => {
  const votes = new Map(results.options.map((option) => [option.id, option.votes]));
  return {
    id: poll.id,
    session_id: poll.sessionId,
    question: poll.question,
    multiple_choice: poll.multipleChoice,
    status: poll.status,
    options: poll.options.map((option) => {
      const count = votes.get(option.id) ?? 0;
      return {
        id: option.id,
        text: option.label,
        position: option.position,
        vote_count: count,
        percentage: percentage(count, results.totalBallots),
      };
    }),
    total_voters: results.totalBallots,
    my_option_ids: myOptionIds,
    created_by: poll.createdBy,
    created_at: iso(poll.createdAt),
    closed_at: isoOrUndefined(poll.closedAt),
  };
};

const resolution = (entry: HandRaise | JoinRequest) => ({
  status: entry.status,
  resolved_at: isoOrUndefined(entry.resolvedAt),
  resolved_by: orUndefined(entry.resolvedBy),
});

/** `position` is the 1-based place in the queue, for pending hands. */
export const toHandRaiseResponse = (
  hand: HandRaise,
  displayName: string,
  position?: number | null,
): HandRaiseResponse => ({
  id: hand.id,
  session_id: hand.sessionId,
  user_id: hand.userId,
  display_name: displayName,
  message: orUndefined(hand.message),
  position: hand.status === 'pending' ? orUndefined(position) : undefined,
  raised_at: iso(hand.createdAt),
  ...resolution(hand),
});

export const toJoinRequestResponse = (
  request: JoinRequest,
  displayName: string,
): JoinRequestResponse => ({
  id: request.id,
  session_id: request.sessionId,
  user_id: request.userId,
  display_name: displayName,
  message: orUndefined(request.message),
  created_at: iso(request.createdAt),
  ...resolution(request),
});

export const toStagePermissions = (participant: StageParticipant): StagePermissions => ({
  can_publish_audio: participant.canPublishAudio,
  can_publish_video: participant.canPublishVideo,
  can_publish_screen: participant.canPublishScreen,
});

export const toStageParticipantResponse = (
  participant: StageParticipant,
  displayName: string,
  role: SessionRole = 'participant',
): StageParticipantResponse => ({
  session_id: participant.sessionId,
  user_id: participant.userId,
  display_name: displayName,
  role,
  permissions: toStagePermissions(participant),
  source: participant.source,
  added_by: orUndefined(participant.addedBy),
  joined_at: iso(participant.createdAt),
});

export const toBannedParticipantResponse = (
  ban: Ban,
  displayName: string,
): BannedParticipantResponse => ({
  id: ban.id,
  session_id: orUndefined(ban.sessionId),
  room_id: ban.roomId,
  user_id: ban.userId,
  display_name: displayName,
  scope: ban.scope,
  reason: orUndefined(ban.reason),
  banned_by: orUndefined(ban.createdBy),
  created_at: iso(ban.createdAt),
  expires_at: isoOrUndefined(ban.expiresAt),
});
