// One style for problem codes: snake_case, like the domains' (`insufficient_funds`). Scans every
// source file of the product for the places a code is written — ProblemException, the problem
// helpers, RejectedCommand and the deciders' rejection helpers, `code:` members — so a new
// `not-found` fails here, not in a client.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.') ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Where a problem code is written as a literal. */
const CODE_SITES = [
  /new ProblemException\(\s*\d{3},\s*'([^']+)'/g,
  /\b(?:serviceUnavailable|unprocessable|conflict|invalid|notFound)\(\s*'([^']+)',\s*[`'"]/g, // gateway helpers: (code, detail)
  /\b(?:invalid|conflict|notFound|forbidden)\(\s*[`'"][^\n]*?[`'"],\s*'([^']+)'\s*[,)]/g, // deciders' helpers: (message, code)
  /new RejectedCommand\(\s*[`'"][^\n]*?[`'"],\s*'([^']+)'/g,
  /ProblemException\(\s*\d{3},\s*'([^']+)'/g,
  /\bcode: '([^']+)'/g, // problems built as objects (to-problem.ts), answers that carry a code
];

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

it('writes every problem code of the product in snake_case', () => {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(path.join(root, 'libs')), ...sourceFiles(path.join(root, 'apps'))]) {
    if (file.endsWith('.spec.ts')) continue;
    const text = readFileSync(file, 'utf8');
    for (const site of CODE_SITES) {
      // the helpers share names (a decider's `invalid(message, code)`, the gateway's `conflict(code, detail)`): a code has no spaces
      for (const match of text.matchAll(site)) if (!/\s/.test(match[1]!)) found.set(match[1]!, path.relative(root, file));
    }
  }
  expect(found.size).toBeGreaterThan(100);
  expect([...found].filter(([code]) => !SNAKE_CASE.test(code)).map(([code, file]) => `${file}: ${code}`)).toEqual([]);
  // the ones the gateway itself answers
  for (const code of ['not_found', 'malformed_json', 'unsupported_media_type', 'invalid_idempotency_key', 'idempotency_key_reused', 'idempotency_key_in_progress']) {
    expect(found.has(code)).toBe(true);
  }
});
