import { testPreset } from '@vidinfra/tooling/vitest';

// The browser test builds the app and starts the server as `npm start` does: it takes a while.
export default testPreset('web', { test: { testTimeout: 120_000, hookTimeout: 180_000 } });
