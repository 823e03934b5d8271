// Test helper: a pool on the run's PostgreSQL and a store on a fresh schema, dropped afterwards.
import pg from 'pg';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import type { ContractHarness } from '../contract/fixtures.js';
import { PostgresEventStore } from './postgres-event-store.js';

export interface TestStore extends ContractHarness {
  store: PostgresEventStore;
  pool: pg.Pool;
  schema: string;
}

/** Enough connections that 20 concurrent appenders really run concurrently. */
const TEST_POOL_SIZE = 30;

export async function openTestStore(prefix = 'es'): Promise<TestStore> {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: TEST_POOL_SIZE });
  pool.on('error', (error) => console.error('[test pool] idle client error:', error.message));
  const schema = uniqueName(prefix);
  const store = await PostgresEventStore.open({ pool, schema });
  return {
    store,
    pool,
    schema,
    headCheckpoint: () => store.headCheckpoint(),
    async teardown() {
      try {
        await store.close();
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
