// Our PostgreSQL adapter (@billing/event-store), on a pool with the project's defaults.
import { PostgresEventStore, START, type Checkpoint } from '@billing/event-store';
import { createPool } from '@billing/postgres';
import { randomUUID } from 'node:crypto';
import type { BenchEvent } from '../payload.js';
import type { BenchStore, ReplayCursor, StoreKind } from './bench-store.js';

const SCHEMA = 'bench';

export function oursKind(options: { notify: boolean }): StoreKind {
  return {
    key: options.notify ? 'ours' : 'ours_nonotify',
    label: options.notify ? 'ours (NOTIFY on, default)' : 'ours (notify: false)',
    async open(url, poolMax) {
      const pool = createPool(url, { max: poolMax, applicationName: 'bench:ours', statementTimeoutMs: 0 });
      const store = await PostgresEventStore.open({ pool, schema: SCHEMA, notify: options.notify });
      const cursorFrom = (start: Checkpoint, pageSize: number): ReplayCursor => {
        let checkpoint = start;
        return {
          async next() {
            const page = await store.readAll(checkpoint, pageSize);
            checkpoint = page.checkpoint;
            return page.events.length;
          },
        };
      };
      const bench: BenchStore = {
        label: this.label,
        url,
        eventsTable: `"${SCHEMA}".events`,
        async append(streamId: string, events: BenchEvent[], eventsBefore: number) {
          await store.append(
            streamId,
            events.map((event) => ({ eventId: randomUUID(), type: event.type, data: event.data, metadata: event.metadata })),
            eventsBefore === 0 ? 'no_stream' : eventsBefore - 1,
          );
        },
        replay: (pageSize) => cursorFrom(START, pageSize),
        async replayFrom(pageSize, fraction) {
          if (fraction <= 0) return cursorFrom(START, pageSize);
          const row = await pool.query<{ transaction_id: string; global_position: string }>(
            `WITH r AS (SELECT min(global_position) AS lo, max(global_position) AS hi FROM "${SCHEMA}".events)
             SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position
               FROM "${SCHEMA}".events e, r
              WHERE e.global_position >= r.lo + ((r.hi - r.lo) * $1::float8)::bigint
              ORDER BY e.global_position LIMIT 1`,
            [fraction],
          );
          const found = row.rows[0];
          if (!found) throw new Error('the log is empty');
          return cursorFrom({ transactionId: BigInt(found.transaction_id), position: BigInt(found.global_position) }, pageSize);
        },
        async close() {
          await store.close();
          await pool.end();
        },
      };
      return bench;
    },
  };
}
