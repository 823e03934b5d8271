// Fills a store's log for the replay scenario through the store's own append path
// (`concurrency` loaders, `batchSize` events per append, one new stream per append), then
// VACUUM ANALYZE so both tables start the replay in the same state (visibility map, hint
// bits, statistics), as they would after autovacuum.
import pg from 'pg';
import { callsRated } from '../payload.js';
import type { BenchStore } from '../stores/bench-store.js';

export interface LoadResult {
  events: number;
  elapsedMs: number;
  tableBytes: number;
}

export async function loadLog(store: BenchStore, total: number, batchSize: number, concurrency: number): Promise<LoadResult> {
  let next = 0;
  let written = 0;
  const started = performance.now();
  const loader = async (): Promise<void> => {
    for (;;) {
      const index = next;
      if (index * batchSize >= total) return;
      next += 1;
      const count = Math.min(batchSize, total - index * batchSize);
      await store.append(`call-replay${index}`, callsRated(index, count), 0);
      written += count;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loader));
  const elapsedMs = performance.now() - started;

  const client = new pg.Client({ connectionString: store.url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`VACUUM (ANALYZE) ${store.eventsTable}`);
    // Emmett's table is partitioned (partition → is_archived): sum the leaves; ours is one table.
    const size = await client.query<{ bytes: string }>(
      `SELECT COALESCE((SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree($1::regclass) WHERE isleaf),
                       pg_total_relation_size($1::regclass))::text AS bytes`,
      [store.eventsTable],
    );
    return { events: written, elapsedMs, tableBytes: Number(size.rows[0]?.bytes ?? 0) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
