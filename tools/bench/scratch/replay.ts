import { START, decodeJson } from '@billing/event-store';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { startBenchServer } from '../server.js';
import { OURS } from '../stores/kinds.js';
import { loadLog } from '../scenarios/load-log.js';

const config = loadConfig();
const server = await startBenchServer(config.databaseUrl, console.log);
const N = Number(process.env.N ?? 300000);
const PAGE = Number(process.env.P ?? 1000);
try {
  const db = await server.freshDatabase('r');
  const store = await OURS.open(db.url, 10);
  const load = await loadLog(store, N, 500, 4);
  console.log('loaded', load);
  const pass = async (label: string, fn: () => Promise<number>) => {
    const t = performance.now();
    let n = 0;
    for (;;) { const c = await fn(); if (c === 0) break; n += c; }
    console.log(label, Math.round((n * 1000) / (performance.now() - t)), 'events/s');
  };
  for (let i = 0; i < 2; i++) {
    const c = store.replay(PAGE);
    await pass('readAll', () => c.next());
  }
  // raw SQL, same query, rows not decoded
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const cols = `e.global_position::text AS global_position, e.transaction_id::text AS transaction_id, e.stream_id, e.stream_version, e.event_id::text AS event_id, e.type, e.data::text AS data, e.metadata::text AS metadata, e.recorded_at`;
  const q = (sel: string, mode?: 'array') => {
    let tx = '0', pos = '0';
    return async () => {
      const r = await client.query({ text: `SELECT ${sel} FROM bench.events e WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.transaction_id, e.global_position LIMIT $3`, values: [tx, pos, PAGE], ...(mode ? { rowMode: mode } : {}) });
      const last = r.rows[r.rows.length - 1] as Record<string, string> | undefined;
      if (last) { tx = last.transaction_id!; pos = last.global_position!; }
      return r.rows.length;
    };
  };
  await pass('raw query, pg row objects, no decode', q(cols));
  await pass('raw query, no decode', q(cols));
  const dec = q(cols);
  // decode without reviver
  {
    let tx = '0', pos = '0';
    await pass('raw + JSON.parse (no reviver)', async () => {
      const r = await client.query(`SELECT ${cols} FROM bench.events e WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.transaction_id, e.global_position LIMIT $3`, [tx, pos, PAGE]);
      for (const row of r.rows) { JSON.parse(row.data); JSON.parse(row.metadata); }
      const last = r.rows[r.rows.length - 1];
      if (last) { tx = last.transaction_id; pos = last.global_position; }
      return r.rows.length;
    });
  }
  {
    let tx = '0', pos = '0';
    await pass('raw + decodeJson (reviver)', async () => {
      const r = await client.query(`SELECT ${cols} FROM bench.events e WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.transaction_id, e.global_position LIMIT $3`, [tx, pos, PAGE]);
      for (const row of r.rows) { decodeJson(row.data); decodeJson(row.metadata); }
      const last = r.rows[r.rows.length - 1];
      if (last) { tx = last.transaction_id; pos = last.global_position; }
      return r.rows.length;
    });
  }
  void dec;
  const ex = await client.query(`EXPLAIN (ANALYZE, BUFFERS) SELECT ${cols} FROM bench.events e WHERE (e.transaction_id, e.global_position) > ('0'::xid8, 0::bigint) AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.transaction_id, e.global_position LIMIT ${PAGE}`);
  console.log(ex.rows.map((r) => r['QUERY PLAN']).join('\n'));
  await client.end();
  await store.close();
} finally {
  await server.stop();
}
process.exit(0);
