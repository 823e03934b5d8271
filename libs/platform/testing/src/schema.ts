// A schema of its own per test file on the run's PostgreSQL (DEVELOPING: tests isolate themselves).
import { createPool, quoteIdentifier } from '@billing/postgres';
import pg from 'pg';
import { testDatabaseUrl, uniqueName } from './names.js';

export interface TestSchemaPool {
  /** A pool (createPool defaults: int8 as bigint) whose search_path is the schema. */
  pool: pg.Pool;
  /** The schema's name, e.g. `wallet_3f9a1c2b7e`. */
  schema: string;
  /** A connection string with the same search_path, for code that takes a URL. */
  url: string;
  /** Ends the pool and drops the schema with everything in it. Idempotent. */
  drop(): Promise<void>;
}

export async function createTestSchemaPool(prefix: string, options: { max?: number } = {}): Promise<TestSchemaPool> {
  const baseUrl = testDatabaseUrl();
  const schema = uniqueName(prefix);
  await withClient(baseUrl, (c) => c.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`));
  const pool = createPool(baseUrl, { max: options.max ?? 5, applicationName: `test:${schema}`, searchPath: schema });
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  let dropped: Promise<void> | undefined;
  const drop = (): Promise<void> =>
    (dropped ??= (async () => {
      await pool.end().catch(() => undefined);
      await withClient(baseUrl, (c) => c.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`));
    })());
  return { pool, schema, url: url.toString(), drop };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
