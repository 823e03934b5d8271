import { z } from 'zod';
import { AccountNumber, audited, AccountsId } from './wire.js';

/** ITC opened customers in a batch; each also gets its own accounts.CustomerOpened. */
export const BATCH_OPENED_V1 = { type: 'accounts.BatchOpened', schemaVersion: 1 } as const;

export const BatchOpenedV1 = z.object({
  batchId: AccountsId,
  profileId: AccountsId,
  agentId: AccountsId.nullable(),
  count: z.number().int().min(10).max(1000),
  customers: z.array(z.object({ customerId: AccountsId, accountNumber: AccountNumber })).min(10).max(1000),
  ...audited,
});
export type BatchOpenedV1 = z.infer<typeof BatchOpenedV1>;
