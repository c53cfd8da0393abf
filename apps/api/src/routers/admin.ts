// Filled in by the admin work.
export const adminOps = {};
