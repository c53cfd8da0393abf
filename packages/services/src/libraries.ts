import type { Deps } from './deps.ts';

// Filled in by the libraries work.
export const librariesService = (_deps: Deps) => ({});
