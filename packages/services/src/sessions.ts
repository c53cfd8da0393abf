import type { Deps } from './deps.ts';

// Filled in by the sessions work.
export const sessionsService = (_deps: Deps) => ({});
