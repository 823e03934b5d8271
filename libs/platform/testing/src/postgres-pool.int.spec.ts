// @billing/postgres' createPool against the run's PostgreSQL: int8 as bigint, the project's timeouts, no crash on a
// dropped connection. (It lives here, not in libs/platform/postgres: a postgres spec importing @billing/testing would be a dependency cycle.)
import { createPool } from '@billing/postgres';
import { createTestSchemaPool, type TestSchemaPool } from './schema.js';
import { testDatabaseUrl } from './names.js';

describe('createPool', () => {
  let db: TestSchemaPool;

  beforeAll(async () => {
    db = await createTestSchemaPool('postgres_pool');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('returns bigint columns as JS bigint, never number', async () => {
    await db.pool.query('CREATE TABLE balances (id int4 PRIMARY KEY, amount_micros bigint NOT NULL, history bigint[])');
    await db.pool.query('INSERT INTO balances VALUES ($1, $2, $3)', [1, 9007199254740993n, [1n, -2n]]);

    const { rows } = await db.pool.query('SELECT id, amount_micros, history, count(*) OVER () AS n FROM balances');

    expect(rows).toEqual([{ id: 1, amount_micros: 9007199254740993n, history: [1n, -2n], n: 1n }]);
    expect(typeof rows[0].amount_micros).toBe('bigint');
  });

  it('uses the schema of its own (search_path) and reports the application name', async () => {
    const { rows } = await db.pool.query('SELECT current_schema() AS schema, current_setting($1) AS app', ['application_name']);
    expect(rows[0]).toEqual({ schema: db.schema, app: `test:${db.schema}` });
  });

  it('bounds statements with statement_timeout', async () => {
    const pool = createPool(testDatabaseUrl(), { max: 1, statementTimeoutMs: 200 });
    try {
      await expect(pool.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    } finally {
      await pool.end();
    }
  });

  it('survives a connection killed by the server (idle and checked out)', async () => {
    const errors: Error[] = [];
    const pool = createPool(testDatabaseUrl(), { max: 2, onError: (e) => errors.push(e) });
    const admin = createPool(testDatabaseUrl(), { max: 1 });
    try {
      const idle = await pool.connect();
      const { rows } = await idle.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      idle.release();
      const busy = await pool.connect();
      const busyPid = (await busy.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;

      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int4[]) AS pid', [[rows[0]?.pid, busyPid]]);
      await new Promise((resolve) => setTimeout(resolve, 200));

      await expect(busy.query('SELECT 1')).rejects.toThrow();
      busy.release(true);
      expect(errors.length).toBeGreaterThanOrEqual(1);
      // The pool hands out a fresh connection afterwards.
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
      await admin.end();
    }
  });
});
