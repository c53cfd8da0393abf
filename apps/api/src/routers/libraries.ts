// Filled in by the libraries work.
export const librariesOps = {};
