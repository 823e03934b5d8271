import { startEmbeddedPostgres } from '@billing/postgres';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EMMETT, OURS_NO_NOTIFY } from '../stores/kinds.js';
import { oneStatementKind } from '../experiments/one-statement-append.js';
import { runWriters } from '../scenarios/writers.js';
import type { StoreKind } from '../stores/bench-store.js';

const dir = await mkdtemp(path.join(os.tmpdir(), 'billing-bench-pg-'));
const server = await startEmbeddedPostgres({ dataDir: dir, settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', track_io_timing: 'on' } });
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
const E = Number(process.env.E ?? 1);
try {
  const all: Record<string, StoreKind> = { ours: OURS_NO_NOTIFY, emmett: EMMETT, p: oneStatementKind({ notify: false }) };
  for (const kind of (process.env.K ?? 'ours,emmett,p').split(',').map((k) => all[k]!)) {
    const name = 'x' + kind.key;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = server.url.replace(/\/postgres$/, '/' + name);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const store = await kind.open(url, 10);
    const versions = new Map();
    const plan = { writers: 8, streamsPerWriter: 500, eventsPerAppend: E, prefix: 'x' };
    await runWriters(store, plan, versions, 2000);
    await c.query('SELECT pg_stat_statements_reset()');
    const r = await runWriters(store, plan, versions, 5000);
    const st = await c.query(`SELECT calls, round(total_exec_time::numeric,1) exec_ms, round(total_plan_time::numeric,1) plan_ms, round((total_exec_time/calls)::numeric,3) mean_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) q FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1 ORDER BY total_exec_time DESC LIMIT 12`, [name]);
    console.log(`\n== ${kind.label}: ${Math.round(r.eventsPerSecond)} ev/s, ${r.appends} appends`);
    for (const row of st.rows) console.log(row.calls, row.exec_ms, row.plan_ms, row.mean_ms, row.q);
    await store.close();
    await c.end();
  }
} finally {
  await admin.end();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
