// When two trunk addresses can live side by side: a call from an address in both must still name
// one account, which only the tech prefix the PBX dials can do.
import { overlaps, parseIpNetwork } from '@billing/contracts';
import type { TrunkAddress } from './trunk-address.types.js';

/** Two prefixes tell calls apart when both are set, differ, and neither starts with the other. */
export function prefixesDistinguish(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && !a.startsWith(b) && !b.startsWith(a);
}

/** true when `a` and `b` would both match some call (their networks overlap and prefixes do not tell them apart). */
export function trunkAddressesConflict(a: TrunkAddress, b: TrunkAddress): boolean {
  const [na, nb] = [parseIpNetwork(a.network), parseIpNetwork(b.network)];
  if (!na.ok || !nb.ok) return false;
  return overlaps(na.network, nb.network) && !prefixesDistinguish(a.techPrefix, b.techPrefix);
}
