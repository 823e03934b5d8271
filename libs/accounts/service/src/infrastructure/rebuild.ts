// Rebuilds every read model from the event log: empty the tables, replay all events in global
// order through the same projector the commits use. It takes the write lock exclusively, so no
// command commits meanwhile (they wait), and the log it replays is complete.
import { START, type Checkpoint } from '@billing/event-store';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AccountsDatabase } from './accounts-database.js';
import { accountsEventCodec } from './event-codec.js';
import { AccountsProjector } from './projector.js';
import { READ_MODEL_TABLES, WRITE_LOCK } from './read-model.schema.js';

const PAGE_SIZE = 1_000;
/** readAll lags behind writing transactions of the whole cluster (gap safety): wait this long at most. */
const CATCH_UP_TIMEOUT_MS = 60_000;

export interface RebuildReport {
  events: number;
}

export async function rebuildReadModels(db: AccountsDatabase): Promise<RebuildReport> {
  const projector = new AccountsProjector(db.schema);
  return db.store.withTransaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [WRITE_LOCK, db.schema]);
    await client.query(`TRUNCATE ${READ_MODEL_TABLES.map((table) => db.table(table)).join(', ')}`);
    // Every commit of this schema has ended (we hold the lock they share), so the log is final;
    // readAll may still hold back events behind another schema's open transaction: wait for them.
    const { rows } = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${db.table('events')}`);
    const expected = Number(rows[0]?.count ?? 0);
    let applied = 0;
    let from: Checkpoint = START;
    const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
    while (applied < expected) {
      const page = await db.store.readAll(from, PAGE_SIZE);
      for (const recorded of page.events) await projector.apply(client, accountsEventCodec.fromStored(recorded));
      applied += page.events.length;
      from = page.checkpoint;
      if (page.events.length === 0) {
        if (Date.now() > deadline) throw new Error(`rebuild: read ${applied} of ${expected} events before the timeout (a long transaction elsewhere?)`);
        await sleep(50);
      }
    }
    return { events: applied };
  });
}
