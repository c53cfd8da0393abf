// What the embedded default composes from this app (tooling/embedded): the API server on a
// runtime. Nothing here imports the realtime app.
export { startApiServer } from './start.ts';
