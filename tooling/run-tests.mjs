// `npm test`: the drift check, then every package's tests, one package at a time (the machine
// has two cores and the suites start databases), each run whatever the others did; then one
// closing line with the totals that every suite's CountReporter appended to a shared file. A
// package whose run failed without counting a failure (it crashed, or never got to its tests) is
// named and counted as one failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vidinfra-tests-'));
const summary = join(dir, 'summary.jsonl');
const env = { ...process.env, VIDINFRA_TEST_SUMMARY: summary };
const run = (args) => spawnSync('npm', args, { stdio: 'inherit', env, cwd: root }).status ?? 1;

const readSummary = () => {
  try {
    return readFileSync(summary, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {
    return []; // no suite has counted yet
  }
};

/** Packages with a test script, dependencies first (the order of the workspaces' layers). */
const LAYERS = ['packages/domain', 'packages/db', 'packages/services', 'packages/media'];
const workspaces = JSON.parse(
  spawnSync('npm', ['query', '.workspace'], { cwd: root, encoding: 'utf8' }).stdout,
)
  .filter((w) => w.scripts?.test)
  .map((w) => ({ name: w.name, location: w.location }))
  .sort((a, b) => rank(a) - rank(b) || a.location.localeCompare(b.location));
function rank(w) {
  const layer = LAYERS.indexOf(w.location);
  return layer === -1 ? LAYERS.length + (w.location.startsWith('apps/') ? 1 : 0) : layer;
}

const unfinished = [];
let status = run(['run', 'db:check-drift']);
if (status !== 0) unfinished.push('db:check-drift');
const only = process.argv.slice(2);
for (const workspace of workspaces) {
  if (only.length && !only.includes(workspace.name)) continue;
  const before = readSummary().length;
  const code = run(['run', 'test', '-w', workspace.name]);
  if (code === 0) continue;
  status = 1;
  const counted = readSummary().slice(before);
  if (!counted.some((suite) => suite.failed > 0)) unfinished.push(workspace.name);
}

const lines = readSummary();
rmSync(dir, { recursive: true, force: true });
const total = { passed: 0, failed: 0, skipped: 0 };
for (const suite of lines) {
  console.log(`  ${suite.label}: ${suite.passed} passed, ${suite.failed} failed`);
  for (const key of Object.keys(total)) total[key] += suite[key];
}
for (const name of unfinished) console.log(`  ${name}: did not finish (counted as 1 failed)`);
total.failed += unfinished.length;
const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(status);
