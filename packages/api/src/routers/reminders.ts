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
    method: 'POST',
    path: '/rooms/{id}/reminders',
    handle: ({ ctx }) => ctx.services.reminders.subscribe(ctx.access!.room!, ctx.actor!),
  }),
  unsubscribe: operation({
    ...reminderOperation,
    name: 'Unsubscribe from room reminders',
    method: 'DELETE',
    path: '/rooms/{id}/reminders',
    handle: ({ ctx }) => ctx.services.reminders.unsubscribe(ctx.access!.room!, ctx.actor!),
  }),
  me: operation({
    ...reminderOperation,
    name: 'Get my reminder subscription status',
    method: 'GET',
    path: '/rooms/{id}/reminders/me',
    handle: ({ ctx }) => ctx.services.reminders.status(ctx.access!.room!, ctx.actor!),
  }),
};
