// The run's PostgreSQL (DATABASE_URL, a container or the embedded one) through the helpers.
import pg from 'pg';
import { createTestSchemaPool, testDatabaseUrl } from './index.js';

describe('the provisioned PostgreSQL', () => {
  it('accepts queries and returns bigint columns as bigint', async () => {
    const db = await createTestSchemaPool('testing_pg');
    try {
      await db.pool.query('CREATE TABLE wallet (agent_id text PRIMARY KEY, available_micros bigint NOT NULL)');
      await db.pool.query('INSERT INTO wallet VALUES ($1, $2), ($3, $4)', ['a1', 100_000_000n, 'a2', -9223372036854775808n]);

      const { rows } = await db.pool.query('SELECT agent_id, available_micros FROM wallet ORDER BY agent_id');
      expect(rows).toEqual([
        { agent_id: 'a1', available_micros: 100_000_000n },
        { agent_id: 'a2', available_micros: -9223372036854775808n },
      ]);
      const sum = await db.pool.query('SELECT sum(available_micros)::int8 AS total, count(*) AS n FROM wallet');
      expect(sum.rows[0]).toEqual({ total: -9223372036754775808n, n: 2n });
    } finally {
      await db.drop();
    }
  });

  it('gives each caller a schema of its own, dropped by drop()', async () => {
    const a = await createTestSchemaPool('iso');
    const b = await createTestSchemaPool('iso');
    try {
      expect(a.schema).not.toBe(b.schema);
      await a.pool.query('CREATE TABLE t (x int)');
      await expect(b.pool.query('SELECT * FROM t')).rejects.toThrow(/relation "t" does not exist/);

      // The URL variant carries the same search_path.
      const client = new pg.Client(a.url);
      await client.connect();
      try {
        expect((await client.query('SELECT current_schema() AS s')).rows[0]).toEqual({ s: a.schema });
      } finally {
        await client.end();
      }
    } finally {
      await a.drop();
      await b.drop();
      await a.drop(); // idempotent
    }
    const client = new pg.Client(testDatabaseUrl());
    await client.connect();
    try {
      const left = await client.query('SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)', [[a.schema, b.schema]]);
      expect(left.rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
