// Customer profiles from the `customer_profiles` read model.
import type { CustomerFeatures } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';
import { decodeCursor, pageOf, type Page } from './pagination.js';
import { iso, micros, optionalMicros, type ProfileRow } from './rows.js';

const COLUMNS = `profile_id, owner_agent_id, name, status, billing_type, credit_limit_micros::text AS credit_limit, rate_sheet_id,
  initial_balance_micros::text AS initial_balance, low_balance_threshold_micros::text AS threshold, max_concurrent_calls,
  max_call_duration_seconds, language, features, created_at, updated_at`;

interface Sql {
  profile_id: string;
  owner_agent_id: string | null;
  name: string;
  status: ProfileRow['status'];
  billing_type: ProfileRow['billingType'];
  credit_limit: string | null;
  rate_sheet_id: string | null;
  initial_balance: string;
  threshold: string;
  max_concurrent_calls: number;
  max_call_duration_seconds: number;
  language: string;
  features: CustomerFeatures;
  created_at: Date;
  updated_at: Date;
}

function toRow(r: Sql): ProfileRow {
  return {
    profileId: r.profile_id,
    ownerAgentId: r.owner_agent_id,
    name: r.name,
    status: r.status,
    billingType: r.billing_type,
    creditLimitMicros: optionalMicros(r.credit_limit),
    rateSheetId: r.rate_sheet_id,
    initialBalanceMicros: micros(r.initial_balance),
    lowBalanceThresholdMicros: micros(r.threshold),
    maxConcurrentCalls: r.max_concurrent_calls,
    maxCallDurationSeconds: r.max_call_duration_seconds,
    language: r.language,
    features: r.features,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** Which profiles a caller may list: all (admin), or ITC's plus one agent's own. */
export type ProfileScope = { kind: 'all' } | { kind: 'agent'; agentId: string };

@Injectable()
export class ProfilesQueries {
  constructor(@Inject(AccountsDatabase) private readonly db: AccountsDatabase) {}

  async get(profileId: string): Promise<ProfileRow | undefined> {
    const { rows } = await this.db.pool.query<Sql>(`SELECT ${COLUMNS} FROM ${this.db.table('customer_profiles')} WHERE profile_id = $1`, [profileId]);
    return rows[0] === undefined ? undefined : toRow(rows[0]);
  }

  /** In creation order; `ownerAgentId` narrows an admin's list (`null` = ITC profiles only). */
  async list(scope: ProfileScope, filter: { ownerAgentId?: string | null }, pageSize: number, cursor: string | undefined): Promise<Page<ProfileRow>> {
    const after = cursor === undefined ? null : decodeCursor(cursor, ['timestamp', 'text']);
    const scopeAgent = scope.kind === 'agent' ? scope.agentId : null;
    const byOwner = filter.ownerAgentId !== undefined;
    const { rows } = await this.db.pool.query<Sql>(
      `SELECT ${COLUMNS} FROM ${this.db.table('customer_profiles')}
       WHERE ($1::text IS NULL OR owner_agent_id IS NULL OR owner_agent_id = $1)
         AND (NOT $2::boolean OR owner_agent_id IS NOT DISTINCT FROM $3::text)
         AND ($4::timestamptz IS NULL OR (created_at, profile_id) > ($4::timestamptz, $5::text))
       ORDER BY created_at, profile_id LIMIT $6`,
      [scopeAgent, byOwner, filter.ownerAgentId ?? null, after?.[0] ?? null, after?.[1] ?? null, pageSize + 1],
    );
    return pageOf(rows.map(toRow), pageSize, (row) => [row.createdAt, row.profileId], (row) => row);
  }
}
