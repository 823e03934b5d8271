// Read-model rows → what the API answers: money and percentages as decimal strings (docs/ARCHITECTURE.md, Money),
// ids as `id`. The zod schemas document the same shapes in OpenAPI.
import { formatMoney, formatPercent } from '@billing/money';
import { z } from 'zod';
import type { AgentRow, CustomerRow, ProfileRow } from '../queries/rows.js';
import { featuresView, FeaturesView } from '../features/features.views.js';

const Money = z.string().meta({ description: 'decimal string', examples: ['12.5'] });
const Instant = z.string().meta({ description: 'ISO 8601', examples: ['2025-03-01T10:00:00.000Z'] });

export const AgentView = z.object({
  id: z.string(),
  name: z.string(),
  contactEmail: z.string(),
  commissionPercent: z.string().meta({ description: 'percent as a decimal string ("12.5" = 12.5 %)' }),
  rateSheetId: z.string(),
  lowBalanceThreshold: Money,
  username: z.string(),
  maxCustomerCreditLimit: Money.meta({ description: 'the highest postpaid credit limit the agent may grant one customer (set by ITC; "0" = none)' }),
  maxTotalCustomerCredit: Money.meta({
    description: "the most postpaid credit the agent's open customers may hold together (set by ITC; the sum of their credit limits stays within it)",
  }),
  customersMayAddCallerIds: z.boolean().meta({ description: "false = the agent's customers cannot add CallerIDs; true = they can, each pending the agent's approval" }),
  status: z.enum(['active', 'suspended']),
  registeredAt: Instant,
  updatedAt: Instant,
});
export type AgentView = z.infer<typeof AgentView>;

export function agentView(row: AgentRow): AgentView {
  return {
    id: row.agentId,
    name: row.name,
    contactEmail: row.contactEmail,
    commissionPercent: formatPercent(row.commissionMicroPercent),
    rateSheetId: row.rateSheetId,
    lowBalanceThreshold: formatMoney(row.lowBalanceThresholdMicros),
    username: row.username,
    maxCustomerCreditLimit: formatMoney(row.maxCustomerCreditLimitMicros),
    maxTotalCustomerCredit: formatMoney(row.maxTotalCustomerCreditMicros),
    customersMayAddCallerIds: row.customersMayAddCallerIds,
    status: row.status,
    registeredAt: row.registeredAt,
    updatedAt: row.updatedAt,
  };
}

export const ProfileView = z.object({
  id: z.string(),
  ownerAgentId: z.string().nullable().meta({ description: 'null = an ITC profile, usable for every agent' }),
  name: z.string(),
  status: z.enum(['active', 'archived']),
  billingType: z.enum(['prepaid', 'postpaid']),
  creditLimit: Money.nullable(),
  rateSheetId: z.string().nullable().meta({ description: "null = the agent's rate sheet" }),
  initialBalance: Money,
  lowBalanceThreshold: Money,
  maxConcurrentCalls: z.number().int(),
  maxCallDurationSeconds: z.number().int(),
  language: z.string(),
  features: FeaturesView.meta({ description: 'the PBX features customers opened from this profile get (set by ITC: PATCH /customer-profiles/{id}/features)' }),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ProfileView = z.infer<typeof ProfileView>;

export function profileView(row: ProfileRow): ProfileView {
  return {
    id: row.profileId,
    ownerAgentId: row.ownerAgentId,
    name: row.name,
    status: row.status,
    billingType: row.billingType,
    creditLimit: row.creditLimitMicros === null ? null : formatMoney(row.creditLimitMicros),
    rateSheetId: row.rateSheetId,
    initialBalance: formatMoney(row.initialBalanceMicros),
    lowBalanceThreshold: formatMoney(row.lowBalanceThresholdMicros),
    maxConcurrentCalls: row.maxConcurrentCalls,
    maxCallDurationSeconds: row.maxCallDurationSeconds,
    language: row.language,
    features: featuresView(row.features),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const FollowMeView = z.object({
  enabled: z.boolean(),
  targets: z.array(z.object({ destination: z.string(), ringSeconds: z.number().int() })),
});

export const CustomerView = z.object({
  id: z.string(),
  accountNumber: z.string(),
  agentId: z.string().nullable().meta({ description: 'null = ITC-direct customer' }),
  profileId: z.string().nullable(),
  batchId: z.string().nullable(),
  status: z.enum(['active', 'suspended', 'closed']),
  billingType: z.enum(['prepaid', 'postpaid']),
  creditLimit: Money.nullable(),
  rateSheetId: z.string(),
  initialBalance: Money,
  initialBalanceSource: z.enum(['agent', 'operator']),
  lowBalanceThreshold: Money,
  maxConcurrentCalls: z.number().int(),
  maxCallDurationSeconds: z.number().int(),
  language: z.string(),
  contactEmail: z.string().nullable(),
  lowBalanceEmailEnabled: z.boolean(),
  sipUsername: z.string(),
  portalUsername: z.string(),
  callerIds: z.array(z.string()).meta({ description: 'approved CallerIDs: the only ones sent to the switch' }),
  defaultCallerId: z.string().nullable(),
  pendingCallerIds: z.array(z.string()).meta({ description: "numbers the customer added, waiting for its agent's (or ITC's) approval" }),
  followMe: FollowMeView,
  features: FeaturesView.meta({ description: 'the PBX features ITC assigned (PATCH /customers/{id}/features, ITC only)' }),
  openedAt: Instant,
  updatedAt: Instant,
});
export type CustomerView = z.infer<typeof CustomerView>;

export function customerView(row: CustomerRow): CustomerView {
  return {
    id: row.customerId,
    accountNumber: row.accountNumber,
    agentId: row.agentId,
    profileId: row.profileId,
    batchId: row.batchId,
    status: row.status,
    billingType: row.billingType,
    creditLimit: row.creditLimitMicros === null ? null : formatMoney(row.creditLimitMicros),
    rateSheetId: row.rateSheetId,
    initialBalance: formatMoney(row.initialBalanceMicros),
    initialBalanceSource: row.initialBalanceSource,
    lowBalanceThreshold: formatMoney(row.lowBalanceThresholdMicros),
    maxConcurrentCalls: row.maxConcurrentCalls,
    maxCallDurationSeconds: row.maxCallDurationSeconds,
    language: row.language,
    contactEmail: row.contactEmail,
    lowBalanceEmailEnabled: row.lowBalanceEmailEnabled,
    sipUsername: row.sipUsername,
    portalUsername: row.portalUsername,
    callerIds: [...row.callerIds],
    defaultCallerId: row.defaultCallerId,
    pendingCallerIds: [...row.pendingCallerIds],
    followMe: { enabled: row.followMe.enabled, targets: row.followMe.targets.map(({ destination, ringSeconds }) => ({ destination, ringSeconds })) },
    features: featuresView(row.features),
    openedAt: row.openedAt,
    updatedAt: row.updatedAt,
  };
}

/** `{items, nextCursor}` of a view, for OpenAPI. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable().meta({ description: 'pass as ?cursor= for the next page; null = last page' }) });
}
