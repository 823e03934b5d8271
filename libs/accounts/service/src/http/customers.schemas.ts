import { MAX_BATCH_CUSTOMERS, MAX_FOLLOW_ME_TARGETS, MAX_RING_SECONDS, MIN_BATCH_CUSTOMERS, MIN_RING_SECONDS } from '@billing/accounts-domain';
import { NonNegativeRequestAmount } from '@billing/contracts';
import { z } from 'zod';
import { Email, Id, ListQuery, notEmpty, Search, Username } from './common.schemas.js';

export const OpenCustomerBody = z.strictObject({
  profileId: Id,
  agentId: Id.nullable().optional().meta({ description: 'admin: the customer\'s agent (absent or null = ITC-direct); an agent opens its own' }),
  contactEmail: Email.nullable().optional(),
  portalUsername: Username.optional().meta({ description: 'portal login; default: the account number' }),
});
export type OpenCustomerBody = z.infer<typeof OpenCustomerBody>;

export const OpenBatchBody = z.strictObject({
  profileId: Id,
  agentId: Id.nullable().optional().meta({ description: 'the agent of every customer (absent or null = ITC-direct)' }),
  count: z.number().int().meta({ minimum: MIN_BATCH_CUSTOMERS, maximum: MAX_BATCH_CUSTOMERS, description: `customers to open: ${MIN_BATCH_CUSTOMERS} to ${MAX_BATCH_CUSTOMERS} (outside: 422 batch_too_small / batch_too_large)` }),
});
export type OpenBatchBody = z.infer<typeof OpenBatchBody>;

export const CredentialsFormatQuery = z.strictObject({
  format: z.enum(['json', 'csv']).optional().meta({ description: 'csv = the credentials as a CSV file (also: Accept: text/csv)' }),
});
export type CredentialsFormatQuery = z.infer<typeof CredentialsFormatQuery>;

export const CustomerListQuery = ListQuery.extend({
  agentId: Id.optional().meta({ description: 'admin: only this agent\'s customers ("itc" = ITC-direct only)' }),
  batchId: Id.optional(),
  status: z.enum(['active', 'suspended', 'closed']).optional(),
  search: Search.optional().meta({ description: 'contained (any case) in the account number, portal username, first SIP username or contact e-mail, or the exact customer id' }),
  pendingCallerIds: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: "true: only customers with CallerIDs waiting for approval (the agent's approvals list)" }),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const CallerIdBody = z.strictObject({ callerId: z.string().min(1).max(32).meta({ examples: ['+44 20 7946 0958'] }) });
export type CallerIdBody = z.infer<typeof CallerIdBody>;

export const FollowMeBody = z.strictObject({
  enabled: z.boolean(),
  targets: z
    .array(
      z.strictObject({
        destination: z.string().min(1).max(32),
        ringSeconds: z.number().int().meta({ minimum: MIN_RING_SECONDS, maximum: MAX_RING_SECONDS, description: `outside ${MIN_RING_SECONDS} to ${MAX_RING_SECONDS}: 422 invalid_ring_seconds` }),
      }),
    )
    .max(100)
    .meta({ maxItems: MAX_FOLLOW_ME_TARGETS, description: `tried in order; at most ${MAX_FOLLOW_ME_TARGETS} (more: 422 follow_me_too_many_targets), each ringing ${MIN_RING_SECONDS} to ${MAX_RING_SECONDS} s` }),
});
export type FollowMeBody = z.infer<typeof FollowMeBody>;

export const SettingsBody = z
  .strictObject({
    lowBalanceThreshold: NonNegativeRequestAmount.optional(),
    contactEmail: Email.nullable().optional().meta({ description: 'null removes the address' }),
    language: z.string().min(2).max(35).optional().meta({ description: '"en" or "es", or a regional form such as "es-MX" (else 422 invalid_language)' }),
    lowBalanceEmailEnabled: z.boolean().optional(),
  })
  .refine(notEmpty, 'send at least one setting to change');
export type SettingsBody = z.infer<typeof SettingsBody>;

export const BillingBody = z
  .strictObject({
    rateSheetId: Id.optional(),
    creditLimit: NonNegativeRequestAmount.optional().meta({ description: 'postpaid customers only' }),
  })
  .refine(notEmpty, 'send at least one field to change');
export type BillingBody = z.infer<typeof BillingBody>;
