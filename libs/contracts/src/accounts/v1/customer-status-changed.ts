import { z } from 'zod';
import { audited, AccountsId, Reason } from './wire.js';

/** `closed` is terminal. */
export const CUSTOMER_STATUS_CHANGED_V1 = { type: 'accounts.CustomerStatusChanged', schemaVersion: 1 } as const;

export const CustomerStatusChangedV1 = z.object({
  customerId: AccountsId,
  status: z.enum(['active', 'suspended', 'closed']),
  reason: Reason,
  ...audited,
});
export type CustomerStatusChangedV1 = z.infer<typeof CustomerStatusChangedV1>;
