// Reminder subscriptions: a user asks to be told about a room's upcoming sessions.
import { z } from 'zod';
import { Id, Timestamp } from './fields.ts';

export const ReminderStatusResponse = z
  .object({
    room_id: Id,
    subscribed: z.boolean(),
    subscribed_at: Timestamp.optional(),
  })
  .meta({ id: 'ReminderStatusResponse' });
export type ReminderStatusResponse = z.infer<typeof ReminderStatusResponse>;
