// Every thrown value → a problem. Known client errors keep their message; anything unexpected
// becomes a 500 whose detail carries only an error id that is also in the log.
import { HttpException } from '@nestjs/common';
import { RejectedCommand } from '@billing/decider';
import { WrongExpectedVersionError } from '@billing/event-store';
import { MoneyFormatError } from '@billing/money';
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { codeForStatus, problemType, ProblemException, statusTitle, titleFromCode, type ProblemDetails } from './problem.js';
import { fieldErrorsFromIssues, invalidDetail } from '../validation/issues.js';
import { validationProblem } from '../validation/zod-validation.pipe.js';

export interface MappedProblem {
  problem: ProblemDetails;
  headers: Record<string, string>;
  /** unexpected: log it with its stack (the id is in `problem.errorId`). */
  unexpected: boolean;
}

export function toProblem(error: unknown): MappedProblem {
  if (error instanceof ProblemException) {
    return { problem: { ...error.problem }, headers: error.headers, unexpected: false };
  }
  if (error instanceof RejectedCommand) {
    return known({
      type: problemType(error.code),
      title: titleFromCode(error.code),
      status: error.status,
      detail: error.message,
      code: error.code,
      ...extensionsOf(error.details),
    });
  }
  if (error instanceof WrongExpectedVersionError) {
    return known({
      type: problemType('concurrent_modification'),
      title: 'Concurrent modification',
      status: 409,
      detail: 'The resource was changed by another request at the same time; retry the request.',
      code: 'concurrent_modification',
    });
  }
  if (error instanceof MoneyFormatError) {
    // One code for a bad amount, wherever it is caught (the validator or a parser further in):
    // `validation`, as for every other bad field — the field and the reason are in `errors`.
    return known({
      type: problemType('validation'),
      title: 'Invalid request',
      status: 400,
      detail: invalidDetail('request', [error.field === undefined ? { path: '', message: error.message } : { path: `/${error.field}`, message: error.reason }]),
      code: 'validation',
      ...(error.field === undefined ? {} : { errors: [{ path: `/${error.field}`, message: error.reason }] }),
    });
  }
  if (error instanceof ZodError) {
    // the detail names the first field, as the validation pipe's does
    return known({ ...validationProblem('request', fieldErrorsFromIssues(error.issues)).problem });
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isOverloaded(error)) {
    return {
      problem: { type: problemType('overloaded'), title: 'Service overloaded', status: 503, detail: error.message, code: 'overloaded' },
      headers: { 'retry-after': '1' },
      unexpected: false,
    };
  }
  return unexpected();
}

/**
 * Back pressure from a service's bounded queue (e.g. the wallet ledger's): marked by an
 * `overloaded: true` property, so the libs that raise it need no HTTP types.
 */
function isOverloaded(error: unknown): error is Error & { overloaded: true } {
  return error instanceof Error && (error as { overloaded?: unknown }).overloaded === true;
}

const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);

/** A rejection's further members (`available`), never one of the standard ones. */
function extensionsOf(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([name]) => !PROBLEM_MEMBERS.has(name)));
}

function known(problem: ProblemDetails): MappedProblem {
  return { problem, headers: {}, unexpected: false };
}

function unexpected(): MappedProblem {
  const errorId = randomUUID();
  return {
    problem: {
      type: problemType('internal'),
      title: 'Internal server error',
      status: 500,
      detail: `An unexpected error occurred. It was logged with id ${errorId}.`,
      code: 'internal',
      errorId,
    },
    headers: {},
    unexpected: true,
  };
}

function fromHttpException(error: HttpException): MappedProblem {
  const status = error.getStatus();
  if (status >= 500) {
    // A 5xx HttpException may carry internals in its message: log it, answer generically,
    // but keep its status (503 from a health check, 502 from an upstream).
    const mapped = unexpected();
    mapped.problem.status = status;
    mapped.problem.title = statusTitle(status);
    return mapped;
  }
  const cause = error.cause;
  // express.json() on a malformed body: SyntaxError with status 400 (mapped by Nest's adapter).
  if (status === 400 && cause instanceof SyntaxError) {
    return known({
      type: problemType('malformed_json'),
      title: 'Malformed JSON',
      status,
      detail: malformedJsonDetail(cause),
      code: 'malformed_json',
    });
  }
  const bodyProblem = bodyReadingProblem(status, cause);
  if (bodyProblem !== undefined) return known(bodyProblem);
  const code = codeForStatus(status);
  const headers: Record<string, string> = {};
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  return {
    problem: { type: problemType(code), title: statusTitle(status), status, detail: httpExceptionDetail(error), code },
    headers,
    unexpected: false,
  };
}

function httpExceptionDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  if (response !== null && typeof response === 'object' && 'message' in response) {
    const { message } = response as { message: unknown };
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
  }
  return error.message;
}

/**
 * The strict JSON parser refuses valid JSON that is not an object or array (`null`, `"text"`,
 * `42`) with the same SyntaxError as broken JSON; say which it was. body-parser keeps the raw body.
 */
function malformedJsonDetail(cause: SyntaxError): string {
  const body = (cause as { body?: unknown }).body;
  if (typeof body === 'string' && body.length <= 1_000) {
    try {
      const value: unknown = JSON.parse(body);
      return `The request body must be a JSON object, not ${value === null ? 'null' : typeof value}.`;
    } catch {
      // really malformed: the parser's message below
    }
  }
  const position = /position (\d+)/.exec(cause.message)?.[1];
  const endsEarly = /end of (JSON )?(input|data)/i.test(cause.message) || (position !== undefined && typeof body === 'string' && Number(position) >= body.length);
  if (endsEarly) return 'The request body is not valid JSON (it ends too early).';
  if (position !== undefined) return `The request body is not valid JSON (at character ${Number(position) + 1}).`;
  return 'The request body is not valid JSON.';
}

/**
 * body-parser's other refusals (its `type`, or a zlib error while inflating) in plain sentences
 * instead of the library's text ("request entity too large", "incorrect header check").
 */
function bodyReadingProblem(status: number, cause: unknown): ProblemDetails | undefined {
  if (cause === null || typeof cause !== 'object') return undefined;
  const { type, limit, encoding, charset, code, errno } = cause as Record<string, unknown>;
  const problem = (problemCode: string, detail: string): ProblemDetails => ({ type: problemType(problemCode), title: statusTitle(status), status, detail, code: problemCode });
  if (type === 'entity.too.large') {
    return problem('payload_too_large', `The request body is larger than ${typeof limit === 'number' ? byteSize(limit) : 'the limit'}.`);
  }
  if (type === 'encoding.unsupported') {
    return problem('unsupported_media_type', `The Content-Encoding ${JSON.stringify(encoding ?? '')} is not supported: send the body as is, or gzip, deflate or br.`);
  }
  if (type === 'charset.unsupported') {
    return problem('unsupported_media_type', `The charset ${JSON.stringify(charset ?? '')} is not supported: send the body in UTF-8.`);
  }
  if (type === 'request.size.invalid') return problem('bad_request', 'The request body is shorter or longer than its Content-Length says.');
  if (type === 'request.aborted') return problem('bad_request', 'The request body was not sent completely (the client aborted).');
  // zlib's errors carry a negative errno and a Z_… / ERR_… code: the body is not what Content-Encoding says
  if (status === 400 && typeof errno === 'number' && typeof code === 'string' && /^(Z_|ERR_)/.test(code)) {
    return problem('bad_request', 'The request body cannot be decompressed: it is not valid for its Content-Encoding (gzip, deflate or br).');
  }
  return undefined;
}

function byteSize(bytes: number): string {
  if (bytes % 1_048_576 === 0) return `${bytes / 1_048_576} MiB`;
  if (bytes % 1_024 === 0) return `${bytes / 1_024} KiB`;
  return `${bytes} bytes`;
}
