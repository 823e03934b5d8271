// Read-model rows as the queries return them (money as bigint micros, times as ISO strings).
// Selected with explicit casts so the shape does not depend on the pool's type parsers.
import type { SipUserRow } from './sip-users.queries.js';
import type { CustomerFeatures } from '@billing/accounts-domain';

export interface AgentRow {
  agentId: string;
  name: string;
  contactEmail: string;
  commissionMicroPercent: bigint;
  rateSheetId: string;
  lowBalanceThresholdMicros: bigint;
  username: string;
  maxCustomerCreditLimitMicros: bigint;
  maxTotalCustomerCreditMicros: bigint;
  customersMayAddCallerIds: boolean;
  status: 'active' | 'suspended';
  registeredAt: string;
  updatedAt: string;
}

export interface ProfileRow {
  profileId: string;
  ownerAgentId: string | null;
  name: string;
  status: 'active' | 'archived';
  billingType: 'prepaid' | 'postpaid';
  creditLimitMicros: bigint | null;
  rateSheetId: string | null;
  initialBalanceMicros: bigint;
  lowBalanceThresholdMicros: bigint;
  maxConcurrentCalls: number;
  maxCallDurationSeconds: number;
  language: string;
  /** the PBX features customers opened from it get. */
  features: CustomerFeatures;
  createdAt: string;
  updatedAt: string;
}

export interface FollowMeRow {
  enabled: boolean;
  targets: { destination: string; ringSeconds: number }[];
}

export interface CustomerRow {
  customerId: string;
  accountNumber: string;
  agentId: string | null;
  profileId: string | null;
  batchId: string | null;
  status: 'active' | 'suspended' | 'closed';
  billingType: 'prepaid' | 'postpaid';
  creditLimitMicros: bigint | null;
  rateSheetId: string;
  initialBalanceMicros: bigint;
  initialBalanceSource: 'agent' | 'operator';
  lowBalanceThresholdMicros: bigint;
  maxConcurrentCalls: number;
  maxCallDurationSeconds: number;
  language: string;
  contactEmail: string | null;
  lowBalanceEmailEnabled: boolean;
  sipUsername: string;
  portalUsername: string;
  /** approved numbers: the only ones the switch and rating see. */
  callerIds: string[];
  defaultCallerId: string | null;
  /** added by the customer, waiting for its agent's (or ITC's) approval. */
  pendingCallerIds: string[];
  followMe: FollowMeRow;
  /** the PBX features ITC assigned. */
  features: CustomerFeatures;
  openedAt: string;
  updatedAt: string;
}

/** A customer as the softswitch sees it: its row plus the SIP user asked about and its digest. */
export interface DirectoryEntry extends CustomerRow {
  sipHa1: string;
  /** the user the switch asked for (any of the account's users; `sipUsername` is the first one). */
  sipUser: SipUserRow;
}

/** SQL → bigint for `…::text` columns. */
export function micros(value: string): bigint {
  return BigInt(value);
}

export function optionalMicros(value: string | null): bigint | null {
  return value === null ? null : BigInt(value);
}

/** timestamptz selected as a Date (pg's default parser) → ISO 8601 UTC. */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
