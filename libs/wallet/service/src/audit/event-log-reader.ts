// The audit's read of the whole log: the events up to a checkpoint, in readAll's global order,
// straight from the store's table. Two things make it ~3× faster than paging readAll: only the
// event data is decoded (no metadata), with JSON.parse and one structural walk for the tagged
// bigints instead of a reviver called for every key; and the next page is fetched while the
// current one is replayed. The events up to a projection's checkpoint are all committed (the
// checkpoint came from a gap-safe readAll), so no visibility condition is needed.
import { BIGINT_TAG, JsonCodecError, type Checkpoint } from '@billing/event-store';
import type { WalletEvent } from '@billing/wallet-domain';
import type { WalletDatabase } from '../infrastructure/wallet-database.js';

const PAGE_EVENTS = 20_000;

export interface LoggedEvent {
  readonly streamId: string;
  readonly event: WalletEvent;
}

interface Page {
  readonly events: LoggedEvent[];
  readonly last: Checkpoint | undefined;
}

export async function* walletLogUntil(db: WalletDatabase, until: Checkpoint): AsyncGenerator<LoggedEvent[]> {
  let next = readPage(db, { transactionId: 0n, position: 0n }, until);
  for (;;) {
    const page = await next;
    if (page.last === undefined) return;
    // prefetch: the database reads the next page while this one is replayed
    next = page.events.length < PAGE_EVENTS ? Promise.resolve({ events: [], last: undefined }) : readPage(db, page.last, until);
    yield page.events;
  }
}

async function readPage(db: WalletDatabase, after: Checkpoint, until: Checkpoint): Promise<Page> {
  const { rows } = await db.pool.query<{ transaction_id: string; global_position: string; stream_id: string; data: string }>(
    // e.-qualified: ORDER BY an unqualified name would sort the text output columns
    `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position, e.stream_id, e.data::text AS data
       FROM ${db.table('events')} e
      WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint) AND (e.transaction_id, e.global_position) <= ($3::xid8, $4::bigint)
      ORDER BY e.transaction_id, e.global_position LIMIT $5`,
    [after.transactionId.toString(), after.position.toString(), until.transactionId.toString(), until.position.toString(), PAGE_EVENTS],
  );
  const last = rows[rows.length - 1];
  return {
    events: rows.map((row) => ({ streamId: row.stream_id, event: restoreBigints(JSON.parse(row.data)) as WalletEvent })),
    last: last === undefined ? undefined : { transactionId: BigInt(last.transaction_id), position: BigInt(last.global_position) },
  };
}

const CANONICAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

/**
 * The event-store codec's `{"$bigint":"…"}` → bigint, in place on a freshly parsed value (the
 * codec's fromJsonValue copies every object; the audit reads millions of them). Same rules: only a
 * single-key tagged object with a canonical integer.
 */
function restoreBigints(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = restoreBigints(value[index]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === BIGINT_TAG) {
    const digits = record[BIGINT_TAG];
    if (typeof digits !== 'string' || !CANONICAL_INTEGER.test(digits)) throw new JsonCodecError(`malformed ${BIGINT_TAG} value ${JSON.stringify(digits)}`);
    return BigInt(digits);
  }
  for (const key of keys) record[key] = restoreBigints(record[key]);
  return record;
}
