import { z } from 'zod';
import { audited, AccountsId } from './wire.js';

export const SIP_USER_CHANGED_V1 = { type: 'accounts.SipUserChanged', schemaVersion: 1 } as const;

/**
 * A SIP user of a customer account after a change: added, renamed, suspended, reactivated,
 * its limit changed, or removed (`status: removed`). The account's first user is the
 * `sipUsername` of accounts.CustomerOpened and appears here only when it changes.
 * No credential is ever in it.
 */
export const SipUserChangedV1 = z.object({
  customerId: AccountsId,
  sipUsername: z.string().min(1).max(64),
  status: z.enum(['active', 'suspended', 'removed']),
  /** null = only the account's maxConcurrentCalls applies. */
  maxConcurrentCalls: z.number().int().min(1).nullable(),
  ...audited,
});
export type SipUserChangedV1 = z.infer<typeof SipUserChangedV1>;
