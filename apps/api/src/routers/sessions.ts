// Filled in by the sessions work.
export const sessionsOps = {};
