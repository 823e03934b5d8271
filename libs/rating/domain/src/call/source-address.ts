// Whose call it is when it names neither an account nor a SIP user: the PBX trunk it came from
// (issue 13 §2). Accounts registers each trunk address (an IP or CIDR range, with an optional
// tech prefix when several accounts share it) and refuses overlaps the tech prefixes cannot tell
// apart; here the entries whose range holds the call's source address are narrowed to those whose
// tech prefix the destination starts with, and the longest prefix wins and is stripped.
import { parseIpNetwork } from '@billing/contracts';

export type SourceAddressRefusal = 'unknown_source_address' | 'ambiguous_source_address';

export interface TrunkEntry {
  readonly customerId: string;
  readonly network: string;
  readonly techPrefix: string | null;
}

export type SourceAddressMatch<E extends TrunkEntry> = { readonly entry: E; readonly destination: string } | SourceAddressRefusal;

/** A single IPv4 or IPv6 address (no range), as a switch reports a call's source. */
export function isSourceIp(value: string): boolean {
  const parsed = parseIpNetwork(value);
  return !value.includes('/') && parsed.ok;
}

/**
 * `entries`: the trunk addresses whose range holds the call's source address. The entries whose
 * tech prefix (none = always) starts the destination; of those the longest prefix wins, and its
 * digits are stripped from the destination. Nothing holds the address: unknown_source_address.
 * Entries of several accounts hold it but none (or more than one account at the longest prefix)
 * matches the destination: ambiguous_source_address — the PBX's tech prefix was missing.
 */
export function resolveSourceAddress<E extends TrunkEntry>(entries: readonly E[], destination: string): SourceAddressMatch<E> {
  if (entries.length === 0) return 'unknown_source_address';
  const matching = entries.filter((entry) => entry.techPrefix === null || destination.startsWith(entry.techPrefix));
  const longest = Math.max(-1, ...matching.map((entry) => entry.techPrefix?.length ?? 0));
  const best = matching.filter((entry) => (entry.techPrefix?.length ?? 0) === longest);
  const accounts = new Set((best.length > 0 ? best : entries).map((entry) => entry.customerId));
  if (best.length === 0) return accounts.size > 1 ? 'ambiguous_source_address' : 'unknown_source_address';
  if (accounts.size > 1) return 'ambiguous_source_address';
  const entry = best[0]!;
  return { entry, destination: destination.slice(entry.techPrefix?.length ?? 0) };
}
