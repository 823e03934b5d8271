// Idempotency keys in PostgreSQL (table `<schema>.idempotency_keys`, primary key (subject, key)).
// Insert-first: the request whose INSERT wins executes; the others find the row and either replay
// the stored response, refuse a different body (422) or wait while it is still in progress. The
// executor renews a lease while it runs; a claim whose lease ran out (its process died) can be
// taken over by a retry of the *same* request.
import { COMMIT_WITHOUT_FLUSH } from '@billing/event-store';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { GATEWAY_OPTIONS, PG_POOL, type ResolvedGatewayOptions } from '../gateway.tokens.js';

/**
 * Joined into the claim and the completion so that their own (autocommit) transactions commit
 * without waiting for the WAL flush. Safe: the handler's effect commits durably after the claim,
 * and flushing its commit flushes the claim's WAL before it; a completion lost in a crash leaves a
 * claim whose lease runs out, and the retry re-runs a handler that is idempotent by its command
 * id (derived from the key) — exactly what a crash between effect and completion always did.
 */
const ASYNC_COMMIT = `(SELECT ${COMMIT_WITHOUT_FLUSH}) AS async_commit`;

export interface StoredResponse {
  statusCode: number;
  contentType: string;
  /** the serialized body; null for an empty one. */
  body: string | null;
}

export interface IdempotentRequest {
  subject: string;
  key: string;
  requestHash: string;
  method: string;
  path: string;
}

export type BeginResult =
  | { kind: 'execute'; ownerToken: string }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

@Injectable()
export class IdempotencyStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private readonly table: string;
  private cleanupTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(GATEWAY_OPTIONS) private readonly options: ResolvedGatewayOptions,
  ) {
    this.table = `${options.schema}.idempotency_keys`;
  }

  onModuleInit(): void {
    const every = this.options.idempotency.cleanupIntervalMs;
    if (every > 0) {
      this.cleanupTimer = setInterval(() => {
        this.deleteExpired().catch((error: unknown) => this.logger.warn(`cleanup failed: ${String(error)}`));
      }, every);
      this.cleanupTimer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.cleanupTimer !== undefined) clearInterval(this.cleanupTimer);
  }

  async begin(request: IdempotentRequest): Promise<BeginResult> {
    const ownerToken = randomUUID();
    const leaseMs = this.options.idempotency.leaseMs;
    const claimed = await this.pool.query(
      `INSERT INTO ${this.table} AS k (subject, key, request_hash, method, path, state, owner_token, lease_until)
       SELECT $1, $2, $3, $4, $5, 'in_progress', $6, now() + make_interval(secs => $7::double precision / 1000) FROM ${ASYNC_COMMIT}
       ON CONFLICT (subject, key) DO UPDATE
         SET owner_token = EXCLUDED.owner_token, lease_until = EXCLUDED.lease_until
         WHERE k.state = 'in_progress' AND k.lease_until < now() AND k.request_hash = EXCLUDED.request_hash
       RETURNING 1`,
      [request.subject, request.key, request.requestHash, request.method, request.path, ownerToken, leaseMs],
    );
    if (claimed.rowCount === 1) return { kind: 'execute', ownerToken };

    const { rows } = await this.pool.query<{ request_hash: string; state: string; status_code: number | null; content_type: string | null; response_body: string | null }>(
      `SELECT request_hash, state, status_code, content_type, response_body FROM ${this.table} WHERE subject = $1 AND key = $2`,
      [request.subject, request.key],
    );
    const row = rows[0];
    if (row === undefined) return this.begin(request); // abandoned in between: try to claim it again
    if (row.request_hash !== request.requestHash) return { kind: 'mismatch' };
    if (row.state === 'in_progress') return { kind: 'in-progress' };
    return { kind: 'replay', response: { statusCode: row.status_code!, contentType: row.content_type!, body: row.response_body } };
  }

  /** Records the response of the request that owns the claim. */
  async complete(request: IdempotentRequest, ownerToken: string, response: StoredResponse): Promise<void> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.table} SET state = 'completed', status_code = $4, content_type = $5, response_body = $6, completed_at = now()
       FROM ${ASYNC_COMMIT} WHERE subject = $1 AND key = $2 AND owner_token = $3 AND state = 'in_progress'`,
      [request.subject, request.key, ownerToken, response.statusCode, response.contentType, response.body],
    );
    if (rowCount !== 1) this.logger.warn(`idempotency key ${request.subject}/${request.key}: claim lost before completion`);
  }

  /** Releases the claim without a response (nothing was done, or it may be retried). */
  async abandon(request: IdempotentRequest, ownerToken: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE subject = $1 AND key = $2 AND owner_token = $3 AND state = 'in_progress'`, [
      request.subject,
      request.key,
      ownerToken,
    ]);
  }

  async renewLease(request: IdempotentRequest, ownerToken: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET lease_until = now() + make_interval(secs => $4::double precision / 1000)
       WHERE subject = $1 AND key = $2 AND owner_token = $3 AND state = 'in_progress'`,
      [request.subject, request.key, ownerToken, this.options.idempotency.leaseMs],
    );
  }

  /** Deletes keys older than the retention (in batches); returns how many. */
  async deleteExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const { rowCount } = await this.pool.query(
        `DELETE FROM ${this.table} WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM ${this.table}
           WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)
             AND (state = 'completed' OR lease_until < now())
           LIMIT 5000))`,
        [this.options.idempotency.retentionMs],
      );
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < 5000) return total;
    }
  }
}
