import { z } from 'zod';
import { audited, Email, AccountsId, Language, NonNegativeMoneyString } from './wire.js';

export const CUSTOMER_SETTINGS_CHANGED_V1 = { type: 'accounts.CustomerSettingsChanged', schemaVersion: 1 } as const;

/** Every setting as it is after the change. */
export const CustomerSettingsChangedV1 = z.object({
  customerId: AccountsId,
  lowBalanceThreshold: NonNegativeMoneyString,
  contactEmail: Email.nullable(),
  language: Language,
  lowBalanceEmailEnabled: z.boolean(),
  ...audited,
});
export type CustomerSettingsChangedV1 = z.infer<typeof CustomerSettingsChangedV1>;
