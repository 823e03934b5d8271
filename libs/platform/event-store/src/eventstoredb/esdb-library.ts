// @eventstore/db-client is loaded only when an EventStoreDB store is opened: importing
// @billing/event-store must not pull gRPC into every PostgreSQL-only process.
import type * as Esdb from '@eventstore/db-client';

export type EsdbLibrary = typeof Esdb;
export type EsdbClient = Esdb.EventStoreDBClient;

export async function loadEsdbLibrary(): Promise<EsdbLibrary> {
  const loaded = (await import('@eventstore/db-client')) as unknown as EsdbLibrary & { default?: EsdbLibrary };
  // A CommonJS package seen from ESM: named exports, or everything under `default`.
  const library = typeof loaded.EventStoreDBClient === 'function' ? loaded : loaded.default;
  if (library === undefined || typeof library.EventStoreDBClient !== 'function') throw new Error('@eventstore/db-client did not load');
  return library;
}

/** The client's error kind (`error.type`), compared as plain strings so no class identity is needed. */
export function esdbErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

export const ESDB_ERROR = {
  WRONG_EXPECTED_VERSION: 'wrong-expected-version',
  STREAM_NOT_FOUND: 'stream-not-found',
} as const;
