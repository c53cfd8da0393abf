import type { Deps } from './deps.ts';

// Filled in by the reminders work.
export const remindersService = (_deps: Deps) => ({});
