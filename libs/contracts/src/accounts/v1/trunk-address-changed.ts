import { z } from 'zod';
import { audited, AccountsId } from './wire.js';

export const TRUNK_ADDRESS_CHANGED_V1 = { type: 'accounts.TrunkAddressChanged', schemaVersion: 1 } as const;

/**
 * A source address (single IP or CIDR network) from which a customer's PBX calls without
 * registering, registered (`active`) or removed (`removed`) by ITC, with the tech prefix the PBX
 * dials first when the address is shared. (network, techPrefix) names the entry; the latest change
 * of an entry wins.
 */
export const TrunkAddressChangedV1 = z.object({
  customerId: AccountsId,
  /** canonical CIDR: "203.0.113.0/24", "203.0.113.7/32", "2001:db8::/48". */
  network: z.string().min(9).max(64),
  techPrefix: z.string().regex(/^[0-9*#]{1,10}$/).nullable(),
  status: z.enum(['active', 'removed']),
  ...audited,
});
export type TrunkAddressChangedV1 = z.infer<typeof TrunkAddressChangedV1>;
