import { IdParam, ReminderStatusResponse } from '@vidinfra/domain';
import { operation } from '../operation.ts';

const reminderOperation = {
  caller: 'any',
  resource: 'room',
  input: IdParam,
  output: ReminderStatusResponse,
  libraryScoped: true,
} as const;

export const remindersOps = {
  subscribe: operation({
    ...reminderOperation,
    name: 'Subscribe to room reminders',
    description:
      "Any signed-in caller who may see the room. Reminders of the room's sessions (and their reschedules) come to the caller's personal channel. Idempotent: a second subscription keeps the first and its time.",
    method: 'POST',
    path: '/rooms/{id}/reminders',
    handle: ({ ctx }) => ctx.services.reminders.subscribe(ctx.access.room, ctx.actor),
  }),
  unsubscribe: operation({
    ...reminderOperation,
    name: 'Unsubscribe from room reminders',
    description:
      'Any signed-in caller who may see the room. Idempotent: answers the same when not subscribed.',
    method: 'DELETE',
    path: '/rooms/{id}/reminders',
    handle: ({ ctx }) => ctx.services.reminders.unsubscribe(ctx.access.room, ctx.actor),
  }),
  me: operation({
    ...reminderOperation,
    name: 'Get my reminder subscription status',
    description:
      'Any signed-in caller who may see the room. Whether the caller is subscribed, and since when.',
    method: 'GET',
    path: '/rooms/{id}/reminders/me',
    handle: ({ ctx }) => ctx.services.reminders.status(ctx.access.room, ctx.actor),
  }),
};
