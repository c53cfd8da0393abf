// Bodies of engagement operations the domain package does not name yet (reported to its owner).
import { AttendanceExportFormat, Id, trimmedText } from '@vidinfra/domain';
import { z } from 'zod';

/** `POST /sessions/{id}/join_requests`: an optional note to staff, like a hand raise's. */
export const CreateJoinRequestRequest = z
  .strictObject({ message: trimmedText(1, 200).optional() })
  .meta({ id: 'CreateJoinRequestRequest' });

export const ChatMessageDeletedResponse = z
  .object({ id: Id, session_id: Id, deleted: z.literal(true) })
  .meta({ id: 'ChatMessageDeletedResponse' });

/** Leaving the stage, or being taken off it. */
export const StageRemovalResponse = z
  .object({ session_id: Id, user_id: Id, removed: z.literal(true) })
  .meta({ id: 'StageRemovalResponse' });

export const UnbanResponse = z
  .object({ session_id: Id, user_id: Id, unbanned: z.literal(true) })
  .meta({ id: 'UnbanResponse' });

/** `left` is false when the caller had no open attendance interval. */
export const LeaveSessionResponse = z
  .object({ session_id: Id, left: z.boolean() })
  .meta({ id: 'LeaveSessionResponse' });

/**
 * The export over tRPC: the file as `content` (CSV per RFC 4180, or a JSON array). Over REST the
 * same operation streams the file itself (see the `file` flag of operations).
 */
export const AttendanceExportResponse = z
  .object({
    format: AttendanceExportFormat,
    content_type: z.string(),
    filename: z.string(),
    content: z.string(),
  })
  .meta({ id: 'AttendanceExportResponse' });
