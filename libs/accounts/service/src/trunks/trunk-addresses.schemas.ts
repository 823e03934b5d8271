// Bodies and answers of the trunk-address routes. Shapes here (400, the tech prefix's length and
// characters too, as for every other field's format); the rules — address syntax, overlaps — are
// the domain's (422/409 with a code).
import { MAX_TECH_PREFIX_CHARS, TECH_PREFIX } from '@billing/accounts-domain';
import { z } from 'zod';
import type { TrunkAddressRow } from './trunk-addresses.queries.js';

const Address = z.string().min(1).max(64).meta({
  description: 'a single IPv4/IPv6 address or a CIDR network whose host bits are 0 (else 422 invalid_trunk_address)',
  examples: ['203.0.113.7', '203.0.113.0/24', '2001:db8::/48'],
});
const TechPrefixText = z.string().regex(TECH_PREFIX, `1 to ${MAX_TECH_PREFIX_CHARS} characters of 0–9, * and #`);
const TechPrefix = TechPrefixText.nullable()
  .meta({ description: `1–${MAX_TECH_PREFIX_CHARS} of 0–9 * # the PBX dials before the destination (stripped before rating); null = none`, examples: ['1234'] });

export const AddTrunkAddressBody = z.strictObject({ address: Address, techPrefix: TechPrefix.optional() });
export type AddTrunkAddressBody = z.infer<typeof AddTrunkAddressBody>;

export const RemoveTrunkAddressQuery = z.strictObject({
  address: Address,
  techPrefix: TechPrefixText.optional().meta({ description: 'the entry’s tech prefix; absent = the entry without one' }),
});
export type RemoveTrunkAddressQuery = z.infer<typeof RemoveTrunkAddressQuery>;

export const TrunkAddressView = z.object({
  customerId: z.string(),
  network: z.string().meta({ description: 'canonical CIDR; a single address is /32 or /128' }),
  techPrefix: z.string().nullable(),
  addedAt: z.string(),
});
export type TrunkAddressView = z.infer<typeof TrunkAddressView>;

export function trunkAddressView(row: TrunkAddressRow): TrunkAddressView {
  return { customerId: row.customerId, network: row.network, techPrefix: row.techPrefix, addedAt: row.addedAt };
}
