// The portal's first-load budget: the JS the login page loads before anything else (index.html's
// entry chunk and everything it imports statically), gzipped, must stay under 250 kB. The role
// pages are lazy chunks and do not count. tools/build.mjs runs this after every portal build and
// fails the build when the budget is exceeded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** 250 kB gzipped (decimal kB, as Vite prints them). */
export const INITIAL_JS_BUDGET_BYTES = 250_000;

/**
 * @param {{ type: string, fileName: string, isEntry?: boolean, imports?: string[] }[]} output the build's chunks and assets
 * @param {string} dir where the build wrote them (sizes are measured on the written files)
 * @returns {{ files: { fileName: string, gzipBytes: number }[], totalGzipBytes: number }}
 */
export function initialJs(output, dir) {
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const pending = [...chunks.values()].filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName);
  if (pending.length === 0) throw new Error('the portal build has no entry chunk');
  const seen = new Set();
  while (pending.length > 0) {
    const fileName = pending.pop();
    if (seen.has(fileName)) continue;
    seen.add(fileName);
    pending.push(...(chunks.get(fileName)?.imports ?? []).filter((imported) => chunks.has(imported)));
  }
  const files = [...seen].sort().map((fileName) => ({ fileName, gzipBytes: gzipSync(readFileSync(path.join(dir, fileName))).length }));
  return { files, totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

/** The size report lines; throws when the initial JS exceeds the budget. */
export function checkInitialJs(report, budgetBytes = INITIAL_JS_BUDGET_BYTES) {
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`; // a size, not money
  const lines = [
    `portal: initial JS of the login page ${kB(report.totalGzipBytes)} gzipped (budget ${kB(budgetBytes)})`,
    ...report.files.map((file) => `  ${file.fileName} ${kB(file.gzipBytes)}`),
  ];
  if (report.totalGzipBytes > budgetBytes) {
    throw new Error(`${lines.join('\n')}\nportal: the initial JS exceeds its budget: lazy-load what the login page does not need (import() in the shell)`);
  }
  return lines;
}
