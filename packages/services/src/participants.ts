import type { Deps } from './deps.ts';

// Filled in by the participants work.
export const participantsService = (_deps: Deps) => ({});
