// The embedded PostgreSQL of the standalone app: data survives a stop/start with the same dir.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPool, startEmbeddedPostgres, type EmbeddedPostgres } from './index.js';

describe('startEmbeddedPostgres', () => {
  let dataDir: string;
  let server: EmbeddedPostgres | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'embedded-pg-spec-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const pool = createPool(url, { max: 1 });
    try {
      return (await pool.query(sql, params)).rows as T[];
    } finally {
      await pool.end();
    }
  }

  it('initialises a new data dir, creates the database, and keeps the data across a restart', async () => {
    server = await startEmbeddedPostgres({ dataDir, databaseName: 'billing_spec', user: 'billing', password: 'p@ss w/rd' });
    expect(server.initialised).toBe(true);
    expect(server.serverVersion).toMatch(/^18\./);
    expect(server.url).toMatch(/^postgres:\/\/billing:p%40ss%20w%2Frd@127\.0\.0\.1:\d+\/billing_spec$/);
    await query(server.url, 'CREATE TABLE ledger (id int4 PRIMARY KEY, amount_micros bigint NOT NULL)');
    await query(server.url, 'INSERT INTO ledger VALUES (1, $1)', [1234567890123456789n]);
    await server.stop();
    await server.stop(); // idempotent

    server = await startEmbeddedPostgres({ dataDir, databaseName: 'billing_spec', user: 'billing', password: 'p@ss w/rd' });
    expect(server.initialised).toBe(false);
    expect(await query(server.url, 'SELECT id, amount_micros FROM ledger')).toEqual([{ id: 1, amount_micros: 1234567890123456789n }]);
  });

  it('fails clearly when the data dir is already in use by a running server', async () => {
    if (!server) throw new Error('needs the server of the previous test');
    await expect(
      startEmbeddedPostgres({ dataDir, user: 'billing', password: 'p@ss w/rd', startTimeoutMs: 15_000 }),
    ).rejects.toThrow(/exited during start[\s\S]*lock file "postmaster.pid" already exists/);
    // The running one is unaffected.
    expect(await query(server.url, 'SELECT count(*) AS n FROM ledger')).toEqual([{ n: 1n }]);
  });

  it('refuses a non-empty directory that holds no cluster', async () => {
    const foreign = await mkdtemp(path.join(os.tmpdir(), 'embedded-pg-foreign-'));
    try {
      await writeFile(path.join(foreign, 'notes.txt'), 'not a cluster');
      await expect(startEmbeddedPostgres({ dataDir: foreign })).rejects.toThrow(/not empty and holds no PostgreSQL cluster/);
    } finally {
      await rm(foreign, { recursive: true, force: true });
    }
  });
});
