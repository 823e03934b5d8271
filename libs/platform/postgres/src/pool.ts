// A pg.Pool with the project's defaults: bounded statements and connects, int8 as bigint, and
// an error listener so a connection dropped while idle (server restart, network) is logged and
// discarded by the pool instead of crashing the process with an unhandled 'error' event.
import pg from 'pg';
import { bigintTypes } from './pg-types.js';

export interface CreatePoolOptions {
  /** Maximum connections. Default 10. */
  max?: number;
  /** Shown in pg_stat_activity. Default `billing`. */
  applicationName?: string;
  /** Server-side statement_timeout. Default 30 000 ms; 0 disables it. */
  statementTimeoutMs?: number;
  /** Server-side idle_in_transaction_session_timeout. Default 60 000 ms; 0 disables it. */
  idleInTransactionTimeoutMs?: number;
  /** How long to wait for a new connection (or a free one when the pool is full). Default 10 000 ms. */
  connectionTimeoutMs?: number;
  /** An idle connection is closed after this long. Default 30 000 ms. */
  idleTimeoutMs?: number;
  /** PostgreSQL `search_path` for every connection (e.g. a test's own schema). */
  searchPath?: string;
  /** Where pool/idle-client errors go. Default: one line on stderr. */
  onError?: (error: Error) => void;
}

function defaultOnError(error: Error): void {
  console.error(`[postgres] idle connection error (the pool replaces it): ${error.message}`);
}

/** Quotes an identifier for PostgreSQL (`"name"` with embedded quotes doubled). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function createPool(url: string, options: CreatePoolOptions = {}): pg.Pool {
  const onError = options.onError ?? defaultOnError;
  const config: pg.PoolConfig = {
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'billing',
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    keepAlive: true,
    types: bigintTypes,
  };
  if (options.searchPath !== undefined) {
    // Sent in the startup packet, so it holds for every connection before any query runs.
    const schemas = options.searchPath.split(',').map((s) => s.trim()).filter(Boolean);
    config.options = `-c search_path=${schemas.map((s) => quoteIdentifier(s).replace(/ /g, '\\ ')).join(',')}`;
  }
  const pool = new pg.Pool(config);
  // Every client gets a permanent 'error' listener: without one, a connection that drops while
  // checked out would crash the process (the query in flight rejects on its own). Errors on idle
  // clients are also re-emitted by the pool, which has already discarded the client; the client
  // listener has reported them, so the pool listener only keeps the emitter from throwing.
  // After pool.end() the server may still close a connection first (e.g. a shutdown right
  // after end() resolved): expected, so not reported.
  pool.on('connect', (client) => {
    client.on('error', (error: Error) => {
      if (!pool.ending) onError(error);
    });
  });
  pool.on('error', () => undefined);
  return pool;
}
