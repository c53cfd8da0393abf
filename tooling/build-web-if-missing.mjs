// `npm start`'s prestart: builds the web app (apps/web/dist, which the API serves at `/`) when it
// has not been built yet. A WEB_DIST_DIR elsewhere is the operator's own build: left alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const index = new URL('../apps/web/dist/index.html', import.meta.url).pathname;
if (!process.env.WEB_DIST_DIR && !existsSync(index)) {
  console.log('Building the web app (apps/web/dist is missing)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@vidinfra/web'], {
    stdio: 'inherit',
    cwd: root,
  });
  process.exit(build.status ?? 1);
}
