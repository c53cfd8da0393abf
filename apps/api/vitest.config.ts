import { testPreset } from '@vidinfra/tooling/vitest';

// One suite, two runs: DB_DIALECT picks the database the app under test runs on.
const dialect = process.env.DB_DIALECT ?? 'sqlite';

export default testPreset(`api-${dialect}`);
