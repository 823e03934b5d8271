// Writes one batch's ProjectionChanges with set-based statements (unnest), inside the
// transaction that also moves the projection's checkpoint. A ledger account that should exist
// and does not is a bug in the projection: assert, never skip.
import { AGENT_SUMS, type AgentSum, type ProjectionTables } from './projection-tables.js';
import type { ProjectionChanges } from './projection-changes.js';
import type pg from 'pg';

const text = (value: bigint | null): string | null => (value === null ? null : value.toString());

export async function writeChanges(client: pg.ClientBase, tables: ProjectionTables, changes: ProjectionChanges): Promise<void> {
  await insertOpened(client, tables, changes);
  await patchAccounts(client, tables, changes);
  await addSystemDeltas(client, tables, changes);
  await insertLines(client, tables, changes);
  await writeHolds(client, tables, changes);
  await addSums(client, tables.table('agent_totals'), ['agent_id'], changes.agentTotals, changes.lastAt);
  await addSums(client, tables.table('agent_daily'), ['agent_id', 'day'], changes.agentDaily, changes.lastAt);
}

async function insertOpened(client: pg.ClientBase, tables: ProjectionTables, changes: ProjectionChanges): Promise<void> {
  if (changes.opened.length === 0) return;
  const o = changes.opened;
  const { rowCount } = await client.query(
    `INSERT INTO ${tables.table('balances')} (account_id, kind, holder_id, agent_id, billing_type, credit_limit_micros, low_balance_threshold_micros, status, opened_at, updated_at)
     SELECT u.account_id, u.kind, u.holder_id, u.agent_id, u.billing_type, u.credit_limit, u.threshold, 'open', u.opened_at, u.opened_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::timestamptz[])
         AS u(account_id, kind, holder_id, agent_id, billing_type, credit_limit, threshold, opened_at)
     ON CONFLICT (account_id) DO NOTHING`,
    [
      o.map((a) => a.accountId),
      o.map((a) => a.kind),
      o.map((a) => a.holderId),
      o.map((a) => a.agentId),
      o.map((a) => a.billingType),
      o.map((a) => a.creditLimitMicros.toString()),
      o.map((a) => a.thresholdMicros.toString()),
      o.map((a) => a.openedAt),
    ],
  );
  if (rowCount !== o.length) throw new Error(`projection v${tables.version}: ${o.length - (rowCount ?? 0)} account(s) opened twice`);
}

async function patchAccounts(client: pg.ClientBase, tables: ProjectionTables, changes: ProjectionChanges): Promise<void> {
  const patches = [...changes.patches];
  if (patches.length === 0) return;
  const { rowCount } = await client.query(
    `UPDATE ${tables.table('balances')} AS b SET
       balance_micros = COALESCE(u.balance, b.balance_micros),
       held_micros = b.held_micros + u.held_delta,
       low_balance_threshold_micros = COALESCE(u.threshold, b.low_balance_threshold_micros),
       credit_limit_micros = COALESCE(u.credit_limit, b.credit_limit_micros),
       status = COALESCE(u.status, b.status),
       updated_at = u.updated_at
     FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::timestamptz[])
       AS u(account_id, balance, held_delta, threshold, credit_limit, status, updated_at)
     WHERE b.account_id = u.account_id`,
    [
      patches.map(([accountId]) => accountId),
      patches.map(([, p]) => text(p.balanceMicros)),
      patches.map(([, p]) => p.heldDeltaMicros.toString()),
      patches.map(([, p]) => text(p.thresholdMicros)),
      patches.map(([, p]) => text(p.creditLimitMicros)),
      patches.map(([, p]) => p.status),
      patches.map(([, p]) => p.updatedAt),
    ],
  );
  if (rowCount !== patches.length) throw new Error(`projection v${tables.version}: ${patches.length - (rowCount ?? 0)} account(s) changed before being opened`);
}

async function addSystemDeltas(client: pg.ClientBase, tables: ProjectionTables, changes: ProjectionChanges): Promise<void> {
  const deltas = [...changes.systemDeltas];
  if (deltas.length === 0) return;
  await client.query(
    `INSERT INTO ${tables.table('balances')} AS b (account_id, kind, status, balance_micros, updated_at)
     SELECT u.account_id, 'system', 'open', u.delta, u.at FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS u(account_id, delta, at)
     ON CONFLICT (account_id) DO UPDATE SET balance_micros = b.balance_micros + excluded.balance_micros, updated_at = excluded.updated_at`,
    [deltas.map(([accountId]) => accountId), deltas.map(([, d]) => d.deltaMicros.toString()), deltas.map(([, d]) => d.at)],
  );
}

async function insertLines(client: pg.ClientBase, tables: ProjectionTables, changes: ProjectionChanges): Promise<void> {
  const l = changes.lines;
  if (l.length === 0) return;
  await client.query(
    `INSERT INTO ${tables.table('ledger_lines')} (account_id, position, event_id, event_type, change_micros, balance_after_micros, agent_id, customer_id,
       ref_kind, ref_id, reference, base_amount_micros, commission_micro_percent, actor, occurred_at)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::bigint[], $13::bigint[], $14::text[], $15::timestamptz[])`,
    [
      l.map((x) => x.accountId),
      l.map((x) => x.position.toString()),
      l.map((x) => x.eventId),
      l.map((x) => x.eventType),
      l.map((x) => x.changeMicros.toString()),
      l.map((x) => x.balanceAfterMicros.toString()),
      l.map((x) => x.agentId),
      l.map((x) => x.customerId),
      l.map((x) => x.refKind),
      l.map((x) => x.refId),
      l.map((x) => x.reference),
      l.map((x) => text(x.baseAmountMicros)),
      l.map((x) => text(x.commissionMicroPercent)),
      l.map((x) => x.actor),
      l.map((x) => x.occurredAt),
    ],
  );
}

async function writeHolds(client: pg.ClientBase, tables: ProjectionTables, changes: ProjectionChanges): Promise<void> {
  const ended = [...changes.holdsEnded.values()];
  if (ended.length > 0) {
    await client.query(
      `DELETE FROM ${tables.table('open_holds')} h USING unnest($1::text[], $2::text[]) AS u(customer_id, call_id)
        WHERE h.customer_id = u.customer_id AND h.call_id = u.call_id`,
      [ended.map((h) => h.customerId), ended.map((h) => h.callId)],
    );
  }
  const placed = [...changes.holdsPlaced.values()];
  if (placed.length > 0) {
    await client.query(
      `INSERT INTO ${tables.table('open_holds')} (customer_id, call_id, granted_micros, expires_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[])`,
      [placed.map((h) => h.customerId), placed.map((h) => h.callId), placed.map((h) => h.grantedMicros.toString()), placed.map((h) => h.expiresAt)],
    );
  }
}

/** Adds per-key sums; keys are `agentId` or `agentId|day` as `keyColumns` say. */
async function addSums(client: pg.ClientBase, table: string, keyColumns: readonly string[], sums: ReadonlyMap<string, ReadonlyMap<AgentSum, bigint>>, at: string): Promise<void> {
  if (sums.size === 0) return;
  const keys = [...sums.keys()].map((key) => key.split('|'));
  const keyParams = keyColumns.map((_, index) => keys.map((parts) => parts[index]!));
  const sumParams = AGENT_SUMS.map((column) => [...sums.values()].map((values) => (values.get(column) ?? 0n).toString()));
  const keyTypes = keyColumns.map((column) => (column === 'day' ? 'date' : 'text'));
  const params = [...keyParams, ...sumParams];
  const unnestArgs = params.map((_, index) => `$${index + 1}::${index < keyColumns.length ? keyTypes[index] : 'bigint'}[]`).join(', ');
  const columns = [...keyColumns, ...AGENT_SUMS];
  await client.query(
    `INSERT INTO ${table} AS t (${columns.join(', ')}, updated_at)
     SELECT u.*, $${params.length + 1}::timestamptz FROM unnest(${unnestArgs}) AS u(${columns.join(', ')})
     ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${AGENT_SUMS.map((column) => `${column} = t.${column} + excluded.${column}`).join(', ')}, updated_at = excluded.updated_at`,
    [...params, at],
  );
}
