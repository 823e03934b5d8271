import { isSourceIp, resolveSourceAddress, type TrunkEntry } from './source-address.js';

const a = (techPrefix: string | null, network = '203.0.113.0/24'): TrunkEntry => ({ customerId: 'a', network, techPrefix });
const b = (techPrefix: string | null, network = '203.0.113.7/32'): TrunkEntry => ({ customerId: 'b', network, techPrefix });

describe('resolving a call by its source address', () => {
  it('one entry without a prefix: its account, the destination as dialled', () => {
    expect(resolveSourceAddress([a(null)], '+442079460958')).toEqual({ entry: a(null), destination: '+442079460958' });
  });

  it('the tech prefix the destination starts with picks the account and is stripped; the longest wins', () => {
    expect(resolveSourceAddress([a('11'), b('22')], '22442079460958')).toEqual({ entry: b('22'), destination: '442079460958' });
    expect(resolveSourceAddress([a('1'), b('12')], '12442079460958')).toEqual({ entry: b('12'), destination: '442079460958' });
    expect(resolveSourceAddress([a('1'), b('12')], '13442079460958')).toEqual({ entry: a('1'), destination: '3442079460958' });
    expect(resolveSourceAddress([a(null), a('9', '203.0.113.0/25')], '9442079460958')).toEqual({ entry: a('9', '203.0.113.0/25'), destination: '442079460958' });
  });

  it('nothing holds the address: unknown_source_address; one account whose prefix was not dialled: unknown too', () => {
    expect(resolveSourceAddress([], '+442079460958')).toBe('unknown_source_address');
    expect(resolveSourceAddress([a('11')], '442079460958')).toBe('unknown_source_address');
  });

  it('a shared address without a prefix that tells the accounts apart: ambiguous_source_address', () => {
    expect(resolveSourceAddress([a('11'), b('22')], '33442079460958')).toBe('ambiguous_source_address');
    // accounts refuses such a pair; rating, told of both, still never guesses
    expect(resolveSourceAddress([a('11'), b('11')], '11442079460958')).toBe('ambiguous_source_address');
  });

  test.each([
    ['203.0.113.7', true],
    ['2001:db8::1', true],
    ['203.0.113.0/24', false],
    ['203.0.113.256', false],
    ['pbx.example.com', false],
    ['', false],
  ])('isSourceIp(%j) = %p', (value, expected) => {
    expect(isSourceIp(value)).toBe(expected);
  });
});
