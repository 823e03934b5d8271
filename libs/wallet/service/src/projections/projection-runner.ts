// Keeps one projection version up to date: a subscription to the wallet's event store whose every
// batch is written in ONE transaction together with the version's checkpoint. The checkpoint row
// is locked first and events at or before it are skipped, so two processes projecting the same
// version (the app and a rebuild CLI) never apply an event twice.
import { compareCheckpoints, START, type Checkpoint, type RecordedEvent, type Subscription } from '@billing/event-store';
import type pg from 'pg';
import type { WalletDatabase } from '../infrastructure/wallet-database.js';
import { ProjectionChanges } from './projection-changes.js';
import type { ProjectionTables } from './projection-tables.js';
import { writeChanges } from './projection-writer.js';

export interface RunnerOptions {
  pollIntervalMs: number;
  batchSize?: number;
  onError: (error: unknown) => void;
  /** after every committed batch (the manager checks whether a building version caught up). */
  afterBatch?: () => Promise<void>;
}

export class ProjectionRunner {
  private subscription: Subscription | undefined;
  private position: Checkpoint = START;

  constructor(
    private readonly db: WalletDatabase,
    readonly tables: ProjectionTables,
    private readonly options: RunnerOptions,
  ) {}

  /** The position the projection has committed (in this process). */
  get checkpoint(): Checkpoint {
    return this.position;
  }

  async start(): Promise<void> {
    this.position = await this.db.store.checkpoints.load(this.tables.checkpointName);
    this.subscription = this.db.store.subscribe({
      from: this.position,
      batchSize: this.options.batchSize ?? 1_000,
      pollIntervalMs: this.options.pollIntervalMs,
      retryDelayMs: 50,
      maxRetryDelayMs: 5_000,
      handler: (events, checkpoint) => this.apply(events, checkpoint),
      onError: this.options.onError,
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private async apply(events: RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    const committed = await this.db.store.withTransaction(async (client) => {
      const current = await this.lockCheckpoint(client);
      if (compareCheckpoints(checkpoint, current) <= 0) return current;
      const fresh = events.filter((event) => compareCheckpoints(event.checkpoint, current) > 0);
      await writeChanges(client, this.tables, ProjectionChanges.of(fresh));
      await this.db.store.checkpoints.save(this.tables.checkpointName, checkpoint, client);
      return checkpoint;
    });
    this.position = committed;
    await this.options.afterBatch?.();
  }

  private async lockCheckpoint(client: pg.ClientBase): Promise<Checkpoint> {
    const table = this.db.table('checkpoints');
    await client.query(`INSERT INTO ${table} (name, transaction_id, position) VALUES ($1, '0'::xid8, 0) ON CONFLICT (name) DO NOTHING`, [this.tables.checkpointName]);
    const { rows } = await client.query<{ transaction_id: string; position: string }>(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM ${table} WHERE name = $1 FOR UPDATE`,
      [this.tables.checkpointName],
    );
    const row = rows[0]!;
    return { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) };
  }
}
