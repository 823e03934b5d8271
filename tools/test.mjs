#!/usr/bin/env node
// `npm test`: Jest (every *.spec.ts, ESM mode; this script's arguments go to Jest as before), then
// Vitest (the portal's *.test.ts(x), jsdom). Both always run, so one failing does not hide the
// other's results; the exit code fails when either failed. VITEST_RESULTS=<file> (set by .ci/run)
// also writes Vitest's JSON report there, next to Jest's --json --outputFile.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

function run(label, args, env = process.env) {
  const { status, signal } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (status !== 0) console.error(`[test] ${label} failed (${signal ?? `exit code ${status}`})`);
  return status === 0;
}

// ESM mode keeps part of each file's module graph: run in one process, the suite reached V8's default ~4 GiB
// heap limit (a CI run died "JavaScript heap out of memory" after 43 min). jest.config.js's workerIdleMemoryLimit
// now runs the files in a worker (one on 2 cores), replaced after a file that leaves it above 1.5 GB; NODE_OPTIONS
// reaches every worker, so this 8 GiB heap is per worker — headroom for one heavy file. (`--runInBand` would run
// everything in the main process again and turn the limit off.) The machines have 24 GB.
const HEAP_MB = 8192;
const jestOk = run('jest', [bin('jest', 'bin/jest.js'), ...process.argv.slice(2)], {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --max-old-space-size=${HEAP_MB}`.trim(),
});

// Jest only lists or explains here: no test runs, so Vitest has nothing to add
const jestOnly = ['--listTests', '--help', '--version', '--showConfig'].some((flag) => process.argv.includes(flag));
if (jestOnly) process.exit(jestOk ? 0 : 1);

const vitestArgs = [bin('vitest', 'vitest.mjs'), 'run', '--config', path.join(root, 'vitest.config.ts')];
if (process.env.VITEST_RESULTS) {
  vitestArgs.push('--reporter=default', '--reporter=json', `--outputFile=${path.resolve(root, process.env.VITEST_RESULTS)}`);
}
const vitestOk = run('vitest', vitestArgs);

process.exit(jestOk && vitestOk ? 0 : 1);
