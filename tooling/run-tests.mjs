// `npm test`: the drift check, then every package's tests through turbo (one at a time: the
// machine has two cores and the suites start databases), then one closing line with the totals
// that every suite's CountReporter appended to a shared file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'vidinfra-tests-'));
const summary = join(dir, 'summary.jsonl');
const env = { ...process.env, VIDINFRA_TEST_SUMMARY: summary };
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;

let status = run('npm', ['run', 'db:check-drift']);
if (status === 0)
  status = run('npx', ['turbo', 'run', 'test', '--concurrency=1', ...process.argv.slice(2)]);

let lines = [];
try {
  lines = readFileSync(summary, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // no suite ran
}
rmSync(dir, { recursive: true, force: true });
const total = { passed: 0, failed: 0, skipped: 0 };
for (const suite of lines) {
  console.log(`  ${suite.label}: ${suite.passed} passed, ${suite.failed} failed`);
  for (const key of Object.keys(total)) total[key] += suite[key];
}
if (status !== 0 && total.failed === 0) total.failed = 1; // a suite that crashed before counting
const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(status);
