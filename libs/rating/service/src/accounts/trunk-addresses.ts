// The IPBX trunk addresses of customer accounts (accounts.TrunkAddressChanged): the ranges a PBX
// calls from without registering, each with the tech prefix it dials first when the address is
// shared. A call that names neither an account nor a SIP user is resolved by its source address
// against these (resolveSourceAddress in the rating domain).
import { canonicalSourceAddress, type TrunkAddressChangedV1 } from '@billing/contracts';
import type { TrunkEntry } from '@billing/rating-domain';
import type pg from 'pg';

/** @param s the quoted schema. Migrations, appended to rating's read-model statements. */
export function trunkAddressStatements(s: string): string[] {
  return [
    // one row per (customer, network, tech prefix; '' = none); removals stay as tombstones so
    // that an older change delivered late (the catch-up ran ahead) cannot bring an entry back
    `CREATE TABLE IF NOT EXISTS ${s}.trunk_addresses (
       customer_id text NOT NULL,
       network text NOT NULL,
       tech_prefix text NOT NULL,
       range cidr NOT NULL,
       status text NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (customer_id, network, tech_prefix)
     )`,
    `CREATE INDEX IF NOT EXISTS trunk_addresses_by_range ON ${s}.trunk_addresses USING gist (range inet_ops)`,
  ];
}

/** The consumer's effect of one accounts.TrunkAddressChanged (in its inbox transaction): the latest change of an entry wins. */
export async function applyTrunkAddressChanged(client: pg.ClientBase, table: string, d: TrunkAddressChangedV1): Promise<void> {
  await client.query(
    `INSERT INTO ${table} AS t (customer_id, network, tech_prefix, range, status, updated_at) VALUES ($1, $2::text, $3, $2::text::cidr, $4, $5)
     ON CONFLICT (customer_id, network, tech_prefix) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
     WHERE t.updated_at <= EXCLUDED.updated_at`,
    [d.customerId, d.network, d.techPrefix ?? '', d.status, d.occurredAt],
  );
}

/** For each source address (valid IPs only), the active entries whose range holds it — one query. */
export async function trunkEntriesHolding(pool: pg.Pool, table: string, sourceIps: readonly string[]): Promise<Map<string, TrunkEntry[]>> {
  const found = new Map<string, TrunkEntry[]>(sourceIps.map((ip) => [ip, []]));
  if (sourceIps.length === 0) return found;
  // an IPv4-mapped source ("::ffff:203.0.113.50", from a dual-stack switch) is looked up as its IPv4 address
  const lookups = sourceIps.flatMap((ip) => {
    const canonical = canonicalSourceAddress(ip);
    return canonical === null ? [] : [{ ip, canonical }];
  });
  const { rows } = await pool.query<{ ip: string; customer_id: string; network: string; tech_prefix: string }>(
    `SELECT ip, t.customer_id, t.network, t.tech_prefix
       FROM unnest($1::text[], $2::text[]) AS s(ip, canonical) JOIN ${table} t ON t.range >>= s.canonical::inet AND t.status = 'active'
      ORDER BY t.network, t.tech_prefix`,
    [lookups.map((l) => l.ip), lookups.map((l) => l.canonical)],
  );
  for (const row of rows) found.get(row.ip)?.push({ customerId: row.customer_id, network: row.network, techPrefix: row.tech_prefix === '' ? null : row.tech_prefix });
  return found;
}
