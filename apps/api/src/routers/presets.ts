// Filled in by the presets work.
export const presetsOps = {};
