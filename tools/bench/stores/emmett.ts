// @event-driven-io/emmett-postgresql 0.42 as shipped: getPostgreSQLEventStore on a pg.Pool of the
// same size as ours, appendToStream with an expected version, and for the replay its
// readMessagesBatch (what its message batch puller calls in a loop), paging by global position.
import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { BenchEvent } from '../payload.js';
import type { BenchStore, ReplayCursor, StoreKind } from './bench-store.js';

export const emmettKind: StoreKind = {
  key: 'emmett',
  label: 'Emmett 0.42 (emmett-postgresql)',
  async open(url, poolMax) {
    const pool = new pg.Pool({ connectionString: url, max: poolMax, application_name: 'bench:emmett' });
    pool.on('error', () => undefined);
    const store = getPostgreSQLEventStore(url, { connectionOptions: { pool }, schema: { autoMigration: 'None' } });
    await store.schema.migrate();
    const { execute } = dumbo({ connectionString: url, pool });

    const cursorAfter = (start: bigint, pageSize: number): ReplayCursor => {
      let after = start;
      return {
        async next() {
          const page = await readMessagesBatch(execute, { after, batchSize: pageSize });
          after = page.currentGlobalPosition;
          return page.messages.length;
        },
      };
    };
    const bench: BenchStore = {
      label: this.label,
      url,
      eventsTable: 'emt_messages',
      async append(streamId: string, events: BenchEvent[], eventsBefore: number) {
        // Emmett's stream positions count events (0 = no stream yet, then 1, 2, …).
        await store.appendToStream(streamId, events, { expectedStreamVersion: BigInt(eventsBefore) });
      },
      replay: (pageSize) => cursorAfter(0n, pageSize),
      async replayFrom(pageSize, fraction) {
        if (fraction <= 0) return cursorAfter(0n, pageSize);
        const row = await pool.query<{ lo: string; hi: string }>(
          'SELECT min(global_position)::text AS lo, max(global_position)::text AS hi FROM emt_messages',
        );
        const found = row.rows[0];
        if (!found?.lo || !found.hi) throw new Error('the log is empty');
        const lo = BigInt(found.lo);
        const span = Number(BigInt(found.hi) - lo);
        return cursorAfter(lo - 1n + BigInt(Math.floor(span * fraction)), pageSize);
      },
      async close() {
        await store.close();
        await pool.end();
      },
    };
    return bench;
  },
};
