import { fileURLToPath } from 'node:url';
import { testPreset } from '@vidinfra/tooling/vitest';

// The Electron binary is not installed (it downloads on first use): tests import a small stub
// in its place, and the modules under test take Electron's objects as parameters.
export default testPreset('studio-desktop', {
  resolve: {
    alias: { electron: fileURLToPath(new URL('test/electron-stub.ts', import.meta.url)) },
  },
});
