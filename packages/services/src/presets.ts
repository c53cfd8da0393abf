import type { Deps } from './deps.ts';

// Filled in by the presets work.
export const presetsService = (_deps: Deps) => ({});
