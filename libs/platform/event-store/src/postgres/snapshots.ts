// Snapshots: the folded state of a stream up to a version, so loads read only what came after.
// One row per stream. A save only moves forward: a higher version of the same schema, or any
// version of a newer schema (new code replaces old-shape state); an older or equal one is ignored,
// so a slow writer can never put an outdated snapshot over a newer one.
import type pg from 'pg';
import { decodeJson, encodeJson } from '../json-codec.js';
import type { Snapshot } from '../port.js';
import { assertSnapshot, assertStreamId } from '../validation.js';
import type { SchemaNames } from './schema-names.js';

export async function saveSnapshot(db: pg.Pool | pg.ClientBase, n: SchemaNames, snapshot: Snapshot): Promise<void> {
  assertSnapshot(snapshot);
  await db.query(
    `INSERT INTO ${n.snapshots} AS s (stream_id, version, schema_version, state) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (stream_id) DO UPDATE
       SET version = excluded.version, schema_version = excluded.schema_version, state = excluded.state, saved_at = now()
       WHERE excluded.schema_version > s.schema_version
          OR (excluded.schema_version = s.schema_version AND excluded.version > s.version)`,
    [snapshot.streamId, snapshot.version, snapshot.schemaVersion, encodeJson(snapshot.state)],
  );
}

export async function loadSnapshot<State>(db: pg.Pool | pg.ClientBase, n: SchemaNames, streamId: string, schemaVersion: number): Promise<Snapshot<State> | undefined> {
  assertStreamId(streamId);
  const result = await db.query<{ version: number; state: string }>(
    `SELECT version, state::text AS state FROM ${n.snapshots} WHERE stream_id = $1 AND schema_version = $2`,
    [streamId, schemaVersion],
  );
  const row = result.rows[0];
  return row ? { streamId, version: row.version, schemaVersion, state: decodeJson<State>(row.state) } : undefined;
}
