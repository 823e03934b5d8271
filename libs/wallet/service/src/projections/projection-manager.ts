// Projection versions and the zero-downtime rebuild (issue 4 §7). Exactly one version is active:
// the views point at its tables. `rebuild()` registers a new version: its tables are created
// beside the live ones and a runner fills them from the first event while the active version keeps
// serving; when the new version has reached the head, one transaction re-points the views and
// retires the old version, whose tables are dropped after a grace period. Every process running
// the wallet follows the registry (refresh), so a rebuild started by a CLI is finished by the app.
import { compareCheckpoints, START, type Checkpoint } from '@billing/event-store';
import type pg from 'pg';
import type { WalletDatabase } from '../infrastructure/wallet-database.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionTables } from './projection-tables.js';

/** Advisory-lock namespace of version changes ("WALP"). */
const VERSIONS_LOCK = 0x57_41_4c_50;
/** Old tables stay this long after a switch: a query that began before it may still read them. */
const DROP_AFTER_MS = 30_000;

export type ProjectionState = 'building' | 'active' | 'retired';

export interface ProjectionVersion {
  version: number;
  state: ProjectionState;
  /** `transactionId:position` the version has committed, from the database. */
  checkpoint: string;
}

export interface ProjectionManagerOptions {
  pollIntervalMs: number;
  /** how often the registry is re-read (other processes' rebuilds, drops). */
  refreshIntervalMs?: number;
  onError: (error: unknown, version: number) => void;
  /** after every batch any runner of this process committed (read-your-writes waiters look again). */
  onBatch?: () => void;
}

export class ProjectionManager {
  private readonly runners = new Map<number, ProjectionRunner>();
  /** versions seen building at the last refresh: their batches trigger a switch check. */
  private readonly building = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: WalletDatabase,
    private readonly options: ProjectionManagerOptions,
  ) {}

  async start(): Promise<void> {
    await this.ensureFirstVersion();
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch((error: unknown) => this.options.onError(error, 0)), this.options.refreshIntervalMs ?? 1_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.refreshing;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.runners.clear();
  }

  /** Registers a new version (or returns the one already building); its runner starts at once. */
  async rebuild(): Promise<number> {
    const version = await this.db.store.withTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VERSIONS_LOCK, this.db.schema]);
      const { rows } = await client.query<{ building: number | null; next: number }>(
        `SELECT max(version) FILTER (WHERE state = 'building') AS building, coalesce(max(version), 0) + 1 AS next FROM ${this.db.table('projection_versions')}`,
      );
      const row = rows[0]!;
      if (row.building !== null) return row.building;
      const tables = new ProjectionTables(this.db, row.next);
      for (const statement of tables.createStatements()) await client.query(statement);
      await client.query(`INSERT INTO ${this.db.table('projection_versions')} (version, state) VALUES ($1, 'building')`, [row.next]);
      return row.next;
    });
    await this.refresh();
    return version;
  }

  /** rebuild(), then wait until the new version serves the views. */
  async rebuildAndWait(timeoutMs = 120_000): Promise<number> {
    const version = await this.rebuild();
    await this.waitFor(async () => (await this.versions()).some((v) => v.version === version && v.state === 'active'), timeoutMs, `projection v${version} to become active`);
    return version;
  }

  /** Resolves when the active version has projected everything committed before the call. */
  async waitForCatchUp(timeoutMs = 10_000): Promise<void> {
    const head = await this.db.store.headCheckpoint();
    await this.waitFor(
      async () => {
        const active = await this.activeVersion();
        return compareCheckpoints(await this.db.store.checkpoints.load(new ProjectionTables(this.db, active).checkpointName), head) >= 0;
      },
      timeoutMs,
      'the projections to catch up',
    );
  }

  async versions(): Promise<ProjectionVersion[]> {
    const { rows } = await this.db.pool.query<{ version: number; state: ProjectionState; checkpoint: string | null }>(
      `SELECT v.version, v.state, c.transaction_id::text || ':' || c.position::text AS checkpoint
         FROM ${this.db.table('projection_versions')} v LEFT JOIN ${this.db.table('checkpoints')} c ON c.name = 'projection:v' || v.version
        ORDER BY v.version`,
    );
    return rows.map((row) => ({ version: row.version, state: row.state, checkpoint: row.checkpoint ?? '0:0' }));
  }

  async activeVersion(): Promise<number> {
    const active = (await this.versions()).find((v) => v.state === 'active');
    if (active === undefined) throw new Error('no active projection version (the wallet module has not started)');
    return active.version;
  }

  /** Re-reads the registry: runners for live versions, switch of caught-up ones, drops. */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshOnce().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    if (this.stopped) return;
    const versions = await this.versions();
    this.building.clear();
    for (const { version, state } of versions) if (state === 'building') this.building.add(version);
    for (const { version, state } of versions) {
      const runner = this.runners.get(version);
      if (state !== 'retired' && runner === undefined) await this.startRunner(version);
      if (state === 'retired' && runner !== undefined) {
        this.runners.delete(version);
        await runner.stop();
      }
    }
    for (const { version, state } of versions) if (state === 'building') await this.trySwitch(version);
    await this.dropRetired();
  }

  private async startRunner(version: number): Promise<void> {
    const runner = new ProjectionRunner(this.db, new ProjectionTables(this.db, version), {
      pollIntervalMs: this.options.pollIntervalMs,
      onError: (error) => this.options.onError(error, version),
      // a building version switches as soon as a batch brings it to the head
      afterBatch: async () => {
        this.options.onBatch?.();
        if (this.building.has(version)) void this.refresh().catch((error: unknown) => this.options.onError(error, version));
      },
    });
    this.runners.set(version, runner);
    await runner.start();
  }

  /**
   * Switches to a building version once it has projected at least as far as the active one. The
   * active version's checkpoint row is locked for the comparison, so the active projection cannot
   * move ahead in between: readers never see the views step back in time.
   */
  private async trySwitch(version: number): Promise<void> {
    await this.db.store.withTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VERSIONS_LOCK, this.db.schema]);
      const { rows } = await client.query<{ version: number; state: ProjectionState }>(
        `SELECT version, state FROM ${this.db.table('projection_versions')} WHERE state = 'active' OR version = $1`,
        [version],
      );
      const active = rows.find((row) => row.state === 'active');
      if (!rows.some((row) => row.version === version && row.state === 'building') || active === undefined) return;
      const activeCheckpoint = await lockedCheckpoint(client, this.db.table('checkpoints'), new ProjectionTables(this.db, active.version).checkpointName);
      const tables = new ProjectionTables(this.db, version);
      const buildingCheckpoint = await lockedCheckpoint(client, this.db.table('checkpoints'), tables.checkpointName);
      if (compareCheckpoints(buildingCheckpoint, activeCheckpoint) < 0) return;
      await client.query(`UPDATE ${this.db.table('projection_versions')} SET state = 'retired', retired_at = now() WHERE version = $1`, [active.version]);
      await client.query(`UPDATE ${this.db.table('projection_versions')} SET state = 'active', activated_at = now() WHERE version = $1`, [version]);
      for (const statement of tables.viewStatements()) await client.query(statement);
    });
  }

  private async dropRetired(): Promise<void> {
    const { rows } = await this.db.pool.query<{ version: number }>(
      `SELECT version FROM ${this.db.table('projection_versions')}
        WHERE state = 'retired' AND dropped_at IS NULL AND retired_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [DROP_AFTER_MS],
    );
    for (const { version } of rows) {
      const tables = new ProjectionTables(this.db, version);
      await this.db.store.withTransaction(async (client) => {
        for (const statement of tables.dropStatements()) await client.query(statement);
        await client.query(`DELETE FROM ${this.db.table('checkpoints')} WHERE name = $1`, [tables.checkpointName]);
        await client.query(`UPDATE ${this.db.table('projection_versions')} SET dropped_at = now() WHERE version = $1`, [version]);
      });
    }
  }

  private async ensureFirstVersion(): Promise<void> {
    await this.db.store.withTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VERSIONS_LOCK, this.db.schema]);
      const { rowCount } = await client.query(`SELECT 1 FROM ${this.db.table('projection_versions')} LIMIT 1`);
      if (rowCount === 1) return;
      const tables = new ProjectionTables(this.db, 1);
      for (const statement of tables.createStatements()) await client.query(statement);
      await client.query(`INSERT INTO ${this.db.table('projection_versions')} (version, state, activated_at) VALUES (1, 'active', now())`);
      for (const statement of tables.viewStatements()) await client.query(statement);
    });
  }

  private async waitFor(done: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** A projection's checkpoint, its row locked until the transaction ends (START when it has none). */
async function lockedCheckpoint(client: pg.ClientBase, table: string, name: string): Promise<Checkpoint> {
  const { rows } = await client.query<{ transaction_id: string; position: string }>(
    `SELECT transaction_id::text AS transaction_id, position::text AS position FROM ${table} WHERE name = $1 FOR UPDATE`,
    [name],
  );
  const row = rows[0];
  return row === undefined ? START : { transactionId: BigInt(row.transaction_id), position: BigInt(row.position) };
}
