import { PostgresEventStore } from '@billing/event-store';
import { createPool, startEmbeddedPostgres } from '@billing/postgres';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { callsRated } from '../payload.js';

const dir = await mkdtemp(path.join(os.tmpdir(), 'billing-bench-pg-'));
const server = await startEmbeddedPostgres({ dataDir: dir });
const pool = createPool(server.url, { max: 2 });
try {
  await PostgresEventStore.open({ pool, schema: 'bench', notify: false });
  const variants: Record<string, string[]> = {
    full: [],
    no_txorder: ['DROP INDEX t.events_transaction_id_global_position_idx'],
    pk_txorder: ['DROP INDEX t.events_transaction_id_global_position_idx', 'ALTER TABLE t.events DROP CONSTRAINT events_pkey', 'ALTER TABLE t.events ADD PRIMARY KEY (transaction_id, global_position)'],
    no_eventid: ['ALTER TABLE t.events DROP CONSTRAINT events_event_id_key'],
    no_streamver: ['ALTER TABLE t.events DROP CONSTRAINT events_stream_id_stream_version_key'],
    no_pk: ['ALTER TABLE t.events DROP CONSTRAINT events_pkey'],
    json_cols: ['ALTER TABLE t.events ALTER data TYPE json, ALTER metadata DROP DEFAULT, ALTER metadata TYPE json'],
    heap_only: ['DROP INDEX t.events_transaction_id_global_position_idx', 'ALTER TABLE t.events DROP CONSTRAINT events_event_id_key', 'ALTER TABLE t.events DROP CONSTRAINT events_stream_id_stream_version_key', 'ALTER TABLE t.events DROP CONSTRAINT events_pkey'],
    full_again: [],
  };
  for (const [name, ddl] of Object.entries(variants)) {
    await pool.query('DROP SCHEMA IF EXISTS t CASCADE; CREATE SCHEMA t; CREATE TABLE t.events (LIKE bench.events INCLUDING ALL)');
    // LIKE INCLUDING ALL copies indexes/constraints/identity/defaults
    for (const d of ddl) await pool.query(d);
    const c = await pool.connect();
    await c.query('SET synchronous_commit = off');
    const idx = await c.query("SELECT string_agg(indexname, ',') AS i FROM pg_indexes WHERE schemaname = 't'");
    let total = 0;
    const N = 300;
    for (let i = 0; i < N + 50; i++) {
      const ev = callsRated(i, 100);
      const t0 = performance.now();
      await c.query(
        `INSERT INTO t.events (stream_id, stream_version, event_id, type, data, metadata)
         SELECT $1, u.version, u.event_id, u.type, u.data::jsonb, u.metadata::jsonb
           FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS u(version, event_id, type, data, metadata)`,
        [`s-${i}`, ev.map((_, k) => k), ev.map(() => randomUUID()), ev.map((e) => e.type), ev.map((e) => JSON.stringify(e.data)), ev.map((e) => JSON.stringify(e.metadata))],
      );
      if (i >= 50) total += performance.now() - t0;
    }
    console.log(name.padEnd(14), (total / N / 100 * 1000).toFixed(1), 'µs/event wall', idx.rows[0].i);
    c.release();
  }
} finally {
  await pool.end();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
