import { canonicalSourceAddress, contains, formatIpNetwork, overlaps, parseIpNetwork, type IpNetwork } from './ip-network.js';

const net = (text: string): IpNetwork => {
  const parsed = parseIpNetwork(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.network;
};

describe('parseIpNetwork', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7/32'],
    ['203.0.113.0/24', '203.0.113.0/24'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8::1', '2001:db8::1/128'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1/128'],
    ['2001:db8::/48', '2001:db8::/48'],
    ['::', '::/128'],
    ['::ffff:192.0.2.1', '::ffff:c000:201/128'],
    ['fe80:0:0:0:0:0:0:0/10', 'fe80::/10'],
  ])('%s → %s', (text, canonical) => {
    expect(formatIpNetwork(net(text))).toBe(canonical);
  });

  test.each(['', '203.0.113', '203.0.113.256', '203.0.113.07', '203.0.113.0/33', '203.0.113.0/', '203.0.113.0/024', '2001:db8::/129', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', 'g::1', 'localhost', '203.0.113.0/24/1', ' 203.0.113.7'])(
    'refuses %j',
    (text) => {
      expect(parseIpNetwork(text).ok).toBe(false);
    },
  );

  it('refuses host bits after the prefix and names the network meant', () => {
    expect(parseIpNetwork('203.0.113.7/24')).toEqual({ ok: false, problem: expect.stringContaining('203.0.113.0/24') });
    expect(parseIpNetwork('2001:db8::1/64')).toEqual({ ok: false, problem: expect.stringContaining('2001:db8::/64') });
  });
});

describe('overlaps and contains', () => {
  test.each([
    ['203.0.113.0/24', '203.0.113.200', true],
    ['203.0.113.0/25', '203.0.113.128/25', false],
    ['203.0.113.0/24', '203.0.112.0/23', true],
    ['10.0.0.0/8', '11.0.0.0/8', false],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['2001:db8::/32', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['2001:db8::/32', '2001:db9::/32', false],
    // another family never overlaps, even ::ffff:0:0/96 with IPv4
    ['::ffff:0:0/96', '192.0.2.1', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(overlaps(net(a), net(b))).toBe(expected);
    expect(overlaps(net(b), net(a))).toBe(expected);
  });

  it('contains is one-way', () => {
    expect(contains(net('203.0.112.0/23'), net('203.0.113.0/24'))).toBe(true);
    expect(contains(net('203.0.113.0/24'), net('203.0.112.0/23'))).toBe(false);
    expect(contains(net('203.0.113.0/24'), net('203.0.113.0/24'))).toBe(true);
  });
});

describe('canonicalSourceAddress', () => {
  test.each([
    ['203.0.113.50', '203.0.113.50'],
    ['::ffff:203.0.113.50', '203.0.113.50'],
    ['::FFFF:cb00:7132', '203.0.113.50'],
    ['0:0:0:0:0:ffff:203.0.113.50', '203.0.113.50'],
    ['2001:DB8::1', '2001:db8::1'],
    ['::203.0.113.50', '::cb00:7132'],
    ['64:ff9b::203.0.113.50', '64:ff9b::cb00:7132'],
  ])('%s → %s', (text, canonical) => {
    expect(canonicalSourceAddress(text)).toBe(canonical);
  });

  test.each(['', '203.0.113.0/24', '::ffff:203.0.113.0/120', 'pbx.example.com', '::ffff:203.0.113.256'])('refuses %j', (text) => {
    expect(canonicalSourceAddress(text)).toBeNull();
  });
});
