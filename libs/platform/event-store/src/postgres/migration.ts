// The store's tables (docs/ARCHITECTURE.md, Event store) and the append function, created idempotently at open. Concurrent
// opens (several instances of a service starting together) are serialised by a transaction-scoped
// advisory lock, because CREATE SCHEMA/TABLE IF NOT EXISTS can still collide on the catalog otherwise.
import type pg from 'pg';
import { APPEND_FUNCTION_ARGS, appendFunctionBody, createAppendFunction } from './append-function.js';
import { CONSTRAINT } from './pg-errors.js';
import type { SchemaNames } from './schema-names.js';
import { withTransaction } from './transaction.js';

/** Advisory-lock namespace of this migration (first key of the two-int lock). */
const MIGRATION_LOCK_NAMESPACE = 0x45_53_54_31; // "EST1"

function tableStatements(n: SchemaNames): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS "${n.schema}"`,
    // transaction_id orders the global log (gap-safe readAll); global_position only breaks ties
    // inside one transaction. Never compare global_position alone across transactions.
    `CREATE TABLE IF NOT EXISTS ${n.events} (
       global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
       stream_id text NOT NULL,
       stream_version integer NOT NULL CHECK (stream_version >= 0),
       event_id uuid NOT NULL,
       type text NOT NULL,
       data jsonb NOT NULL,
       metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
       recorded_at timestamptz NOT NULL DEFAULT now(),
       CONSTRAINT ${CONSTRAINT.EVENT_ID} UNIQUE (event_id),
       CONSTRAINT ${CONSTRAINT.STREAM_VERSION} UNIQUE (stream_id, stream_version)
     )`,
    `CREATE INDEX IF NOT EXISTS events_transaction_order ON ${n.events} (transaction_id, global_position)`,
    // One row per stream, locked FOR UPDATE by every append: the expected-version check. -1 = a
    // row created by an append that then wrote nothing (same meaning as no row: empty stream).
    `CREATE TABLE IF NOT EXISTS ${n.streams} (
       stream_id text PRIMARY KEY,
       version integer NOT NULL CHECK (version >= -1)
     )`,
    `CREATE TABLE IF NOT EXISTS ${n.snapshots} (
       stream_id text PRIMARY KEY,
       version integer NOT NULL CHECK (version >= 0),
       schema_version integer NOT NULL,
       state jsonb NOT NULL,
       saved_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE IF NOT EXISTS ${n.checkpoints} (
       name text PRIMARY KEY,
       transaction_id xid8 NOT NULL,
       position bigint NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE IF NOT EXISTS ${n.inbox} (
       consumer text NOT NULL,
       message_id text NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer, message_id)
     )`,
    // Append-only is the database's rule, not only the code's: UPDATE and DELETE are refused per
    // row, TRUNCATE (which fires no row triggers) per statement.
    `CREATE OR REPLACE FUNCTION ${n.refuseChange}() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       RAISE EXCEPTION 'events are append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
         USING HINT = 'correct a mistake with a compensating event';
     END
     $fn$`,
  ];
}

/** Trigger name → its CREATE statement; created only when missing (no table lock at every open). */
function triggerStatements(n: SchemaNames): Record<string, string> {
  return {
    events_append_only_rows: `CREATE TRIGGER events_append_only_rows BEFORE UPDATE OR DELETE ON ${n.events}
       FOR EACH ROW EXECUTE FUNCTION ${n.refuseChange}()`,
    events_append_only_truncate: `CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON ${n.events}
       FOR EACH STATEMENT EXECUTE FUNCTION ${n.refuseChange}()`,
  };
}

/**
 * Creates the append function on a new schema or on one made by an earlier version, and replaces
 * it only when its body differs: an unchanged open writes nothing to the catalog, so it does not
 * invalidate the plans that running appenders of other instances have cached.
 */
async function installAppendFunction(client: pg.ClientBase, names: SchemaNames): Promise<void> {
  const installed = await client.query<{ body: string | null }>(
    'SELECT (SELECT prosrc FROM pg_proc WHERE oid = to_regprocedure($1)) AS body',
    [`${names.appendFunction}(${APPEND_FUNCTION_ARGS})`],
  );
  if (installed.rows[0]?.body !== appendFunctionBody(names)) await client.query(createAppendFunction(names));
}

export async function migrate(pool: pg.Pool, names: SchemaNames): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK_NAMESPACE, names.schema]);
    for (const statement of tableStatements(names)) await client.query(statement);
    const existing = await client.query<{ tgname: string }>(
      'SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal',
      [names.events],
    );
    const present = new Set(existing.rows.map((row) => row.tgname));
    for (const [name, statement] of Object.entries(triggerStatements(names))) {
      if (!present.has(name)) await client.query(statement);
    }
    await installAppendFunction(client, names);
  });
}
