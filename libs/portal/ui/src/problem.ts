import { isProblem, type Problem } from '@billing/portal-api-client';
import { ProblemError } from '@billing/portal-session';
import { problemSentence, serverMessageText, type ProblemLanguage } from './problem-text.js';

/** The problem in a thrown value (ProblemError, a raw problem body), or null for anything else. */
export function problemOf(error: unknown): Problem | null {
  if (error instanceof ProblemError) return error.problem;
  return isProblem(error) ? error : null;
}

/**
 * A problem's field errors by form field: `errors[].path` is a JSON Pointer into the request
 * (`/rows/0/prefix`) → `rows.0.prefix`, the dotted path forms use. Several messages for one
 * field are joined; the root path (`""`) is not a field (ProblemAlert shows it).
 * `codeFields` names the field of a problem whose code is about one input though it names none
 * (`{ invalid_markup: 'markupPercent', no_rate: 'number' }`): its sentence goes next to that input.
 * With a `language`, messages are in it (problem-text.ts); without, as the server wrote them.
 */
export function problemFieldErrors(problem: Problem | null | undefined, codeFields: Readonly<Record<string, string>> = {}, language?: ProblemLanguage): Record<string, string> {
  const fields: Record<string, string> = {};
  if (problem === null || problem === undefined) return fields;
  const codeField = codeFields[problem.code];
  if (codeField !== undefined && (problem.errors ?? []).length === 0) fields[codeField] = language === undefined ? (problem.detail ?? problem.title) : problemSentence(problem, language);
  for (const item of problem.errors ?? []) {
    const raw = item as { path?: unknown; field?: unknown; message?: unknown };
    const field = typeof raw.path === 'string' ? fieldFromPointer(raw.path) : typeof raw.field === 'string' ? raw.field : '';
    if (field === '' || typeof raw.message !== 'string') continue;
    const message = language === undefined ? raw.message : serverMessageText(raw.message, language);
    fields[field] = fields[field] === undefined ? message : `${fields[field]}; ${message}`;
  }
  return fields;
}

/** RFC 6901 pointer → dotted field path (`/a~1b/0` → `a/b.0`). */
export function fieldFromPointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
