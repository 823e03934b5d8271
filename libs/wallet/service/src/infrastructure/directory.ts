// The wallet's projection of the accounts context (docs/ARCHITECTURE.md, Shape: services never call each other for
// state they can hold as a projection): each agent's commission rate over time, and which agent
// each customer belongs to. Written by the accounts consumer in the same transaction as the
// ledger commands and the inbox entry of the integration event it comes from.
import type pg from 'pg';
import type { WalletDatabase } from './wallet-database.js';

export interface CustomerOwner {
  readonly customerId: string;
  /** null = an ITC-direct customer. */
  readonly agentId: string | null;
  readonly status: string;
}

/** Orders an agent's rates so the first is the one in force at $2 (see commissionRateAt). */
const RATE_IN_FORCE_AT_PARAM_2 = 'ORDER BY (effective_at <= $2) DESC, CASE WHEN effective_at <= $2 THEN effective_at END DESC, effective_at ASC LIMIT 1';

/**
 * Fills a miss (issue 12 §6): asks where the customer or agent was accepted and applies its
 * events (the opening and every later change) as the consumer would (AccountsCatchUp). true = it may be known now: read again.
 */
export interface DirectoryMisses {
  customer(customerId: string): Promise<boolean>;
  agent(agentId: string): Promise<boolean>;
}

export class Directory {
  private misses: DirectoryMisses | undefined;

  constructor(private readonly db: WalletDatabase) {}

  /** From now on a lookup that finds nothing asks `misses` once and reads again. */
  fillMissesWith(misses: DirectoryMisses): void {
    this.misses = misses;
  }

  async recordCommissionRate(client: pg.ClientBase, rate: { agentId: string; effectiveAt: string; microPercent: bigint; sourceEventId: string }): Promise<void> {
    await client.query(
      `INSERT INTO ${this.db.table('agent_commission_rates')} (agent_id, effective_at, commission_micro_percent, source_event_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [rate.agentId, rate.effectiveAt, rate.microPercent.toString(), rate.sourceEventId],
    );
  }

  async recordCustomer(client: pg.ClientBase, customer: { customerId: string; agentId: string | null; openedAt: string }): Promise<void> {
    await client.query(
      `INSERT INTO ${this.db.table('customer_owners')} (customer_id, agent_id, status, opened_at) VALUES ($1, $2, 'active', $3)
       ON CONFLICT (customer_id) DO NOTHING`,
      [customer.customerId, customer.agentId, customer.openedAt],
    );
  }

  async recordCustomerStatus(client: pg.ClientBase, customerId: string, status: string): Promise<void> {
    await client.query(`UPDATE ${this.db.table('customer_owners')} SET status = $2 WHERE customer_id = $1`, [customerId, status]);
  }

  /**
   * The rate in force at `at`: the latest that applies from at or before it (a deposit dated
   * before the agent's first rate, which only clock skew can cause, takes the first rate).
   * undefined = the agent is not known to the wallet (yet).
   */
  async commissionRateAt(agentId: string, at: string, client?: pg.ClientBase): Promise<bigint | undefined> {
    // never from inside a transaction: filling the miss commits one of its own
    if (client !== undefined) return this.rateAt(agentId, at, client);
    return this.orFilled(() => this.rateAt(agentId, at), this.misses && (() => this.misses!.agent(agentId)));
  }

  private async rateAt(agentId: string, at: string, client?: pg.ClientBase): Promise<bigint | undefined> {
    const { rows } = await (client ?? this.db.pool).query<{ rate: string }>(
      `SELECT commission_micro_percent::text AS rate FROM ${this.db.table('agent_commission_rates')}
        WHERE agent_id = $1 ${RATE_IN_FORCE_AT_PARAM_2}`,
      [agentId, at],
    );
    return rows[0] === undefined ? undefined : BigInt(rows[0].rate);
  }

  async customer(customerId: string): Promise<CustomerOwner | undefined> {
    return this.orFilled(() => this.customerRow(customerId), this.misses && (() => this.misses!.customer(customerId)));
  }

  private async customerRow(customerId: string): Promise<CustomerOwner | undefined> {
    const { rows } = await this.db.pool.query<{ customer_id: string; agent_id: string | null; status: string }>(
      `SELECT customer_id, agent_id, status FROM ${this.db.table('customer_owners')} WHERE customer_id = $1`,
      [customerId],
    );
    const row = rows[0];
    return row === undefined ? undefined : { customerId: row.customer_id, agentId: row.agent_id, status: row.status };
  }

  /**
   * The customer's owner and, when it has an agent, that agent's rate in force at `at`: one round
   * trip for a transfer (visibility and commission), instead of customer() + commissionRateAt().
   * rate undefined = ITC-direct customer, or its agent not known to the wallet (yet).
   */
  async customerWithAgentRate(customerId: string, at: string): Promise<{ owner: CustomerOwner; rate: bigint | undefined } | undefined> {
    return this.orFilled(() => this.customerAndRate(customerId, at), this.misses && (() => this.misses!.customer(customerId)));
  }

  private async customerAndRate(customerId: string, at: string): Promise<{ owner: CustomerOwner; rate: bigint | undefined } | undefined> {
    const { rows } = await this.db.pool.query<{ customer_id: string; agent_id: string | null; status: string; rate: string | null }>(
      `SELECT o.customer_id, o.agent_id, o.status, r.rate FROM ${this.db.table('customer_owners')} o
         LEFT JOIN LATERAL (
           SELECT commission_micro_percent::text AS rate FROM ${this.db.table('agent_commission_rates')}
            WHERE agent_id = o.agent_id ${RATE_IN_FORCE_AT_PARAM_2}
         ) r ON true
        WHERE o.customer_id = $1`,
      [customerId, at],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return { owner: { customerId: row.customer_id, agentId: row.agent_id, status: row.status }, rate: row.rate === null ? undefined : BigInt(row.rate) };
  }

  /** read(); on a miss, fill it once and read again. */
  private async orFilled<T>(read: () => Promise<T | undefined>, fill: (() => Promise<boolean>) | undefined): Promise<T | undefined> {
    const found = await read();
    if (found !== undefined || fill === undefined || !(await fill())) return found;
    return read();
  }

  async isAgentKnown(agentId: string, client?: pg.ClientBase): Promise<boolean> {
    const { rowCount } = await (client ?? this.db.pool).query(`SELECT 1 FROM ${this.db.table('agent_commission_rates')} WHERE agent_id = $1 LIMIT 1`, [agentId]);
    return rowCount === 1;
  }
}
