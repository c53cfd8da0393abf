import { testPreset } from '@vidinfra/tooling/vitest';

// One suite, two runs: DB_DIALECT picks the database every test file opens (see test/harness.ts).
const dialect = process.env.DB_DIALECT ?? 'sqlite';

export default testPreset(`db-${dialect}`);
