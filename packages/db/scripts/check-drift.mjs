// Fails when a schema file and its committed migrations disagree: drizzle-kit generates into a
// copy of the migrations folder, and any file it adds or changes there is drift.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const DIALECTS = { postgresql: 'postgres', sqlite: 'sqlite' };

const listFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

let drifted = false;
for (const [dialect, name] of Object.entries(DIALECTS)) {
  const committed = join('migrations', name);
  // drizzle-kit only accepts an --out relative to the working directory.
  const scratch = join('.drift', name);
  rmSync(scratch, { recursive: true, force: true });
  try {
    cpSync(committed, scratch, { recursive: true });
    execFileSync(
      'npx',
      [
        'drizzle-kit',
        'generate',
        '--dialect',
        dialect,
        '--schema',
        `./src/schema/${name}.ts`,
        '--out',
        scratch,
      ],
      { stdio: 'pipe' },
    );
    const changed = listFiles(scratch).filter((file) => {
      try {
        return (
          readFileSync(join(committed, file), 'utf8') !== readFileSync(join(scratch, file), 'utf8')
        );
      } catch {
        return true;
      }
    });
    if (changed.length) {
      drifted = true;
      console.error(
        `${name}: schema and migrations drift (${changed.join(', ')}); run npm run db:generate`,
      );
    } else {
      console.log(`${name}: migrations match the schema`);
    }
  } finally {
    rmSync('.drift', { recursive: true, force: true });
  }
}
process.exit(drifted ? 1 : 0);
