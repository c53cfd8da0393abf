import type { ReminderStatusResponse } from '@vidinfra/domain';
import type { Room } from '@vidinfra/db';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { iso } from './mappers.ts';

export const remindersService = ({ db }: Deps) => {
  const status = async (room: Room, actor: Actor): Promise<ReminderStatusResponse> => {
    const reminder = await db.repos.reminders.find(room.id, actor.id);
    return reminder
      ? { room_id: room.id, subscribed: true, subscribed_at: iso(reminder.createdAt) }
      : { room_id: room.id, subscribed: false };
  };

  return {
    /** Idempotent: a second subscription keeps the first (and its time). */
    async subscribe(room: Room, actor: Actor): Promise<ReminderStatusResponse> {
      await db.repos.reminders.subscribe(room.id, actor.id);
      return status(room, actor);
    },

    /** Idempotent: unsubscribing when not subscribed answers the same. */
    async unsubscribe(room: Room, actor: Actor): Promise<ReminderStatusResponse> {
      await db.repos.reminders.unsubscribe(room.id, actor.id);
      return { room_id: room.id, subscribed: false };
    },

    status,
  };
};
