// Deciding the trunk-address commands on the customer's state: ITC only; addresses normalised to
// canonical CIDR; an address overlapping another of the account is refused unless the tech
// prefixes tell them apart (overlaps with other accounts are refused where the addresses are
// projected, atomically with the append). A repeated command whose effect is in place decides nothing.
import { isItc } from '../shared/actor.js';
import { auditOf } from '../shared/command-meta.js';
import type { CustomerEvent } from '../customer/customer.events.js';
import type { CustomerState, OpenedCustomer } from '../customer/customer.state.js';
import { changeable } from '../customer/decide/guards.js';
import { formatIpNetwork, parseIpNetwork } from '@billing/contracts';
import { MAX_TECH_PREFIX_CHARS, MAX_TRUNK_ADDRESSES, trunkAddressRejections } from './trunk-address.rejections.js';
import { trunkAddressesConflict } from './trunk-address.rules.js';
import type { TrunkAddress, TrunkAddressCommand } from './trunk-address.types.js';

/** 1–MAX_TECH_PREFIX_CHARS of 0–9 * # (the HTTP schema checks the same, answering 400 like any malformed field). */
export const TECH_PREFIX = new RegExp(`^[0-9*#]{1,${MAX_TECH_PREFIX_CHARS}}$`);

export function decideTrunkAddress(command: TrunkAddressCommand, state: CustomerState): CustomerEvent[] {
  const customer = changeable(state, command.customerId);
  if (!isItc(command.meta)) throw trunkAddressRejections.trunkAddressesManagedByItc();
  const address = trunkAddressOf(command.address, command.techPrefix);
  const existing = customer.trunkAddresses.some((a) => sameAddress(a, address));
  const audit = auditOf(command.meta);
  if (command.type === 'RemoveTrunkAddress') {
    return existing ? [{ type: 'TrunkAddressRemoved', customerId: customer.customerId, ...address, ...audit }] : [];
  }
  if (existing) return [];
  assertFits(customer, address);
  return [{ type: 'TrunkAddressAdded', customerId: customer.customerId, ...address, ...audit }];
}

/** The address normalised, or the rejection of its first bad part. */
export function trunkAddressOf(addressText: string, techPrefix: string | null): TrunkAddress {
  const parsed = parseIpNetwork(addressText);
  if (!parsed.ok) throw trunkAddressRejections.invalidTrunkAddress(parsed.problem);
  if (techPrefix !== null && !TECH_PREFIX.test(techPrefix)) throw trunkAddressRejections.invalidTechPrefix();
  return { network: formatIpNetwork(parsed.network), techPrefix };
}

export function sameAddress(a: TrunkAddress, b: TrunkAddress): boolean {
  return a.network === b.network && a.techPrefix === b.techPrefix;
}

function assertFits(customer: OpenedCustomer, address: TrunkAddress): void {
  const conflicting = customer.trunkAddresses.find((other) => trunkAddressesConflict(other, address));
  if (conflicting !== undefined) throw trunkAddressRejections.trunkAddressOverlaps(describe(conflicting));
  if (customer.trunkAddresses.length >= MAX_TRUNK_ADDRESSES) throw trunkAddressRejections.tooManyTrunkAddresses();
}

function describe(address: TrunkAddress): string {
  return address.techPrefix === null ? address.network : `${address.network} (tech prefix ${address.techPrefix})`;
}
