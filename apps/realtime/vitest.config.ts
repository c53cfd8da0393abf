import { testPreset } from '@vidinfra/tooling/vitest';

const dialect = process.env.DB_DIALECT ?? 'sqlite';

export default testPreset(`realtime-${dialect}`);
