import { z } from 'zod';
import { audited, E164, AccountsId } from './wire.js';

export const CUSTOMER_CALLER_IDS_CHANGED_V1 = { type: 'accounts.CustomerCallerIdsChanged', schemaVersion: 1 } as const;

/** The whole list after the change; `defaultCallerId` is one of it, null only when it is empty. */
export const CustomerCallerIdsChangedV1 = z.object({
  customerId: AccountsId,
  callerIds: z.array(E164).max(10),
  defaultCallerId: E164.nullable(),
  ...audited,
});
export type CustomerCallerIdsChangedV1 = z.infer<typeof CustomerCallerIdsChangedV1>;
