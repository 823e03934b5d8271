// Trunk addresses → trunk_addresses rows, and the one rule no single stream can decide: an
// address overlapping another ACCOUNT's is refused unless the tech prefixes tell them apart.
// Runs in the append transaction under one lock for every trunk-address write, so two accounts
// registering overlapping ranges at once cannot both pass (the second waits, then sees the first).
import { prefixesDistinguish, trunkAddressRejections, type TrunkAddressEvent } from '@billing/accounts-domain';
import type pg from 'pg';
import type { Sql } from './sip-users.projection.js';

/** pg_advisory_xact_lock key: "TRNK". */
export const TRUNK_LOCK = 0x54_52_4e_4b;

/** @param s the quoted schema; `update` asserts that exactly one row changed. */
export async function projectTrunkAddress(client: pg.ClientBase, event: TrunkAddressEvent, s: string, insert: Sql, update: Sql): Promise<void> {
  const techPrefix = event.techPrefix ?? '';
  if (event.type === 'TrunkAddressRemoved') {
    return update(`DELETE FROM ${s}.trunk_addresses WHERE customer_id = $1 AND network = $2 AND tech_prefix = $3`, [event.customerId, event.network, techPrefix]);
  }
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [TRUNK_LOCK, s]);
  const { rows } = await client.query<{ network: string; tech_prefix: string }>(
    `SELECT network, tech_prefix FROM ${s}.trunk_addresses WHERE range && $1::cidr AND customer_id <> $2`,
    [event.network, event.customerId],
  );
  const taken = rows.find((row) => !prefixesDistinguish(row.tech_prefix === '' ? null : row.tech_prefix, event.techPrefix));
  if (taken !== undefined) throw trunkAddressRejections.trunkAddressTaken(taken.network);
  return insert(`INSERT INTO ${s}.trunk_addresses (customer_id, network, tech_prefix, range, added_at) VALUES ($1, $2, $3, $4::cidr, $5)`, [
    event.customerId,
    event.network,
    techPrefix,
    event.network,
    event.occurredAt,
  ]);
}
