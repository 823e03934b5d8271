import { z } from 'zod';
import { CustomerFeaturesV1 } from './customer-features-changed.js';
import { AccountNumber, audited, BillingType, Email, AccountsId, InitialBalanceSource, Language, NonNegativeMoneyString } from './wire.js';

/**
 * A customer exists. Wallet opens its account (and funds `initialBalance` from `initialBalanceSource`
 * when it is above zero), rating learns its effective rate sheet and SIP username, notifications
 * its e-mail and language. Credentials (SIP HA1, portal login) never leave the accounts service.
 */
export const CUSTOMER_OPENED_V1 = { type: 'accounts.CustomerOpened', schemaVersion: 1 } as const;

export const CustomerOpenedV1 = z.object({
  customerId: AccountsId,
  accountNumber: AccountNumber,
  /** null = ITC-direct customer. */
  agentId: AccountsId.nullable(),
  profileId: AccountsId.nullable(),
  batchId: AccountsId.nullable(),
  billingType: BillingType,
  /** postpaid: how far below zero the balance may go; null for prepaid. */
  creditLimit: NonNegativeMoneyString.nullable(),
  initialBalance: NonNegativeMoneyString,
  initialBalanceSource: InitialBalanceSource,
  lowBalanceThreshold: NonNegativeMoneyString,
  /** the effective sheet: the profile's, or the agent's when the profile inherits. */
  rateSheetId: AccountsId,
  maxConcurrentCalls: z.number().int().min(1).max(1000),
  maxCallDurationSeconds: z.number().int().min(60).max(86_400),
  language: Language,
  contactEmail: Email.nullable(),
  lowBalanceEmailEnabled: z.boolean(),
  sipUsername: z.string().min(1).max(64),
  /** the features it is opened with, in force from `occurredAt`; absent = opened before features existed (the defaults). */
  features: CustomerFeaturesV1.optional(),
  ...audited,
});
export type CustomerOpenedV1 = z.infer<typeof CustomerOpenedV1>;
