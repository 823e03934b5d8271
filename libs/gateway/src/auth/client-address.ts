// The source address that login throttling counts against: the TCP peer of the request, as the
// service proxy forwards it (X-Forwarded-For is not trusted: the gateway has no trusted-proxy
// setting, so behind a reverse proxy every client shares the proxy's address). IPv4-mapped IPv6
// becomes IPv4; other IPv6 addresses count per /64, the block one subscriber usually holds, so
// an attacker cannot get fresh counters by walking through its own prefix.
import { isIPv4, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

export const UNKNOWN_SOURCE = 'unknown';

export function clientAddress(request: Pick<IncomingMessage, 'socket'>): string {
  return throttleSource(request.socket.remoteAddress);
}

/** `1.2.3.4` → itself; `::ffff:1.2.3.4` → `1.2.3.4`; `2001:db8:1:2:3:4:5:6` → `2001:db8:1:2::/64`. */
export function throttleSource(address: string | undefined): string {
  if (address === undefined || address === '') return UNKNOWN_SOURCE;
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
