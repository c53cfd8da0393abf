import type { Deps } from './deps.ts';

// Filled in by the admin work.
export const adminService = (_deps: Deps) => ({});
