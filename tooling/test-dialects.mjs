#!/usr/bin/env node
// A package's suite on both databases: SQLite, then Postgres, each run whatever the other did;
// fails when either failed.
import { spawnSync } from 'node:child_process';

let status = 0;
for (const dialect of ['sqlite', 'postgres']) {
  const run = spawnSync('vitest', ['run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DB_DIALECT: dialect },
  });
  if (run.status !== 0) status = 1;
}
process.exit(status);
