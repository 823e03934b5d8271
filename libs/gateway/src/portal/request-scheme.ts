// Whether a request reached us over https: a TLS socket, or a trusted reverse proxy
// (TRUSTED_PROXIES) that says so in X-Forwarded-Proto. A client's own X-Forwarded-Proto is not
// believed, as its X-Forwarded-For is not (client-address.ts).
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { TrustedProxies } from '../auth/client-address.js';

export function isHttps(request: Pick<IncomingMessage, 'socket' | 'headers'>, trustedProxies: TrustedProxies): boolean {
  if ((request.socket as Partial<TLSSocket>).encrypted === true) return true;
  if (!trustedProxies.trusts(request.socket.remoteAddress)) return false;
  const header = request.headers['x-forwarded-proto'];
  // the proxy nearest to us appended last
  const proto = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)?.trim().toLowerCase();
  return proto === 'https';
}
