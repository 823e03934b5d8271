// The audit (issue 4 §8): replays every wallet event up to the projections' checkpoint through the
// domain's WalletAuditor (every invariant re-asserted, every balance recomputed from postings, all
// postings summing to zero, both legs of every movement), then compares with the live projections
// read in the same snapshot as that checkpoint — so a running system never shows a false
// difference — and checks that each account's ledger lines add up to its projected balance.
import { START, checkpointToString, decodeJson, type Checkpoint } from '@billing/event-store';
import { formatMoney } from '@billing/money';
import { formatAuditReport, WalletAuditor, type AuditReport, type WalletEvent } from '@billing/wallet-domain';
import type { WalletDatabase } from '../infrastructure/wallet-database.js';
import { walletLogUntil } from './event-log-reader.js';

export interface ProjectionSnapshot {
  version: number;
  checkpoint: Checkpoint;
  balances: Map<string, bigint>;
  heldMicros: Map<string, bigint>;
  /** per ledger account: Σ change and the number of lines. */
  lineSums: Map<string, { sumMicros: bigint; lines: number }>;
}

export interface WalletAuditResult {
  ok: boolean;
  report: AuditReport;
  projection: ProjectionSnapshot;
  /** ledger lines that do not add up to the projected balance. */
  lineProblems: string[];
  durationMs: number;
  text: string;
}

export async function runWalletAudit(db: WalletDatabase): Promise<WalletAuditResult> {
  const startedMs = performance.now();
  const projection = await readProjection(db);
  const auditor = new WalletAuditor();
  for await (const rows of walletLogUntil(db, projection.checkpoint)) {
    for (const row of rows) auditor.add(decodeJson<WalletEvent>(row[3]), row[2]);
  }
  const report = auditor.report({ balances: projection.balances, heldMicros: projection.heldMicros });
  const lineProblems = checkLines(projection);
  const durationMs = performance.now() - startedMs;
  const ok = report.ok && lineProblems.length === 0;
  const text = [
    formatAuditReport(report),
    `  projection v${projection.version} at ${checkpointToString(projection.checkpoint)}: ${projection.balances.size} balances, ` +
      `${[...projection.lineSums.values()].reduce((n, s) => n + s.lines, 0)} ledger lines`,
    ...lineProblems.map((problem) => `  ✗ ${problem}`),
    `  ${ok ? 'OK' : 'FAILED'} in ${Math.round(durationMs)} ms (${Math.round((report.eventCount * 1000) / Math.max(durationMs, 1))} events/s)`,
  ].join('\n');
  return { ok, report, projection, lineProblems, durationMs, text };
}

/** The active projection at one instant: its checkpoint, balances, holds and line sums (REPEATABLE READ). */
async function readProjection(db: WalletDatabase): Promise<ProjectionSnapshot> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const active = await client.query<{ version: number; transaction_id: string | null; position: string | null }>(
      `SELECT v.version, c.transaction_id::text AS transaction_id, c.position::text AS position
         FROM ${db.table('projection_versions')} v LEFT JOIN ${db.table('checkpoints')} c ON c.name = 'projection:v' || v.version
        WHERE v.state = 'active'`,
    );
    const row = active.rows[0];
    if (row === undefined) throw new Error(`no active projection in schema ${db.schema}: has the wallet ever started?`);
    const checkpoint = row.transaction_id === null ? START : { transactionId: BigInt(row.transaction_id), position: BigInt(row.position!) };
    const balances = new Map<string, bigint>();
    const heldMicros = new Map<string, bigint>();
    const rows = await client.query<{ account_id: string; balance: string; held: string }>(
      `SELECT account_id, balance_micros::text AS balance, held_micros::text AS held FROM ${db.table('balances')}`,
    );
    for (const balance of rows.rows) {
      balances.set(balance.account_id, BigInt(balance.balance));
      if (balance.account_id.startsWith('customer:')) heldMicros.set(balance.account_id, BigInt(balance.held));
    }
    const sums = await client.query<{ account_id: string; sum: string; lines: string }>(
      `SELECT account_id, sum(change_micros)::text AS sum, count(*)::text AS lines FROM ${db.table('ledger_lines')} GROUP BY account_id`,
    );
    const lineSums = new Map(sums.rows.map((sum) => [sum.account_id, { sumMicros: BigInt(sum.sum), lines: Number(sum.lines) }]));
    await client.query('COMMIT');
    return { version: row.version, checkpoint, balances, heldMicros, lineSums };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function checkLines(projection: ProjectionSnapshot): string[] {
  const problems: string[] = [];
  for (const [accountId, balanceMicros] of projection.balances) {
    if (accountId.startsWith('system:')) continue;
    const sumMicros = projection.lineSums.get(accountId)?.sumMicros ?? 0n;
    if (sumMicros !== balanceMicros) problems.push(`${accountId}: ledger lines add up to ${formatMoney(sumMicros)}, projected balance ${formatMoney(balanceMicros)}`);
  }
  for (const accountId of projection.lineSums.keys()) {
    if (!projection.balances.has(accountId)) problems.push(`${accountId}: has ledger lines but no balance row`);
  }
  return problems;
}
