// Every thrown value → a problem. Known client errors keep their message; anything unexpected
// becomes a 500 whose detail carries only an error id that is also in the log.
import { HttpException } from '@nestjs/common';
import { RejectedCommand } from '@billing/decider';
import { WrongExpectedVersionError } from '@billing/event-store';
import { MoneyFormatError } from '@billing/money';
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { codeForStatus, problemType, ProblemException, statusTitle, titleFromCode, type ProblemDetails } from './problem.js';
import { fieldErrorsFromIssues } from '../validation/issues.js';

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
    return known({
      type: problemType('invalid_money'),
      title: 'Invalid amount',
      status: 400,
      detail: error.message,
      code: 'invalid_money',
      ...(error.field === undefined ? {} : { errors: [{ path: `/${error.field}`, message: error.reason }] }),
    });
  }
  if (error instanceof ZodError) {
    return known({
      type: problemType('validation'),
      title: 'Invalid request',
      status: 400,
      detail: 'The request is invalid.',
      code: 'validation',
      errors: fieldErrorsFromIssues(error.issues),
    });
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
  return `The request body is not valid JSON: ${cause.message}`;
}
