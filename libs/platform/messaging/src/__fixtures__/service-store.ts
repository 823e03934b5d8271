// A throwaway "service" for integration tests: its own PostgreSQL schema with the event store,
// checkpoints, inbox and an `effects` table that records every effect a handler performs. The
// effects table has no unique key on purpose: a double effect must show up as two rows.
import pg from 'pg';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { PostgresEventStore } from '@billing/event-store';
import { runOnce } from '../run-once.js';
import type { ConsumeContext, IntegrationHandler } from '../bus.js';
import type { IntegrationEvent } from '@billing/contracts';

export interface TestService {
  schema: string;
  pool: pg.Pool;
  store: PostgresEventStore;
  /** how many times each event id had its effect. */
  effectCounts(): Promise<Map<string, number>>;
  /** the handler the consuming side should use: its effect is one `effects` row, once per event. */
  effectHandler(options?: EffectOptions): IntegrationHandler;
  drop(): Promise<void>;
}

export interface EffectOptions {
  /** called inside the transaction, after the effect row is written; throwing rolls it back. */
  afterEffect?: (event: IntegrationEvent, context: ConsumeContext) => Promise<void>;
  /** called after the transaction committed. */
  afterCommit?: (event: IntegrationEvent, context: ConsumeContext) => Promise<void>;
}

/** The consuming side's handler: one `effects` row per event, atomically with the inbox entry. */
export function effectHandler(store: PostgresEventStore, schema: string, options: EffectOptions = {}): IntegrationHandler {
  return async (event, context) => {
    await runOnce(store, context, async (client) => {
      await client.query(`INSERT INTO "${schema}".effects (message_id, consumer) VALUES ($1, $2)`, [
        context.messageId,
        context.consumer,
      ]);
      await options.afterEffect?.(event, context);
    });
    await options.afterCommit?.(event, context);
  };
}

export async function openTestService(prefix: string, poolSize = 6): Promise<TestService> {
  const schema = uniqueName(prefix);
  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: poolSize });
  const store = await PostgresEventStore.open({ pool, schema });
  await pool.query(`CREATE TABLE "${schema}".effects (id bigserial PRIMARY KEY, message_id text NOT NULL, consumer text NOT NULL)`);
  return {
    schema,
    pool,
    store,
    async effectCounts() {
      const result = await pool.query<{ message_id: string; n: string }>(
        `SELECT message_id, count(*)::text AS n FROM "${schema}".effects GROUP BY message_id`,
      );
      return new Map(result.rows.map((row) => [row.message_id, Number(row.n)]));
    },
    effectHandler: (options = {}) => effectHandler(store, schema, options),
    async drop() {
      await store.close();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
