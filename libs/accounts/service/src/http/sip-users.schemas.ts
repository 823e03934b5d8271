// Bodies and answers of the SIP-user routes. Shapes here (400); the rules — username syntax,
// approved CallerIDs, the limit under the account's — are the domain's (422 with a code).
import { MAX_CONCURRENT_CALLS, MAX_NAME_CHARS, MAX_SIP_USERS, MIN_CONCURRENT_CALLS } from '@billing/accounts-domain';
import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../queries/pagination.js';
import { notEmpty } from './common.schemas.js';
import type { SipUserRow } from '../queries/sip-users.queries.js';

const DisplayName = z.string().min(1).max(MAX_NAME_CHARS).nullable().meta({ description: 'what phones show; null = none' });
const CallerId = z.string().min(1).max(32).nullable().meta({ description: "one of the account's approved CallerIDs (E.164); null = the account's default" });
const Limit = z.number().int().nullable().meta({ minimum: MIN_CONCURRENT_CALLS, maximum: MAX_CONCURRENT_CALLS, description: "at most the account's maxConcurrentCalls (else 422 invalid_sip_user_limit); null = only the account's limit" });

export const SipUsernameParam = z.string().min(1).max(64);

export const AddSipUserBody = z.strictObject({
  sipUsername: z.string().min(1).max(64).optional().meta({
    description: 'lowercase letters, digits and . _ - (3 to 32), unique across the system; default: `<account number>-<n>`',
    examples: ['front-desk'],
  }),
  displayName: DisplayName.optional(),
  callerId: CallerId.optional(),
  maxConcurrentCalls: Limit.optional(),
});
export type AddSipUserBody = z.infer<typeof AddSipUserBody>;

export const ChangeSipUserBody = z
  .strictObject({ displayName: DisplayName.optional(), callerId: CallerId.optional(), maxConcurrentCalls: Limit.optional() })
  .refine(notEmpty, 'send at least one field to change');
export type ChangeSipUserBody = z.infer<typeof ChangeSipUserBody>;

export const SipUserView = z.object({
  customerId: z.string(),
  sipUsername: z.string(),
  firstUser: z.boolean().meta({ description: "the account's first user (the one it was opened with): it cannot be removed" }),
  displayName: z.string().nullable(),
  callerId: z.string().nullable().meta({ description: "the user's own default CallerID; null = the account's" }),
  effectiveCallerId: z.string().nullable().meta({ description: "what the switch presents: the user's own while the account has it approved, else the account's default" }),
  maxConcurrentCalls: z.number().int().nullable(),
  status: z.enum(['active', 'suspended']),
});
export type SipUserView = z.infer<typeof SipUserView>;

export const SipCredentialsView = z.object({ sipUsername: z.string(), sipPassword: z.string(), sipRealm: z.string() });
export const NewSipPasswordView = SipCredentialsView.extend({
  sipPassword: z.string().nullable().meta({ description: 'shown once; null when this Idempotency-Key changed the password before (a retry): the password it answered stays' }),
});
export const AddedSipUserView = z.object({
  user: SipUserView,
  credentials: SipCredentialsView.nullable().meta({ description: 'shown once; null when the same user was added before (a retry)' }),
});

export function sipUserView(row: SipUserRow): SipUserView {
  return {
    customerId: row.customerId,
    sipUsername: row.sipUsername,
    firstUser: row.firstUser,
    displayName: row.displayName,
    callerId: row.callerId,
    effectiveCallerId: row.effectiveCallerId,
    maxConcurrentCalls: row.maxConcurrentCalls,
    status: row.status,
  };
}

/**
 * `?limit=&cursor=` as every list's; the default page holds every user an account may have
 * (MAX_SIP_USERS), so a client that reads only `items` still sees them all.
 */
export const SipUserListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(MAX_SIP_USERS),
  cursor: z.string().min(1).max(500).optional(),
});
export type SipUserListQuery = z.infer<typeof SipUserListQuery>;
