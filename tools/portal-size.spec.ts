// The first-load budget of the portal: what counts (the entry chunk and its static imports, never
// the lazy role chunks) and that exceeding the budget fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkInitialJs, initialJs, INITIAL_JS_BUDGET_BYTES } from './portal-size.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'portal-size-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): number {
  writeFileSync(path.join(dir, name), text);
  return gzipSync(text).length;
}

it('counts the entry chunk and its static imports, not the lazily imported chunks', () => {
  const entry = file('index.js', 'import "./vendor.js"; import("./admin.js");');
  const vendor = file('vendor.js', 'export const react = 1;'.repeat(50));
  file('admin.js', 'export const admin = 2;'.repeat(500));
  const report = initialJs(
    [
      { type: 'chunk', fileName: 'index.js', isEntry: true, imports: ['vendor.js'] },
      { type: 'chunk', fileName: 'vendor.js', isEntry: false, imports: [] },
      { type: 'chunk', fileName: 'admin.js', isEntry: false, imports: ['vendor.js'] },
      { type: 'asset', fileName: 'index.css' },
    ],
    dir,
  );
  expect(report.files.map((f) => f.fileName)).toEqual(['index.js', 'vendor.js']);
  expect(report.totalGzipBytes).toBe(entry + vendor);
});

it('fails when the initial JS exceeds the budget and reports it otherwise', () => {
  const report = { files: [{ fileName: 'index.js', gzipBytes: 1200 }], totalGzipBytes: 1200 };
  expect(checkInitialJs(report, 1200)[0]).toMatch(/1\.2 kB gzipped \(budget 1\.2 kB\)/);
  expect(() => checkInitialJs(report, 1199)).toThrow(/exceeds its budget/);
  expect(INITIAL_JS_BUDGET_BYTES).toBe(250_000);
});
