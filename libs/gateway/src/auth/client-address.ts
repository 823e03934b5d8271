// The source address that login throttling counts against. By default the TCP peer of the
// request: X-Forwarded-For is written by whoever sends the request, so trusting it blindly would
// let an attacker pick a fresh address per attempt. Behind a reverse proxy every client would then
// share the proxy's address (one counter for everybody: a global lockout), so TRUSTED_PROXIES
// names the proxies (IP addresses or CIDR blocks): when the peer is one of them, the client is
// the right-most X-Forwarded-For address that is not a trusted proxy — each trusted hop appended
// the address it saw, entries further left were written by the client and are ignored.
// Login and password checks run in the gateway process itself (never proxied to a service), so
// this is the only place that needs the client's address.
// IPv4-mapped IPv6 becomes IPv4; other IPv6 addresses count per /64, the block one subscriber
// usually holds, so an attacker cannot get fresh counters by walking through its own prefix.
import { BlockList, isIP, isIPv4, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

export const UNKNOWN_SOURCE = 'unknown';

/** The reverse proxies whose X-Forwarded-For is believed; empty (the default) = none. */
export class TrustedProxies {
  static readonly NONE = new TrustedProxies([]);
  private readonly blocks = new BlockList();

  /** `entries`: IPv4/IPv6 addresses or CIDR blocks (`10.0.0.0/8`, `fd00::/8`); throws on anything else. */
  constructor(readonly entries: readonly string[]) {
    for (const entry of entries) {
      const parsed = parseProxyEntry(entry);
      if (parsed === null) throw new Error(`"${entry}" is not an IP address or CIDR block`);
      this.blocks.addSubnet(parsed.network, parsed.prefix, parsed.family);
    }
  }

  /** Parses TRUSTED_PROXIES: entries separated by commas or spaces. */
  static parse(list: string): TrustedProxies {
    return new TrustedProxies(list.split(/[\s,]+/).filter((entry) => entry !== ''));
  }

  trusts(address: string | undefined): boolean {
    const plain = address === undefined ? undefined : unmapped(address.trim());
    if (plain === undefined || this.entries.length === 0) return false;
    if (isIPv4(plain)) return this.blocks.check(plain, 'ipv4');
    return isIPv6(plain) && this.blocks.check(plain, 'ipv6');
  }
}

export function clientAddress(request: Pick<IncomingMessage, 'socket' | 'headers'>, trusted: TrustedProxies = TrustedProxies.NONE): string {
  const peer = request.socket.remoteAddress;
  if (!trusted.trusts(peer)) return throttleSource(peer);
  const header = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((hop) => hop.trim());
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index]!;
    if (hop === '') continue;
    client = hop;
    if (!trusted.trusts(hop)) break;
  }
  return throttleSource(client);
}

/** `10.0.0.0/8` → its network, prefix and family; a bare address is a /32 or /128. */
function parseProxyEntry(entry: string): { network: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, extra] = entry.split('/');
  if (extra !== undefined) return null;
  const version = isIP(address);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return null;
  return { network: address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped !== null && isIPv4(mapped[1]!) ? mapped[1]! : address;
}

/** `1.2.3.4` → itself; `::ffff:1.2.3.4` → `1.2.3.4`; `2001:db8:1:2:3:4:5:6` → `2001:db8:1:2::/64`. */
export function throttleSource(untrimmed: string | undefined): string {
  const address = untrimmed?.trim() ?? '';
  if (address === '') return UNKNOWN_SOURCE;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped !== null && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(address)) return address;
  const bare = address.split('%', 1)[0]!; // zone id (fe80::1%eth0)
  if (!isIPv6(bare)) return UNKNOWN_SOURCE;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The 8 groups of an IPv6 address, lower-case without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::', 2);
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  let right = tail === undefined ? [] : groups(tail);
  // a trailing embedded IPv4 (::1.2.3.4) holds the last two groups
  const last = right.at(-1) ?? left.at(-1);
  if (last !== undefined && isIPv4(last)) {
    const [a, b, c, d] = last.split('.').map(Number) as [number, number, number, number];
    const embedded = [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    if (right.length > 0) right = [...right.slice(0, -1), ...embedded];
    else left.splice(left.length - 1, 1, ...embedded);
  }
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => parseInt(group, 16).toString(16));
}
