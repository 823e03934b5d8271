// Standard-schema (zod) issues → `errors: [{path, message}]` of a validation problem, in plain
// sentences: "is required", "must be a whole number", "must be at most 64 characters". zod's own
// texts ("Invalid input: expected string, received undefined") name library types; a message a
// schema chose itself (MoneyString's reasons) is kept as it is.
import type { ProblemFieldError } from '../problem/problem.js';
import { numberRangeAt, rangeSentence, type NumberRange } from './number-range.js';

/** A Standard Schema issue; zod's also carry the details read below. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  readonly code?: string;
  readonly keys?: readonly string[];
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly values?: readonly unknown[];
  readonly format?: string;
  readonly divisor?: number | bigint;
}

/** At most this many field errors in one response (a 200k-row import can have 200k mistakes). */
export const MAX_FIELD_ERRORS = 100;

/** The value a request part was validated as, to tell a missing field from a wrong one. */
const NO_INPUT = Symbol('no input');

/**
 * `schema` (the one validated against) lets a number's error name the route's bounds. A number
 * gets one error however many of its checks failed: `.int().max(500)` on 1e20 fails both zod's
 * safe-integer bound and 500; only the tightest bound is named.
 */
export function fieldErrorsFromIssues(issues: readonly SchemaIssue[], input: unknown = NO_INPUT, schema?: unknown): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const numberIssues = new Map<string, { error: ProblemFieldError; issues: SchemaIssue[]; range: NumberRange | undefined }>();
  for (const issue of issues) {
    const base = (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
    const path = pointer(base);
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
      for (const key of issue.keys) errors.push({ path: pointer([...base, key]), message: 'unknown field' });
    } else if (input !== NO_INPUT && base.length > 0 && issue.code === 'invalid_type' && valueAt(input, base) === undefined) {
      errors.push({ path, message: 'is required' });
    } else if (isNumberIssue(issue)) {
      const seen = numberIssues.get(path);
      if (seen !== undefined) {
        seen.issues.push(issue);
        seen.error.message = numberMessage(seen.issues, seen.range);
        continue;
      }
      const range = schema === undefined ? undefined : numberRangeAt(schema, base);
      const error = { path, message: numberMessage([issue], range) };
      numberIssues.set(path, { error, issues: [issue], range });
      errors.push(error);
    } else {
      errors.push({ path, message: humanMessage(issue) });
    }
    if (errors.length >= MAX_FIELD_ERRORS) break;
  }
  return errors.slice(0, MAX_FIELD_ERRORS);
}

function isNumberIssue(issue: SchemaIssue): boolean {
  if (issue.code === 'invalid_type') return issue.expected === 'number' || issue.expected === 'int';
  if (issue.code === 'too_big' || issue.code === 'too_small') return issue.origin === 'number' || issue.origin === 'int';
  return issue.code === 'not_multiple_of';
}

/** A bound that failed names the tightest one; anything else (not a number, not whole) the whole range. */
function numberMessage(issues: readonly SchemaIssue[], range: NumberRange | undefined): string {
  const own = issues.find((issue) => !LIBRARY_TEXT.test(issue.message));
  if (own !== undefined) return own.message;
  const tightest = issues.reduce<SchemaIssue | undefined>((best, issue) => {
    if (issue.code === 'too_big' && (best === undefined || Number(issue.maximum) < Number(best.maximum))) return issue;
    if (issue.code === 'too_small' && (best === undefined || Number(issue.minimum) > Number(best.minimum))) return issue;
    return best;
  }, undefined);
  if (tightest !== undefined) return humanMessage(tightest);
  return range === undefined ? humanMessage(issues[0]!) : rangeSentence(range);
}

/** zod's default texts start like this; a schema's own message does not. */
const LIBRARY_TEXT = /^(Invalid|Too (big|small)|Unrecognized key)/;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  bigint: 'a whole number',
  date: 'a date',
  null: 'null',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'an e-mail address',
  uuid: 'a UUID',
  guid: 'a UUID',
  url: 'a URL',
  datetime: 'an ISO 8601 date-time with an offset (2025-03-01T10:00:00Z)',
  date: 'an ISO 8601 date (2025-03-01)',
  time: 'an ISO 8601 time',
  duration: 'an ISO 8601 duration',
  e164: 'an international number (+ and 8 to 15 digits)',
};

/** One plain sentence for an issue (without the field's name: the path says which). */
export function humanMessage(issue: SchemaIssue): string {
  if (!LIBRARY_TEXT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? 'of another type'}`;
    case 'too_small':
      return boundMessage(issue, 'least', issue.minimum);
    case 'too_big':
      return boundMessage(issue, 'most', issue.maximum);
    case 'invalid_value':
      return issue.values?.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' || issue.format === undefined ? 'has the wrong format' : `must be ${FORMAT_NAMES[issue.format] ?? `in the ${issue.format} format`}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'matches none of the accepted forms';
    case 'custom':
      return issue.message;
    default:
      return 'is invalid';
  }
}

function boundMessage(issue: SchemaIssue, which: 'least' | 'most', bound: number | bigint | undefined): string {
  const n = String(bound);
  switch (issue.origin) {
    case 'string':
      return `must be at ${which} ${n} character${n === '1' ? '' : 's'} long`;
    case 'array':
    case 'set':
      return `must have at ${which} ${n} item${n === '1' ? '' : 's'}`;
    default:
      if (issue.inclusive === false) return `must be ${which === 'least' ? 'greater' : 'less'} than ${n}`;
      return `must be at ${which} ${n}`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** RFC 6901 JSON Pointer (`/rows/0/prefix`); the root is `""`. */
export function pointer(segments: readonly PropertyKey[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * How a problem's detail tells one field error, the same for every route: `<field>: <message>`,
 * the message a phrase or sentence about that field ("amount: is required", "account: give an
 * account, a sipUsername or a sourceIp"); an error of the whole request is its message alone. The
 * message's own closing period is dropped: the detail's sentence ends once.
 */
export function fieldErrorText(path: string, message: string): string {
  const text = message.replace(/\.+$/, '');
  return path === '' ? text : `${fieldLabel(path)}: ${text}`;
}

/** The detail of a problem listing field errors: `The <what> is invalid — <first error> (and N more).` */
export function invalidDetail(what: string, errors: readonly { readonly path: string; readonly message: string }[]): string {
  const first = errors[0];
  if (first === undefined) return `The ${what} is invalid.`;
  return `The ${what} is invalid — ${fieldErrorText(first.path, first.message)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}.`;
}

/** A pointer as people read a field: `/rows/0/prefix` → `rows[0].prefix`. */
export function fieldLabel(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((label, segment) => (/^\d+$/.test(segment) ? `${label}[${segment}]` : label === '' ? segment : `${label}.${segment}`), '');
}
