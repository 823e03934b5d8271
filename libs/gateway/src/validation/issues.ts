// Standard-schema (zod) issues → `errors: [{path, message}]` of a validation problem.
import type { ProblemFieldError } from '../problem/problem.js';

/** A Standard Schema issue (zod's carry `code` and, for unknown fields, `keys`). */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  readonly code?: string;
  readonly keys?: readonly string[];
}

/** At most this many field errors in one response (a 200k-row import can have 200k mistakes). */
export const MAX_FIELD_ERRORS = 100;

export function fieldErrorsFromIssues(issues: readonly SchemaIssue[]): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  for (const issue of issues) {
    const base = (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
      for (const key of issue.keys) errors.push({ path: pointer([...base, key]), message: 'unknown field' });
    } else {
      errors.push({ path: pointer(base), message: issue.message });
    }
    if (errors.length >= MAX_FIELD_ERRORS) break;
  }
  return errors.slice(0, MAX_FIELD_ERRORS);
}

/** RFC 6901 JSON Pointer (`/rows/0/prefix`); the root is `""`. */
export function pointer(segments: readonly PropertyKey[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
