// docs/benchmarks.md is one section per suite between marker comments; a run replaces the
// sections of the suites it measured and keeps the others as they were. A report written before
// the markers existed is the event-store report as a whole.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SUITES, type SuiteName } from './suites.js';

const begin = (suite: SuiteName) => `<!-- bench-suite:${suite}:begin -->`;
const end = (suite: SuiteName) => `<!-- bench-suite:${suite}:end -->`;

/** The sections of an existing report, by suite. */
export function parseSections(text: string): Map<SuiteName, string> {
  const sections = new Map<SuiteName, string>();
  let marked = false;
  for (const suite of SUITES) {
    const from = text.indexOf(begin(suite));
    const to = text.indexOf(end(suite));
    if (from === -1 || to === -1 || to < from) continue;
    marked = true;
    sections.set(suite, text.slice(from + begin(suite).length, to).trim());
  }
  if (!marked && text.trim() !== '') sections.set('eventstore', text.trim());
  return sections;
}

/** Replaces the given suites' sections of `file` (creating it if needed), keeping the rest. */
export async function writeSections(file: string, replaced: ReadonlyMap<SuiteName, string>): Promise<void> {
  const sections = existsSync(file) ? parseSections(await readFile(file, 'utf8')) : new Map<SuiteName, string>();
  for (const [suite, text] of replaced) sections.set(suite, text.trim());
  const parts: string[] = [];
  for (const suite of SUITES) {
    const text = sections.get(suite);
    if (text !== undefined) parts.push(begin(suite), text, end(suite), '');
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${parts.join('\n')}`);
}
