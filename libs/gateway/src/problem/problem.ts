// RFC 9457 problem details: the one shape of every error response (docs/API.md). `toProblem` maps
// any thrown value to a problem; ProblemFilter writes it. Controllers throw ProblemException (or
// its helpers), domain code throws RejectedCommand, and both end up here.
import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_PREFIX = 'urn:itc-billing:problem:';

export interface ProblemFieldError {
  /** JSON Pointer into the request part (`/rows/0/prefix`; `""` = the whole body or query). */
  path: string;
  message: string;
}

export interface ProblemDetails {
  /** `urn:itc-billing:problem:<code>`: stable, what clients branch on (with `code`). */
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** the request path of this occurrence. */
  instance?: string;
  /** stable machine-readable code, the last segment of `type`. */
  code: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

export function problemType(code: string): string {
  return `${TYPE_PREFIX}${code}`;
}

/** `insufficient_balance` → `Insufficient balance`. */
export function titleFromCode(code: string): string {
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Error' : words[0]!.toUpperCase() + words.slice(1);
}

export interface ProblemInit {
  title?: string;
  errors?: ProblemFieldError[];
  /** response headers (e.g. `Retry-After`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
  /** further members of the problem object. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/** An error that is already a problem: thrown by controllers, guards and the gateway itself. */
export class ProblemException extends HttpException {
  readonly problem: ProblemDetails;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, detail?: string, init: ProblemInit = {}) {
    const problem: ProblemDetails = {
      type: problemType(code),
      title: init.title ?? titleFromCode(code),
      status,
      ...(detail === undefined ? {} : { detail }),
      code,
      ...(init.errors === undefined ? {} : { errors: init.errors }),
      ...init.extensions,
    };
    super(problem, status, init.cause === undefined ? undefined : { cause: init.cause });
    this.problem = problem;
    this.headers = init.headers ?? {};
    this.name = 'ProblemException';
  }

  /** A problem stored earlier (idempotent replay): written back exactly, except `instance`. */
  static replay(problem: ProblemDetails): ProblemException {
    const { type: _type, title, status, detail, code, errors: _errors, instance: _instance, ...extensions } = problem;
    return new ProblemException(status, code, detail, {
      title,
      ...(problem.errors === undefined ? {} : { errors: problem.errors }),
      extensions,
    });
  }
}

export const badRequest = (detail: string, errors?: ProblemFieldError[]) =>
  new ProblemException(400, 'bad_request', detail, errors === undefined ? {} : { errors });

/** 404 for a resource that does not exist *or that the caller may not see* (docs/API.md). */
export const notFound = (detail = 'The resource does not exist.') => new ProblemException(404, 'not_found', detail);

/** 404 for a method and path no route answers (Nest's own text would echo the query string). */
export const unknownRoute = (method: string, path: string) =>
  new ProblemException(404, 'not_found', `There is no route ${method} ${path}; the API's routes are listed at /api/docs.`, {
    title: 'Not Found',
    extensions: { method, path },
  });

export const conflict = (code: string, detail: string) => new ProblemException(409, code, detail);

export const unprocessable = (code: string, detail: string) => new ProblemException(422, code, detail);

/** 503 for a feature switched off by configuration (card payments without Stripe keys, ...). */
export const serviceUnavailable = (code: string, detail: string) => new ProblemException(503, code, detail);

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/** A code for a plain HTTP status: 404 → `not_found`, 413 → `payload_too_large`. */
export function codeForStatus(status: number): string {
  return statusTitle(status)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
