// The accounts directory as rating sees it: who owns a call (by account number, customer id or SIP
// username), the customer's status and rate sheet over time, its limits and portal settings, and
// the agents' default sheets and status. A projection of accounts.events.v1 (AccountsConsumer); a
// lookup that misses asks accounts for that customer's or agent's events first (DirectoryMisses).
import { Inject, Injectable } from '@nestjs/common';
import type { PricingCustomer } from '@billing/rating-domain';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import type { TrunkEntry } from '@billing/rating-domain';
import { sipUsersNamed, type SipUserEntry } from './sip-users.js';
import { trunkEntriesHolding } from './trunk-addresses.js';

export type CustomerStatus = PricingCustomer['status'];

export interface DirectoryCustomer {
  readonly customerId: string;
  readonly accountNumber: string;
  readonly sipUsername: string;
  readonly agentId: string | null;
  readonly billingType: string;
  readonly status: CustomerStatus;
  /** every status with the instant it took effect, oldest first. */
  readonly statusHistory: readonly { readonly from: string; readonly status: CustomerStatus }[];
  /** every rate sheet with the instant it took effect, oldest first. */
  readonly sheetHistory: readonly { readonly from: string; readonly sheetId: string }[];
  readonly maxConcurrentCalls: number;
  readonly maxCallDurationSeconds: number;
  readonly callerIds: readonly string[];
  readonly defaultCallerId: string | null;
  readonly followMe: FollowMe | null;
}

export interface FollowMe {
  readonly enabled: boolean;
  readonly targets: readonly { readonly destination: string; readonly ringSeconds: number }[];
}

export interface DirectoryAgent {
  readonly agentId: string;
  readonly rateSheetId: string;
  readonly status: 'active' | 'suspended';
  /**
   * when accounts last changed the agent (its sheet or status) after registering it: ISO instant;
   * null = never, the sheet it was registered with is the only one it has had.
   */
  readonly changedAt: string | null;
}

/** How a call names its owner: an account (number, or customer id) and/or a SIP username. */
export interface OwnerKey {
  readonly account: string | null;
  readonly sipUsername: string | null;
}

interface CustomerRow {
  customer_id: string;
  account_number: string;
  sip_username: string;
  agent_id: string | null;
  billing_type: string;
  status: CustomerStatus;
  status_history: { from: string; status: CustomerStatus }[];
  sheet_history: { from: string; sheetId: string }[];
  max_concurrent_calls: number;
  max_call_duration_seconds: number;
  caller_ids: string[];
  default_caller_id: string | null;
  follow_me: FollowMe | null;
}

const COLUMNS = `customer_id, account_number, sip_username, agent_id, billing_type, status, status_history, sheet_history,
  max_concurrent_calls, max_call_duration_seconds, caller_ids, default_caller_id, follow_me`;

/**
 * Fills a miss (issue 12 §6): asks accounts for the customer or agent and applies its events as
 * the consumer would (RatingAccountsCatchUp). true = it may be known now: read again.
 */
export interface DirectoryMisses {
  customer(key: { account: string } | { sipUsername: string }): Promise<boolean>;
  agent(agentId: string): Promise<boolean>;
}

/** Distinct unknown keys one lookup asks accounts about (a CDR batch full of typos stays cheap). */
const MAX_MISSES_FILLED = 16;

@Injectable()
export class CustomerDirectory {
  private misses: DirectoryMisses | undefined;

  constructor(@Inject(RatingDatabase) private readonly db: RatingDatabase) {}

  /** From now on a lookup that finds nothing asks `misses` and reads again. */
  fillMissesWith(misses: DirectoryMisses): void {
    this.misses = misses;
  }

  async customer(customerId: string): Promise<DirectoryCustomer | null> {
    const found = await this.customerRow(customerId);
    if (found !== null || this.misses === undefined || !(await this.misses.customer({ account: customerId }))) return found;
    return this.customerRow(customerId);
  }

  private async customerRow(customerId: string): Promise<DirectoryCustomer | null> {
    const { rows } = await this.db.pool.query<CustomerRow>(`SELECT ${COLUMNS} FROM ${this.db.table('customers')} WHERE customer_id = $1`, [customerId]);
    return rows[0] === undefined ? null : customerOf(rows[0]);
  }

  async agent(agentId: string): Promise<DirectoryAgent | null> {
    const found = await this.agentRow(agentId);
    if (found !== null || this.misses === undefined || !(await this.misses.agent(agentId))) return found;
    return this.agentRow(agentId);
  }

  private async agentRow(agentId: string): Promise<DirectoryAgent | null> {
    // registered_at null (a row from before it was kept): its updated_at may be a change, so it counts as one
    const { rows } = await this.db.pool.query<{ agent_id: string; rate_sheet_id: string; status: 'active' | 'suspended'; changed_at: Date | null }>(
      `SELECT agent_id, rate_sheet_id, status, CASE WHEN updated_at = registered_at THEN NULL ELSE updated_at END AS changed_at
         FROM ${this.db.table('agents')} WHERE agent_id = $1`,
      [agentId],
    );
    const row = rows[0];
    return row === undefined ? null : { agentId: row.agent_id, rateSheetId: row.rate_sheet_id, status: row.status, changedAt: row.changed_at?.toISOString() ?? null };
  }

  /** A user's own status and limit; null = no row (the account's first user before any change, or unknown). */
  async sipUser(sipUsername: string): Promise<SipUserEntry | null> {
    return (await sipUsersNamed(this.db.pool, this.db.table('sip_users'), [sipUsername]))[0] ?? null;
  }

  /** The trunk addresses holding each source address (IPBX trunks by source IP), one query. */
  async trunkEntries(sourceIps: readonly string[]): Promise<Map<string, TrunkEntry[]>> {
    return trunkEntriesHolding(this.db.pool, this.db.table('trunk_addresses'), [...new Set(sourceIps)]);
  }

  /** The customers many calls name, with one query (the call's owner: callOwner in the rating domain, CallPricer). */
  async candidates(keys: readonly OwnerKey[]): Promise<CustomerCandidates> {
    const found = await this.candidateRows(keys);
    if (this.misses === undefined) return found;
    const unknown = new Map<string, { account: string } | { sipUsername: string }>();
    for (const key of keys) {
      if (key.account !== null && !found.byAccountNumber.has(key.account) && !found.byCustomerId.has(key.account)) unknown.set(`a:${key.account}`, { account: key.account });
      if (key.sipUsername !== null && !found.bySipUsername.has(key.sipUsername)) unknown.set(`s:${key.sipUsername}`, { sipUsername: key.sipUsername });
    }
    if (unknown.size === 0) return found;
    const filled = await Promise.all([...unknown.values()].slice(0, MAX_MISSES_FILLED).map((key) => this.misses!.customer(key)));
    return filled.some(Boolean) ? this.candidateRows(keys) : found;
  }

  private async candidateRows(keys: readonly OwnerKey[]): Promise<CustomerCandidates> {
    const accounts = [...new Set(keys.flatMap((key) => (key.account === null ? [] : [key.account])))];
    const sipUsernames = [...new Set(keys.flatMap((key) => (key.sipUsername === null ? [] : [key.sipUsername])))];
    const candidates: CustomerCandidates = { byAccountNumber: new Map(), byCustomerId: new Map(), bySipUsername: new Map() };
    if (accounts.length === 0 && sipUsernames.length === 0) return candidates;
    // any user of an account names it: the first one (customers.sip_username) or a further one (sip_users)
    const users = await sipUsersNamed(this.db.pool, this.db.table('sip_users'), sipUsernames);
    const { rows } = await this.db.pool.query<CustomerRow>(
      `SELECT ${COLUMNS} FROM ${this.db.table('customers')}
        WHERE account_number = ANY($1::text[]) OR customer_id = ANY($1::text[]) OR sip_username = ANY($2::text[]) OR customer_id = ANY($3::text[])`,
      [accounts, sipUsernames, users.map((user) => user.customerId)],
    );
    for (const row of rows) {
      const customer = customerOf(row);
      candidates.byAccountNumber.set(customer.accountNumber, customer);
      candidates.byCustomerId.set(customer.customerId, customer);
      candidates.bySipUsername.set(customer.sipUsername, customer);
    }
    for (const user of users) {
      const customer = candidates.byCustomerId.get(user.customerId);
      if (customer !== undefined) candidates.bySipUsername.set(user.sipUsername, customer);
    }
    return candidates;
  }
}

export interface CustomerCandidates {
  readonly byAccountNumber: Map<string, DirectoryCustomer>;
  readonly byCustomerId: Map<string, DirectoryCustomer>;
  readonly bySipUsername: Map<string, DirectoryCustomer>;
}

/** The status in force at `at` (a call that started before the customer existed: its first status). */
export function statusAt(customer: DirectoryCustomer, at: string): CustomerStatus {
  return inForce(customer.statusHistory, at)?.status ?? customer.status;
}

/** The rate sheet in force at `at` (docs/rating.md: calls starting from a change are rated with the new sheet). */
export function sheetAt(customer: DirectoryCustomer, at: string): string | null {
  return inForce(customer.sheetHistory, at)?.sheetId ?? null;
}

function inForce<T extends { readonly from: string }>(history: readonly T[], at: string): T | undefined {
  const atMs = Date.parse(at);
  let chosen = history[0];
  for (const entry of history) if (Date.parse(entry.from) <= atMs) chosen = entry;
  return chosen;
}

function customerOf(row: CustomerRow): DirectoryCustomer {
  return {
    customerId: row.customer_id,
    accountNumber: row.account_number,
    sipUsername: row.sip_username,
    agentId: row.agent_id,
    billingType: row.billing_type,
    status: row.status,
    statusHistory: row.status_history,
    sheetHistory: row.sheet_history,
    maxConcurrentCalls: row.max_concurrent_calls,
    maxCallDurationSeconds: row.max_call_duration_seconds,
    callerIds: row.caller_ids,
    defaultCallerId: row.default_caller_id,
    followMe: row.follow_me,
  };
}
