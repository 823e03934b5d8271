// Named positions in the global log (the relay's, each projection's), in the service's schema,
// so a projection can save its checkpoint in the same transaction as its read-model writes.
import type pg from 'pg';
import { START, type Checkpoint, type CheckpointStore } from '../port.js';
import { checkpointParams } from './rows.js';
import { schemaNames, type SchemaNames } from './schema-names.js';

const MAX_NAME_LENGTH = 200;

function assertName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) throw new Error(`checkpoint name must be 1..${MAX_NAME_LENGTH} characters`);
}

export class PostgresCheckpointStore implements CheckpointStore<pg.ClientBase> {
  private readonly names: SchemaNames;

  /** The schema must have been migrated (PostgresEventStore.open does it). */
  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.names = schemaNames(schema);
  }

  /** The saved checkpoint, or START when the name was never saved. */
  async load(name: string, client?: pg.ClientBase): Promise<Checkpoint> {
    assertName(name);
    const result = await (client ?? this.pool).query<{ transaction_id: string; position: string }>(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM ${this.names.checkpoints} WHERE name = $1`,
      [name],
    );
    const row = result.rows[0];
    return row ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) } : START;
  }

  /**
   * Upserts. Unconditional on purpose: a rebuild moves a checkpoint back (or call reset). Pass the
   * transaction's client to commit the position together with the work it covers.
   */
  async save(name: string, checkpoint: Checkpoint, client?: pg.ClientBase): Promise<void> {
    assertName(name);
    const [transactionId, position] = checkpointParams(checkpoint);
    await (client ?? this.pool).query(
      `INSERT INTO ${this.names.checkpoints} (name, transaction_id, position) VALUES ($1, $2::xid8, $3::bigint)
       ON CONFLICT (name) DO UPDATE SET transaction_id = excluded.transaction_id, position = excluded.position, updated_at = now()`,
      [name, transactionId, position],
    );
  }

  /** Forgets a checkpoint (the next load gives START): a projection rebuild. */
  async reset(name: string, client?: pg.ClientBase): Promise<void> {
    assertName(name);
    await (client ?? this.pool).query(`DELETE FROM ${this.names.checkpoints} WHERE name = $1`, [name]);
  }
}
