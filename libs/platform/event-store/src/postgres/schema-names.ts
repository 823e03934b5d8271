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
  /** LISTEN/NOTIFY channel, woken by every append transaction */
  channel: string;
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
    channel: `${schema}_events`,
  };
}
