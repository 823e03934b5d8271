// Applies @Idempotent(): claims (caller, key) in PostgreSQL before the handler runs, stores the
// response after, replays it for a retry. Registered globally; routes without the metadata pass.
import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RejectedCommand } from '@billing/decider';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { principalKey } from '../auth/principal.js';
import { GATEWAY_OPTIONS, type ResolvedGatewayOptions } from '../gateway.tokens.js';
import type { HttpRequest, HttpResponse } from '../http-types.js';
import { PROBLEM_CONTENT_TYPE, ProblemException, type ProblemDetails } from '../problem/problem.js';
import { toProblem } from '../problem/to-problem.js';
import { IdempotencyStore, type IdempotentRequest, type StoredResponse } from './idempotency.store.js';
import { IDEMPOTENCY_HEADER, IDEMPOTENT_METADATA, MAX_IDEMPOTENCY_KEY_LENGTH, type IdempotentOptions } from './idempotent.decorator.js';

const KEY_PATTERN = new RegExp(`^[\\x20-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`);
export const REPLAYED_HEADER = 'Idempotent-Replayed';

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    @Inject(GATEWAY_OPTIONS) private readonly options: ResolvedGatewayOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<Required<IdempotentOptions> | undefined>(IDEMPOTENT_METADATA, context.getHandler());
    if (meta === undefined || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();

    const key = request.header(IDEMPOTENCY_HEADER);
    if (key === undefined) {
      if (meta.required) throw new ProblemException(400, 'idempotency_key_required', `This operation needs an ${IDEMPOTENCY_HEADER} header.`);
      return next.handle();
    }
    if (!KEY_PATTERN.test(key) || key.trim() === '') {
      throw new ProblemException(400, 'invalid_idempotency_key', `${IDEMPOTENCY_HEADER} must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters.`);
    }
    if (request.user === undefined) throw new Error('@Idempotent() needs an authenticated route: keys are scoped per caller');

    const subject = principalKey(request.user);
    request.idempotency = { key, scopedKey: `${subject}:${key}` };
    const idempotent: IdempotentRequest = {
      subject,
      key,
      requestHash: requestHash(request),
      method: request.method,
      path: request.originalUrl,
    };
    return from(this.run(idempotent, response, next));
  }

  private async run(request: IdempotentRequest, response: HttpResponse, next: CallHandler): Promise<unknown> {
    const deadline = Date.now() + this.options.idempotency.waitTimeoutMs;
    let pauseMs = 20;
    for (;;) {
      const begun = await this.store.begin(request);
      switch (begun.kind) {
        case 'execute':
          return this.execute(request, begun.ownerToken, response, next);
        case 'replay':
          return replay(begun.response, response);
        case 'mismatch':
          throw new ProblemException(
            422,
            'idempotency_key_reused',
            `This ${IDEMPOTENCY_HEADER} was already used for a different request (another body or path); use a new key for a new operation.`,
          );
        case 'in-progress': {
          const left = deadline - Date.now();
          if (left <= 0) {
            throw new ProblemException(409, 'idempotency_key_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly.', {
              headers: { 'Retry-After': '1' },
            });
          }
          await sleep(Math.min(pauseMs, left));
          pauseMs = Math.min(pauseMs * 2, 250);
        }
      }
    }
  }

  private async execute(request: IdempotentRequest, ownerToken: string, response: HttpResponse, next: CallHandler): Promise<unknown> {
    const leaseMs = this.options.idempotency.leaseMs;
    const renew = setInterval(() => {
      this.store.renewLease(request, ownerToken).catch((error: unknown) => this.logger.warn(`lease renewal failed: ${String(error)}`));
    }, Math.max(100, Math.floor(leaseMs / 3)));
    renew.unref();
    try {
      let body: unknown;
      try {
        body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      } catch (error) {
        const { problem } = toProblem(error);
        if (isFinalOutcome(error, problem.status)) {
          const { instance: _instance, ...stored } = problem;
          await this.record(request, ownerToken, { statusCode: problem.status, contentType: PROBLEM_CONTENT_TYPE, body: JSON.stringify(stored) });
        } else {
          await this.store.abandon(request, ownerToken).catch((e: unknown) => this.logger.warn(`abandon failed: ${String(e)}`));
        }
        throw error;
      }
      await this.record(request, ownerToken, {
        statusCode: response.statusCode,
        contentType: 'application/json',
        body: body === undefined ? null : JSON.stringify(body),
      });
      return body;
    } finally {
      clearInterval(renew);
    }
  }

  /** The handler ran: its outcome must be stored, or a retry after the lease would run it again. */
  private async record(request: IdempotentRequest, ownerToken: string, stored: StoredResponse): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.store.complete(request, ownerToken, stored);
        return;
      } catch (error) {
        if (attempt >= 3) {
          this.logger.error(`could not store the response for ${request.subject}/${request.key}: ${String(error)}`);
          return;
        }
        await sleep(100 * attempt);
      }
    }
  }
}

/**
 * Which failures are the outcome of an executed command (stored and replayed) rather than "not
 * decided, try again" (claim released, a retry with the same key executes): only a refusal a
 * command's rules decided (a RejectedCommand with `decided`) with a 4xx that says something about
 * the request itself (403, 409, 422, …). Never a 404 — the entity may be one another service has
 * just accepted and this one has not learnt yet —, 408/425/429 or any 5xx, and no refusal raised
 * before or beside the decision (validation 400, auth 401/403, a concurrency conflict 409, the
 * checks and policies that throw `decided: false`, e.g. 422 rate_sheet_not_found, an agent's 403
 * rate_sheet_not_allowed): nothing was changed, so running the request again is both safe and
 * what the client wants.
 */
export function isFinalOutcome(error: unknown, status: number): boolean {
  if (!(error instanceof RejectedCommand) || !error.decided) return false;
  return status >= 400 && status < 500 && !NOT_YET_KNOWN_OR_TRANSIENT.has(status);
}

const NOT_YET_KNOWN_OR_TRANSIENT = new Set([404, 408, 425, 429]);

function replay(stored: StoredResponse, response: HttpResponse): unknown {
  response.setHeader(REPLAYED_HEADER, 'true');
  if (stored.contentType === PROBLEM_CONTENT_TYPE && stored.body !== null) {
    throw ProblemException.replay(JSON.parse(stored.body) as ProblemDetails);
  }
  response.status(stored.statusCode);
  return stored.body === null ? undefined : markRepeated(JSON.parse(stored.body) as unknown);
}

/**
 * A body that says whether it answers a repeat was stored as the first answer said it (`false`);
 * replayed, it is a repeat, as Idempotent-Replayed says: `repeated` (the wallet's commands), and
 * `duplicate` of a recorded CDR (rating's /switch/cdrs: one outcome, or a batch's `results`, whose
 * `counts` then count those CDRs as duplicates). A CDR that was not recorded (invalid, conflict,
 * rejected) stays as it was: a replay records it no more than the first answer did.
 */
export function markRepeated(body: unknown): unknown {
  if (!isRecord(body)) return body;
  if (typeof body.repeated === 'boolean') return { ...body, repeated: true };
  if (isRecordedCdr(body)) return { ...body, duplicate: true };
  if (Array.isArray(body.results) && isRecord(body.counts) && body.results.some(isRecordedCdr)) {
    const results = body.results.map((result: unknown) => (isRecordedCdr(result) ? { ...(result as Record<string, unknown>), duplicate: true } : result));
    const counts: Record<string, number> = {};
    for (const result of results) {
      const key = isRecord(result) && result.duplicate === true ? 'duplicate' : String(isRecord(result) ? result.status : '');
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { ...body, results, counts };
  }
  return body;
}

const RECORDED_CDR_STATUSES = new Set(['rated', 'unrated', 'unanswered']);

function isRecordedCdr(value: unknown): boolean {
  return isRecord(value) && typeof value.duplicate === 'boolean' && typeof value.status === 'string' && RECORDED_CDR_STATUSES.has(value.status);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** SHA-256 of method, path with query and the body as canonical JSON (key order does not matter). */
export function requestHash(request: Pick<HttpRequest, 'method' | 'originalUrl' | 'body'>): string {
  return createHash('sha256')
    .update(`${request.method}\n${request.originalUrl}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
