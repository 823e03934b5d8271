import fc from 'fast-check';
import { PrefixTrie } from './prefix-trie.js';

describe('PrefixTrie: longest-prefix match', () => {
  const prefixes = ['44', '4420', '442079', '1', '1212', '9'];
  const trie = PrefixTrie.build(prefixes);

  it.each([
    ['442079460958', '442079'],
    ['442071234567', '4420'],
    ['441234567890', '44'],
    ['12125550100', '1212'],
    ['13105550100', '1'],
    ['9', '9'],
    ['4', null],
    ['33123456789', null],
    ['', null],
  ])('%s → %s', (number, prefix) => {
    const index = trie.lookup(number);
    expect(index === -1 ? null : prefixes[index]).toBe(prefix);
  });

  it('answers the row index of the input array', () => {
    expect(trie.lookup('4420')).toBe(1);
    expect(trie.size).toBe(6);
  });

  it('stops at a character that is not a digit', () => {
    expect(trie.lookup('44x2079')).toBe(0);
  });

  it('an empty deck matches nothing', () => {
    expect(PrefixTrie.build([]).lookup('44')).toBe(-1);
  });

  it('refuses duplicate and malformed prefixes (the importer reports them first)', () => {
    expect(() => PrefixTrie.build(['44', '1', '44'])).toThrow('duplicate prefix "44"');
    expect(() => PrefixTrie.build(['4a'])).toThrow('a trie prefix must be 1..16 digits, got "4a"');
    expect(() => PrefixTrie.build([''])).toThrow();
  });

  it('allocates one node per distinct digit path', () => {
    // root, 4, 44, 442, 4420, 44207, 442079, 1, 12, 121, 1212, 9
    expect(trie.nodeCount).toBe(12);
    expect(trie.byteLength).toBe(12 * 10);
  });

  it('agrees with a brute-force longest-prefix search', () => {
    const prefix = fc.stringMatching(/^[0-9]{1,6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(prefix, { maxLength: 60 }), fc.array(fc.stringMatching(/^[0-9]{0,10}$/), { maxLength: 30 }), (deck, numbers) => {
        const built = PrefixTrie.build(deck);
        for (const number of numbers) {
          let expected = -1;
          for (const [index, candidate] of deck.entries()) {
            if (number.startsWith(candidate) && (expected === -1 || candidate.length > (deck[expected] as string).length)) expected = index;
          }
          expect(built.lookup(number)).toBe(expected);
        }
      }),
    );
  });
});
