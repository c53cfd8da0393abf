// Filled in by the reminders work.
export const remindersOps = {};
