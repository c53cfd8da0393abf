import { testPreset } from '@vidinfra/tooling/vitest';

export default testPreset('studio');
