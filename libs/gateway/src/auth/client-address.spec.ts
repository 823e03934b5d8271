import type { IncomingMessage } from 'node:http';
import { clientAddress, TrustedProxies, UNKNOWN_SOURCE } from './client-address.js';

const from = (remoteAddress: string | undefined, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as Pick<IncomingMessage, 'socket' | 'headers'>;

describe('the source address the login throttle counts', () => {
  const proxies = TrustedProxies.parse('10.0.0.0/8, 192.168.1.7 fd00::/8');

  it('is the TCP peer when no proxy is trusted (the default): X-Forwarded-For is anyone\'s to write', () => {
    expect(clientAddress(from('10.1.2.3', '203.0.113.7'))).toBe('10.1.2.3');
    expect(clientAddress(from('::ffff:10.1.2.3', '203.0.113.7'), TrustedProxies.NONE)).toBe('10.1.2.3');
  });

  it('is the TCP peer when the peer is not a trusted proxy, whatever it forwards', () => {
    expect(clientAddress(from('198.51.100.9', '203.0.113.7'), proxies)).toBe('198.51.100.9');
  });

  it('behind trusted proxies, is the right-most forwarded address that is not a trusted proxy', () => {
    expect(clientAddress(from('10.0.0.5', '203.0.113.7'), proxies)).toBe('203.0.113.7');
    expect(clientAddress(from('::ffff:192.168.1.7', '203.0.113.7, 10.9.9.9'), proxies)).toBe('203.0.113.7');
    // entries left of the first untrusted one were written by the client: a forged one is ignored
    expect(clientAddress(from('10.0.0.5', '1.1.1.1, 203.0.113.7'), proxies)).toBe('203.0.113.7');
    expect(clientAddress(from('10.0.0.5', ['1.1.1.1', '203.0.113.7 , 10.0.0.6']), proxies)).toBe('203.0.113.7');
    expect(clientAddress(from('fd00::1', '2001:db8:1:2:3:4:5:6'), proxies)).toBe('2001:db8:1:2::/64');
  });

  it('is the trusted proxy itself when nothing was forwarded, the left-most hop when every hop is trusted', () => {
    expect(clientAddress(from('10.0.0.5'), proxies)).toBe('10.0.0.5');
    expect(clientAddress(from('10.0.0.5', ''), proxies)).toBe('10.0.0.5');
    expect(clientAddress(from('10.0.0.5', '10.0.0.4, 10.0.0.3'), proxies)).toBe('10.0.0.4');
    expect(clientAddress(from('10.0.0.5', 'not-an-address'), proxies)).toBe(UNKNOWN_SOURCE);
  });

  it('takes addresses and CIDR blocks only', () => {
    expect(TrustedProxies.parse(' ').entries).toEqual([]);
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'proxy.internal', '10.0.0.0/8/1', '10.0.0.0/x']) {
      expect(() => TrustedProxies.parse(bad)).toThrow(`"${bad}" is not an IP address or CIDR block`);
    }
    expect(TrustedProxies.parse('192.168.1.7').trusts('192.168.1.8')).toBe(false);
  });
});
