// Names of one store's objects. A service owns one schema; every identifier is validated here
// once and then only ever interpolated pre-quoted (no SQL built from unchecked input).

/** Lowercase identifier, short enough that `<schema>_events` stays a valid 63-byte channel name. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

export interface SchemaNames {
  schema: string;
  events: string;
  streams: string;
  snapshots: string;
  checkpoints: string;
  inbox: string;
  /** the function the append-only triggers call */
  refuseChange: string;
  /** the plpgsql function every append calls (append-function.ts); the suffix is its version */
  appendFunction: string;
  /** LISTEN/NOTIFY channel, woken after every append transaction that wrote */
  channel: string;
  /** names of this store's prepared statements (unique per schema: a pool may serve several stores) */
  statements: { append: string; notify: string };
}

export function schemaNames(schema: string): SchemaNames {
  if (!SCHEMA_NAME.test(schema) || schema.startsWith('pg_')) {
    throw new Error(`invalid schema name "${schema}": use 1-50 of [a-z0-9_], not starting with a digit or pg_`);
  }
  const quoted = `"${schema}"`;
  return {
    schema,
    events: `${quoted}.events`,
    streams: `${quoted}.streams`,
    snapshots: `${quoted}.snapshots`,
    checkpoints: `${quoted}.checkpoints`,
    inbox: `${quoted}.inbox`,
    refuseChange: `${quoted}.refuse_event_change`,
    appendFunction: `${quoted}.append_events_v1`,
    channel: `${schema}_events`,
    // at most 13 + 50 characters: within PostgreSQL's 63
    statements: { append: `es_append_v1_${schema}`, notify: `es_notify_v1_${schema}` },
  };
}
