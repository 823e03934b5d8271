// Lists of balances for the portal's tables and watchlists: many agents' or customers' balances
// in one read (an agent list with balances, "customers needing money"), and the holds open now
// (calls in progress). Reads the same views as WalletQueries; keyset-paginated on the account id.
import { ProblemException } from '@billing/gateway';
import { Injectable } from '@nestjs/common';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import type { Page } from './pagination.js';
import { balanceOfRow, BALANCE_COLUMNS, type BalanceRow, type BalanceView } from './wallet-queries.js';

export type HolderKind = 'agent' | 'customer';

export interface BalanceListFilter {
  kind: HolderKind;
  /** customers of this agent (null = ITC-direct customers); for kind agent: this agent only. */
  agentId?: string | null;
  /** only these holders (agent or customer ids). */
  holderIds?: readonly string[];
  /** only accounts in debt or below their low-balance threshold. */
  needsMoney?: boolean;
  limit: number;
  /** the last account id of the previous page. */
  after?: string;
}

export interface OpenHoldView {
  customerId: string;
  agentId: string | null;
  callId: string;
  grantedMicros: bigint;
  expiresAt: Date;
}

export interface OpenHolds {
  count: number;
  heldMicros: bigint;
  /** the newest `limit` holds (latest expiry first). */
  items: OpenHoldView[];
}

const LEDGER_KIND: Record<HolderKind, string> = { agent: 'agent-main', customer: 'customer' };

@Injectable()
export class BalanceLists {
  constructor(private readonly db: WalletDatabase) {}

  async balances(filter: BalanceListFilter): Promise<Page<BalanceView>> {
    const where = ['kind = $1'];
    const params: unknown[] = [LEDGER_KIND[filter.kind]];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.agentId === null) where.push('agent_id IS NULL');
    else if (filter.agentId !== undefined) where.push(filter.kind === 'agent' ? `holder_id = ${param(filter.agentId)}` : `agent_id = ${param(filter.agentId)}`);
    if (filter.holderIds !== undefined) where.push(`holder_id = ANY(${param(filter.holderIds)}::text[])`);
    // the wallet's own definitions: debt = below the floor (−credit limit), low = below the threshold
    if (filter.needsMoney === true) where.push('(balance_micros + credit_limit_micros < 0 OR balance_micros < low_balance_threshold_micros)');
    if (filter.after !== undefined) where.push(`account_id > ${param(filter.after)}`);
    const { rows } = await this.db.pool.query<BalanceRow>(
      `SELECT ${BALANCE_COLUMNS} FROM ${this.db.table('balances')} WHERE ${where.join(' AND ')} ORDER BY account_id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, filter.limit);
    const last = items[items.length - 1];
    return { items: items.map(balanceOfRow), nextCursor: rows.length > filter.limit && last !== undefined ? encodeAccountCursor(last.account_id) : null };
  }

  /** Holds not yet settled, released or expired: the calls in progress (of one agent's customers, or ITC-direct ones with null). */
  async openHolds(scope: { agentId?: string | null }, now: Date, limit: number): Promise<OpenHolds> {
    const params: unknown[] = [now.toISOString()];
    let agentFilter = '';
    if (scope.agentId === null) agentFilter = 'AND b.agent_id IS NULL';
    else if (scope.agentId !== undefined) agentFilter = `AND b.agent_id = $${params.push(scope.agentId)}`;
    const from = `FROM ${this.db.table('open_holds')} h LEFT JOIN ${this.db.table('balances')} b ON b.account_id = 'customer:' || h.customer_id
      WHERE h.expires_at > $1 ${agentFilter}`;
    const [totals, items] = await Promise.all([
      this.db.pool.query<{ count: string; held: string }>(`SELECT count(*)::text AS count, COALESCE(sum(h.granted_micros), 0)::text AS held ${from}`, params),
      this.db.pool.query<{ customer_id: string; agent_id: string | null; call_id: string; granted_micros: string; expires_at: Date }>(
        `SELECT h.customer_id, b.agent_id, h.call_id, h.granted_micros::text, h.expires_at ${from} ORDER BY h.expires_at DESC, h.call_id LIMIT $${params.length + 1}`,
        [...params, limit],
      ),
    ]);
    return {
      count: Number(totals.rows[0]!.count),
      heldMicros: BigInt(totals.rows[0]!.held),
      items: items.rows.map((row) => ({ customerId: row.customer_id, agentId: row.agent_id, callId: row.call_id, grantedMicros: BigInt(row.granted_micros), expiresAt: row.expires_at })),
    };
  }
}

export function encodeAccountCursor(accountId: string): string {
  return Buffer.from(`a:${accountId}`, 'utf8').toString('base64url');
}

/** The account id inside a cursor, or a 400 for anything this API did not hand out. */
export function decodeAccountCursor(cursor: string): string {
  const match = /^a:((agent|customer):.{1,200})$/s.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null) {
    throw new ProblemException(400, 'invalid_cursor', 'The cursor is not one this API returned; start again without it.', {
      errors: [{ path: '/cursor', message: 'invalid cursor' }],
    });
  }
  return match[1]!;
}
