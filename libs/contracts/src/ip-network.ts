// IPv4/IPv6 addresses and CIDR networks as integers (bigint: an IPv6 address is 128 bits): one
// grammar for the trunk addresses accounts registers and the source addresses rating resolves —
// parse, print canonically, tell whether two overlap. No floats, no framework.

export interface IpNetwork {
  readonly version: 4 | 6;
  /** the network's first address. */
  readonly first: bigint;
  /** 0–32 (IPv4) or 0–128 (IPv6); a single address is /32 or /128. */
  readonly prefixLength: number;
}

export type ParsedNetwork = { ok: true; network: IpNetwork } | { ok: false; problem: string };

const BITS = { 4: 32, 6: 128 } as const;
const MAX_TEXT = 64;

/** "203.0.113.7", "203.0.113.0/24", "2001:db8::/48", "2001:db8::1". Host bits after the prefix must be 0. */
export function parseIpNetwork(text: string): ParsedNetwork {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) return fail('must be an IPv4 or IPv6 address or CIDR network');
  const [addressText, lengthText, ...rest] = text.split('/');
  if (rest.length > 0 || addressText === undefined) return fail('must be an IPv4 or IPv6 address or CIDR network');
  const address = addressText.includes(':') ? parseIpv6(addressText) : parseIpv4(addressText);
  if (address === null) return fail(`"${addressText}" is not an IPv4 or IPv6 address`);
  const bits = BITS[address.version];
  let prefixLength: number = bits;
  if (lengthText !== undefined) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(lengthText) || Number(lengthText) > bits) return fail(`the prefix length must be 0 to ${bits}`);
    prefixLength = Number(lengthText);
  }
  if ((address.value & hostMask(bits, prefixLength)) !== 0n) {
    return fail(`${text} has bits set after its /${prefixLength} prefix: write the network's first address (${format(address.version, address.value & ~hostMask(bits, prefixLength))}/${prefixLength})`);
  }
  return { ok: true, network: { version: address.version, first: address.value, prefixLength } };
}

/**
 * The address a call came from, canonical ("203.0.113.50", "2001:db8::1"), or null when the text
 * is not one address. A dual-stack switch reports an IPv4 peer as the IPv4-mapped IPv6 address
 * "::ffff:203.0.113.50"; it is the IPv4 address, so it is matched against IPv4 trunk ranges.
 */
export function canonicalSourceAddress(text: string): string | null {
  if (typeof text !== 'string' || text.includes('/')) return null;
  const parsed = parseIpNetwork(text);
  if (!parsed.ok) return null;
  const { version, first } = parsed.network;
  if (version === 6 && first >> 32n === IPV4_MAPPED_PREFIX) return format(4, first & 0xffffffffn);
  return format(version, first);
}

/** ::ffff:0:0/96 — the upper 96 bits of an IPv4-mapped IPv6 address. */
const IPV4_MAPPED_PREFIX = 0xffffn;

/** The network's last address. */
export function lastAddress(network: IpNetwork): bigint {
  return network.first | hostMask(BITS[network.version], network.prefixLength);
}

export function overlaps(a: IpNetwork, b: IpNetwork): boolean {
  return a.version === b.version && a.first <= lastAddress(b) && b.first <= lastAddress(a);
}

/** true when every address of `inner` is in `outer`. */
export function contains(outer: IpNetwork, inner: IpNetwork): boolean {
  return outer.version === inner.version && outer.first <= inner.first && lastAddress(inner) <= lastAddress(outer);
}

/** Canonical CIDR text: "203.0.113.0/24", "2001:db8::/48", a single address "203.0.113.7/32". */
export function formatIpNetwork(network: IpNetwork): string {
  return `${format(network.version, network.first)}/${network.prefixLength}`;
}

function hostMask(bits: number, prefixLength: number): bigint {
  return (1n << BigInt(bits - prefixLength)) - 1n;
}

function parseIpv4(text: string): { version: 4; value: bigint } | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // no leading zeros: "010" is octal to some parsers and decimal to others
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return { version: 4, value };
}

function parseIpv6(text: string): { version: 6; value: bigint } | null {
  let groups: string[];
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const split = (half: string) => (half === '' ? [] : half.split(':'));
  let tail = split(halves[halves.length - 1]!);
  // an IPv4 tail ("::ffff:192.0.2.1") stands for two groups
  const last = tail[tail.length - 1];
  if (last !== undefined && last.includes('.')) {
    const v4 = parseIpv4(last);
    if (v4 === null) return null;
    tail = [...tail.slice(0, -1), (v4.value >> 16n).toString(16), (v4.value & 0xffffn).toString(16)];
  }
  if (halves.length === 2) {
    const head = split(halves[0]!);
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return null;
    groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  } else {
    groups = tail;
  }
  if (groups.length !== 8) return null;
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return { version: 6, value };
}

function format(version: 4 | 6, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (value >> BigInt(112 - 16 * i)) & 0xffffn);
  // RFC 5952: the longest run of two or more zero groups (the first of equals) becomes "::"
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0n) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0n) j += 1;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function fail(problem: string): ParsedNetwork {
  return { ok: false, problem };
}
