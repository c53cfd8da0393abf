// Filled in by the participants work.
export const participantsOps = {};
