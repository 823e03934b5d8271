// The SIP users of a customer account, from sip_directory (never selecting an HA1).
import { Inject, Injectable } from '@nestjs/common';
import type { SipUserStatus } from '@billing/accounts-domain';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';
import { decodeCursor, NO_TIME, pageOf, timeKey, type Page } from './pagination.js';

export interface SipUserRow {
  customerId: string;
  sipUsername: string;
  /** the account's first user (the one it was opened with): it cannot be removed. */
  firstUser: boolean;
  displayName: string | null;
  /** the user's own default CallerID, null = the account's. */
  callerId: string | null;
  /** what the switch presents: the user's own while the account has it approved, else the account's default. */
  effectiveCallerId: string | null;
  maxConcurrentCalls: number | null;
  status: SipUserStatus;
}

export interface SipUserSql {
  customer_id: string;
  sip_username: string;
  first_user: boolean;
  display_name: string | null;
  caller_id: string | null;
  effective_caller_id: string | null;
  max_concurrent_calls: number | null;
  status: SipUserStatus;
}

/** The columns of a user row; `d` = sip_directory, `c` = customers. */
export const SIP_USER_COLUMNS = `d.customer_id, d.sip_username, d.first_user, d.display_name, d.caller_id,
  CASE WHEN d.caller_id IS NOT NULL AND c.caller_ids ? d.caller_id THEN d.caller_id ELSE c.default_caller_id END AS effective_caller_id,
  d.max_concurrent_calls, d.status`;

export function sipUserOf(r: SipUserSql): SipUserRow {
  return {
    customerId: r.customer_id,
    sipUsername: r.sip_username,
    firstUser: r.first_user,
    displayName: r.display_name,
    callerId: r.caller_id,
    effectiveCallerId: r.effective_caller_id,
    maxConcurrentCalls: r.max_concurrent_calls,
    status: r.status,
  };
}

/** When a user was added (users from before added_at existed sort first, as they were; ties by username). */
const SORT_AT = `coalesce(d.added_at, '${NO_TIME}'::timestamptz)`;

@Injectable()
export class SipUsersQueries {
  constructor(@Inject(AccountsDatabase) private readonly db: AccountsDatabase) {}

  /** The first user first, then in the order they were added (keyset on that order: a page is stable while users are added). */
  async list(customerId: string, pageSize: number, cursor: string | undefined): Promise<Page<SipUserRow>> {
    const after = cursor === undefined ? null : decodeCursor(cursor, ['boolean', 'timestamp', 'text']);
    const { rows } = await this.db.pool.query<SipUserSql & { sort_at: Date | number }>(
      `SELECT ${SIP_USER_COLUMNS}, ${SORT_AT} AS sort_at FROM ${this.db.table('sip_directory')} d JOIN ${this.db.table('customers')} c USING (customer_id)
       WHERE d.customer_id = $1 AND ($2::text IS NULL OR (NOT d.first_user, ${SORT_AT}, d.sip_username) > ($2::boolean, $3::timestamptz, $4::text))
       ORDER BY NOT d.first_user, ${SORT_AT}, d.sip_username LIMIT $5`,
      [customerId, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, pageSize + 1],
    );
    return pageOf(rows, pageSize, (r) => [String(!r.first_user), timeKey(r.sort_at), r.sip_username], sipUserOf);
  }

  /** Each account's users other than its first, in the order added (a batch replay names them). */
  async furtherOf(customerIds: readonly string[]): Promise<Map<string, string[]>> {
    const { rows } = await this.db.pool.query<{ customer_id: string; sip_username: string }>(
      `SELECT d.customer_id, d.sip_username FROM ${this.db.table('sip_directory')} d
       WHERE d.customer_id = ANY($1::text[]) AND NOT d.first_user ORDER BY d.customer_id, ${SORT_AT}, d.sip_username`,
      [customerIds],
    );
    const further = new Map<string, string[]>();
    for (const row of rows) further.set(row.customer_id, [...(further.get(row.customer_id) ?? []), row.sip_username]);
    return further;
  }

  async get(customerId: string, sipUsername: string): Promise<SipUserRow | undefined> {
    const { rows } = await this.db.pool.query<SipUserSql>(
      `SELECT ${SIP_USER_COLUMNS} FROM ${this.db.table('sip_directory')} d JOIN ${this.db.table('customers')} c USING (customer_id)
       WHERE d.customer_id = $1 AND d.sip_username = $2`,
      [customerId, sipUsername],
    );
    return rows[0] === undefined ? undefined : sipUserOf(rows[0]);
  }
}
