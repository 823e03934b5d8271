import { z } from 'zod';
import { audited, E164, AccountsId } from './wire.js';

export const CUSTOMER_CALLER_ID_REQUESTS_CHANGED_V1 = { type: 'accounts.CustomerCallerIdRequestsChanged', schemaVersion: 1 } as const;

/**
 * The customer's pending CallerIDs (waiting for its agent's or ITC's approval) after one was
 * requested, or refused (by the approver, or withdrawn by the customer: `actor` says which). An
 * approval is CustomerCallerIdsChanged. A pending number is no CallerID a call may present: rating
 * and the switch read only CustomerCallerIdsChanged; this is for the pages that show requests.
 */
export const CustomerCallerIdRequestsChangedV1 = z.object({
  customerId: AccountsId,
  callerId: E164,
  change: z.enum(['requested', 'refused']),
  pendingCallerIds: z.array(E164).max(10),
  ...audited,
});
export type CustomerCallerIdRequestsChangedV1 = z.infer<typeof CustomerCallerIdRequestsChangedV1>;
