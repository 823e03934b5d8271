import { z } from 'zod';
import { audited, AccountsId, NonNegativeMoneyString } from './wire.js';

/** Postpaid customers only. */
export const CUSTOMER_CREDIT_LIMIT_CHANGED_V1 = { type: 'accounts.CustomerCreditLimitChanged', schemaVersion: 1 } as const;

export const CustomerCreditLimitChangedV1 = z.object({
  customerId: AccountsId,
  previousCreditLimit: NonNegativeMoneyString,
  creditLimit: NonNegativeMoneyString,
  ...audited,
});
export type CustomerCreditLimitChangedV1 = z.infer<typeof CustomerCreditLimitChangedV1>;
