// Text no part of the product can store: PostgreSQL refuses NUL in text and jsonb ("unsupported
// Unicode escape sequence"), event-store stream ids refuse it, and a lone UTF-16 surrogate
// ("\ud800" in JSON) is no character at all. One middleware checks every request before any
// route sees it — the parsed JSON or text body, the query string and the path — so each such
// request is a 400 naming the field instead of a 500 from whichever store met it first.
import type { HttpRequest, HttpResponse } from '../http-types.js';
import { pointer } from './issues.js';
import { validationProblem } from './zod-validation.pipe.js';
import type { ProblemFieldError } from '../problem/problem.js';

/** Why a string cannot be accepted, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  // lone surrogates: a high one not followed by a low one, or a low one not after a high one
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) {
    return 'must not contain an unpaired UTF-16 surrogate (\\ud800–\\udfff alone is no character)';
  }
  return undefined;
}

/** Every string (and object key) in a parsed value that cannot be accepted, by JSON Pointer. */
export function unsafeTextErrors(value: unknown, path: PropertyKey[] = [], errors: ProblemFieldError[] = [], limit = 10): ProblemFieldError[] {
  if (errors.length >= limit) return errors;
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    if (reason !== undefined) errors.push({ path: pointer(path), message: path.length === 0 ? `the text ${reason}` : reason });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unsafeTextErrors(item, [...path, index], errors, limit));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const keyReason = unsafeTextReason(key);
      if (keyReason !== undefined && errors.length < limit) {
        errors.push({ path: pointer(path), message: `has a field name that ${keyReason}` });
        continue;
      }
      unsafeTextErrors(item, [...path, key], errors, limit);
    }
  }
  return errors;
}

/** Express middleware, after the body parsers: refuses a request carrying such text anywhere. */
export function refuseUnsafeText(request: HttpRequest, _response: HttpResponse, next: (error?: unknown) => void): void {
  const pathErrors = unsafePathErrors(request.path);
  if (pathErrors.length > 0) return next(validationProblem('path', pathErrors));
  const queryErrors = unsafeTextErrors(request.query);
  if (queryErrors.length > 0) return next(validationProblem('query string', queryErrors));
  const bodyErrors = unsafeTextErrors(request.body);
  if (bodyErrors.length > 0) return next(validationProblem('request body', bodyErrors));
  next();
}

/** Path segments are decoded as the router decodes them (`%00` → NUL); the error names the segment. */
function unsafePathErrors(path: string): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // not valid percent-encoding: the router answers it (400) itself
    }
    const reason = unsafeTextReason(decoded);
    if (reason !== undefined) errors.push({ path: '', message: `the segment "${segment}" ${reason}` });
  }
  return errors;
}
