// `npm start` on a fresh clone: install dependencies when node_modules is missing or older than the
// lockfile, then build. Keeps a second start fast (no reinstall when nothing changed).
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installedMarker = 'node_modules/.package-lock.json';
const stale = !existsSync(installedMarker) || statSync(installedMarker).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('[start] installing dependencies (npm ci) ...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
execSync('node tools/build.mjs', { stdio: 'inherit' });
