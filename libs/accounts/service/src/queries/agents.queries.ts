// Agents as the API lists and shows them, from the `agents` read model.
import { Inject, Injectable } from '@nestjs/common';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';
import { containsPattern } from './search-pattern.js';
import { decodeCursor, pageOf, type Page } from './pagination.js';
import { iso, micros, type AgentRow } from './rows.js';

const COLUMNS = `agent_id, name, contact_email, commission_micro_percent::text AS commission, rate_sheet_id,
  low_balance_threshold_micros::text AS threshold, username, status, registered_at, updated_at,
  max_customer_credit_limit_micros::text AS max_customer_credit,
  max_total_customer_credit_micros::text AS max_total_customer_credit, customers_may_add_caller_ids`;

export interface AgentFilter {
  status?: AgentRow['status'];
  /** contained (any case) in the name, username or contact e-mail, or the exact id. */
  search?: string;
}

interface Sql {
  agent_id: string;
  name: string;
  contact_email: string;
  commission: string;
  rate_sheet_id: string;
  threshold: string;
  username: string;
  status: AgentRow['status'];
  registered_at: Date;
  updated_at: Date;
  max_customer_credit: string;
  max_total_customer_credit: string;
  customers_may_add_caller_ids: boolean;
}

function toRow(r: Sql): AgentRow {
  return {
    agentId: r.agent_id,
    name: r.name,
    contactEmail: r.contact_email,
    commissionMicroPercent: micros(r.commission),
    rateSheetId: r.rate_sheet_id,
    lowBalanceThresholdMicros: micros(r.threshold),
    username: r.username,
    maxCustomerCreditLimitMicros: micros(r.max_customer_credit),
    maxTotalCustomerCreditMicros: micros(r.max_total_customer_credit),
    customersMayAddCallerIds: r.customers_may_add_caller_ids,
    status: r.status,
    registeredAt: iso(r.registered_at),
    updatedAt: iso(r.updated_at),
  };
}

@Injectable()
export class AgentsQueries {
  constructor(@Inject(AccountsDatabase) private readonly db: AccountsDatabase) {}

  async get(agentId: string): Promise<AgentRow | undefined> {
    const { rows } = await this.db.pool.query<Sql>(`SELECT ${COLUMNS} FROM ${this.db.table('agents')} WHERE agent_id = $1`, [agentId]);
    return rows[0] === undefined ? undefined : toRow(rows[0]);
  }

  /** In registration order. */
  async list(pageSize: number, cursor: string | undefined, filter: AgentFilter = {}): Promise<Page<AgentRow>> {
    const after = cursor === undefined ? null : decodeCursor(cursor, ['timestamp', 'text']);
    const { rows } = await this.db.pool.query<Sql>(
      `SELECT ${COLUMNS} FROM ${this.db.table('agents')}
       WHERE ($1::timestamptz IS NULL OR (registered_at, agent_id) > ($1::timestamptz, $2::text))
         AND ($4::text IS NULL OR status = $4)
         AND ($5::text IS NULL OR agent_id = $5 OR name ILIKE $6 OR username ILIKE $6 OR contact_email ILIKE $6)
       ORDER BY registered_at, agent_id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, pageSize + 1, filter.status ?? null, filter.search ?? null, filter.search === undefined ? null : containsPattern(filter.search)],
    );
    return pageOf(rows.map(toRow), pageSize, (row) => [row.registeredAt, row.agentId], (row) => row);
  }
}
