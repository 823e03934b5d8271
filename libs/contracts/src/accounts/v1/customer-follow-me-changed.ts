import { z } from 'zod';
import { audited, E164, AccountsId } from './wire.js';

export const CUSTOMER_FOLLOW_ME_CHANGED_V1 = { type: 'accounts.CustomerFollowMeChanged', schemaVersion: 1 } as const;

/** The whole FollowMe after the change; targets ring in this order. */
export const CustomerFollowMeChangedV1 = z.object({
  customerId: AccountsId,
  enabled: z.boolean(),
  targets: z.array(z.object({ destination: E164, ringSeconds: z.number().int().min(5).max(120) })).max(5),
  ...audited,
});
export type CustomerFollowMeChangedV1 = z.infer<typeof CustomerFollowMeChangedV1>;
