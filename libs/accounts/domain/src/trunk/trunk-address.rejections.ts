// How the trunk-address commands say no (stable codes; 422 input, 409 state, 403 actor).
import { RejectedCommand } from '@billing/decider';

/** Addresses per account: a PBX's few public addresses, and a bounded stream state. */
export const MAX_TRUNK_ADDRESSES = 50;
export const MAX_TECH_PREFIX_CHARS = 10;

export const trunkAddressRejections = {
  invalidTrunkAddress: (problem: string) => new RejectedCommand(`trunk address ${problem}`, 'invalid_trunk_address', 422),
  invalidTechPrefix: () => new RejectedCommand(`a tech prefix is 1 to ${MAX_TECH_PREFIX_CHARS} of 0–9 * #, or null`, 'invalid_tech_prefix', 422),
  trunkAddressOverlaps: (other: string) =>
    new RejectedCommand(
      `${other} overlaps this address; overlapping addresses need tech prefixes that differ and where neither starts with the other`,
      'trunk_address_overlaps',
      409,
    ),
  /** raised where the addresses are projected: another account's overlapping address (the network only: whose is not said). */
  trunkAddressTaken: (other: string) =>
    new RejectedCommand(
      `another account has ${other}, which overlaps this address; shared addresses need tech prefixes that differ and where neither starts with the other`,
      'trunk_address_taken',
      409,
    ),
  tooManyTrunkAddresses: () => new RejectedCommand(`a customer may have at most ${MAX_TRUNK_ADDRESSES} trunk addresses`, 'too_many_trunk_addresses', 409),
  trunkAddressesManagedByItc: () => new RejectedCommand('trunk addresses are registered and removed by ITC', 'trunk_addresses_managed_by_itc', 403),
} as const;
