// Customers from the `customers` read model (and the SIP directory for the softswitch).
import type { CustomerFeatures } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';
import { containsPattern } from './search-pattern.js';
import { decodeCursor, pageOf, type Page } from './pagination.js';
import { SIP_USER_COLUMNS, sipUserOf, type SipUserSql } from './sip-users.queries.js';
import { iso, micros, optionalMicros, type CustomerRow, type DirectoryEntry, type FollowMeRow } from './rows.js';

const COLUMNS = `c.customer_id, c.account_number, c.agent_id, c.profile_id, c.batch_id, c.status, c.billing_type,
  c.credit_limit_micros::text AS credit_limit, c.rate_sheet_id, c.initial_balance_micros::text AS initial_balance,
  c.initial_balance_source, c.low_balance_threshold_micros::text AS threshold, c.max_concurrent_calls,
  c.max_call_duration_seconds, c.language, c.contact_email, c.low_balance_email_enabled, c.sip_username,
  c.portal_username, c.caller_ids, c.default_caller_id, c.pending_caller_ids, c.follow_me, c.features, c.opened_at, c.updated_at`;

interface Sql {
  customer_id: string;
  account_number: string;
  agent_id: string | null;
  profile_id: string | null;
  batch_id: string | null;
  status: CustomerRow['status'];
  billing_type: CustomerRow['billingType'];
  credit_limit: string | null;
  rate_sheet_id: string;
  initial_balance: string;
  initial_balance_source: CustomerRow['initialBalanceSource'];
  threshold: string;
  max_concurrent_calls: number;
  max_call_duration_seconds: number;
  language: string;
  contact_email: string | null;
  low_balance_email_enabled: boolean;
  sip_username: string;
  portal_username: string;
  caller_ids: string[];
  default_caller_id: string | null;
  pending_caller_ids: string[];
  follow_me: FollowMeRow;
  features: CustomerFeatures;
  opened_at: Date;
  updated_at: Date;
}

function toRow(r: Sql): CustomerRow {
  return {
    customerId: r.customer_id,
    accountNumber: r.account_number,
    agentId: r.agent_id,
    profileId: r.profile_id,
    batchId: r.batch_id,
    status: r.status,
    billingType: r.billing_type,
    creditLimitMicros: optionalMicros(r.credit_limit),
    rateSheetId: r.rate_sheet_id,
    initialBalanceMicros: micros(r.initial_balance),
    initialBalanceSource: r.initial_balance_source,
    lowBalanceThresholdMicros: micros(r.threshold),
    maxConcurrentCalls: r.max_concurrent_calls,
    maxCallDurationSeconds: r.max_call_duration_seconds,
    language: r.language,
    contactEmail: r.contact_email,
    lowBalanceEmailEnabled: r.low_balance_email_enabled,
    sipUsername: r.sip_username,
    portalUsername: r.portal_username,
    callerIds: r.caller_ids,
    defaultCallerId: r.default_caller_id,
    pendingCallerIds: r.pending_caller_ids,
    followMe: r.follow_me,
    features: r.features,
    openedAt: iso(r.opened_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface CustomerFilter {
  /** undefined = any; null = ITC-direct customers only. */
  agentId?: string | null;
  /** a customer listing itself. */
  customerId?: string;
  batchId?: string;
  status?: CustomerRow['status'];
  /** contained (any case) in the account number, portal or SIP username, contact e-mail, or the exact id. */
  search?: string;
  /** true: only customers with CallerIDs waiting for approval. */
  pendingCallerIds?: boolean;
}

@Injectable()
export class CustomersQueries {
  constructor(@Inject(AccountsDatabase) private readonly db: AccountsDatabase) {}

  async get(customerId: string): Promise<CustomerRow | undefined> {
    const { rows } = await this.db.pool.query<Sql>(`SELECT ${COLUMNS} FROM ${this.db.table('customers')} c WHERE c.customer_id = $1`, [customerId]);
    return rows[0] === undefined ? undefined : toRow(rows[0]);
  }

  /** Ordered by account number (a sequence: creation order, stable inside a batch). */
  async list(filter: CustomerFilter, pageSize: number, cursor: string | undefined): Promise<Page<CustomerRow>> {
    const after = cursor === undefined ? null : decodeCursor(cursor, ['text']);
    const { rows } = await this.db.pool.query<Sql>(
      `SELECT ${COLUMNS} FROM ${this.db.table('customers')} c
       WHERE (NOT $1::boolean OR c.agent_id IS NOT DISTINCT FROM $2::text)
         AND ($3::text IS NULL OR c.customer_id = $3)
         AND ($4::text IS NULL OR c.batch_id = $4)
         AND ($5::text IS NULL OR c.status = $5)
         AND ($6::text IS NULL OR c.account_number > $6)
         AND ($8::text IS NULL OR c.customer_id = $8 OR c.account_number ILIKE $9 OR c.portal_username ILIKE $9 OR c.sip_username ILIKE $9 OR c.contact_email ILIKE $9)
         AND (NOT $10::boolean OR jsonb_array_length(c.pending_caller_ids) > 0)
       ORDER BY c.account_number LIMIT $7`,
      [
        filter.agentId !== undefined,
        filter.agentId ?? null,
        filter.customerId ?? null,
        filter.batchId ?? null,
        filter.status ?? null,
        after?.[0] ?? null,
        pageSize + 1,
        filter.search ?? null,
        filter.search === undefined ? null : containsPattern(filter.search),
        filter.pendingCallerIds === true,
      ],
    );
    return pageOf(rows.map(toRow), pageSize, (row) => [row.accountNumber], (row) => row);
  }

  /** The customer behind any of its SIP users, with that user and its HA1 (softswitch only). */
  async directoryEntry(sipUsername: string): Promise<DirectoryEntry | undefined> {
    const [customer, user] = await Promise.all([
      this.db.pool.query<Sql & { sip_ha1: string }>(
        `SELECT ${COLUMNS}, d.sip_ha1 FROM ${this.db.table('sip_directory')} d JOIN ${this.db.table('customers')} c USING (customer_id) WHERE d.sip_username = $1`,
        [sipUsername],
      ),
      this.db.pool.query<SipUserSql>(
        `SELECT ${SIP_USER_COLUMNS} FROM ${this.db.table('sip_directory')} d JOIN ${this.db.table('customers')} c USING (customer_id) WHERE d.sip_username = $1`,
        [sipUsername],
      ),
    ]);
    const row = customer.rows[0];
    const userRow = user.rows[0];
    // a user removed between the two reads is unknown, like one never added
    if (row === undefined || userRow === undefined || userRow.customer_id !== row.customer_id) return undefined;
    return { ...toRow(row), sipHa1: row.sip_ha1, sipUser: sipUserOf(userRow) };
  }
}
