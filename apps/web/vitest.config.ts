import { testPreset } from '@vidinfra/tooling/vitest';

// The browser tests start the server as `npm start` does, each file its own, one file at a time
// (each drives Chromium and ffmpeg: two at once on a small machine would time each other out).
export default testPreset('web', {
  test: {
    globalSetup: ['test/support/build.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // What a page shows after its requests (a list, a count): on a loaded machine that takes
    // longer than expect.poll's default second.
    expect: { poll: { timeout: 15_000 } },
  },
});
