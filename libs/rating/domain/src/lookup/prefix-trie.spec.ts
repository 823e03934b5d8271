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
    // two int32 words per node, plus the 10 000-entry table of 4-digit heads
    expect(trie.byteLength).toBe(12 * 8 + 10_000 * 4);
  });

  describe('the 4-digit head table and its fallbacks', () => {
    it.each([
      ['4420', '4420'], // exactly the head: the answer is the depth-4 node's
      ['4421', '44'], // head whose path ends at depth 3: answered from the table
      ['4400', '44'],
      ['1213', '1'],
      ['9999', '9'],
      ['0000', null],
      ['442', '44'], // shorter than the head: the walk from the root
      ['+442079460958', null], // not normalised: a non-digit first stops at the root
      ['4x2079', null], // non-digit inside the head: '4' alone matches nothing
      ['44x2079', '44'],
      ['442x079', '44'],
      ['4420x79', '4420'], // non-digit right after the head
      ['44207 9', '4420'],
    ])('%s → %s', (number, prefix) => {
      const index = trie.lookup(number);
      expect(index === -1 ? null : prefixes[index]).toBe(prefix);
    });

    it('matches prefixes of up to 16 digits and ignores digits past the 16th', () => {
      const long = '1234567890123456';
      const deck = PrefixTrie.build(['1', long, '123']);
      expect(deck.lookup(long)).toBe(1);
      expect(deck.lookup(`${long}789`)).toBe(1);
      expect(deck.lookup('123456789012345')).toBe(2);
      expect(deck.lookup('1239')).toBe(2);
    });

    it('a deck of prefixes longer than the head still answers their shorter neighbours', () => {
      const deck = PrefixTrie.build(['12345', '1']);
      expect(deck.lookup('12345678')).toBe(0);
      expect(deck.lookup('12346')).toBe(1);
      expect(deck.lookup('2345')).toBe(-1);
    });
  });

  it('agrees with a brute-force longest-prefix search', () => {
    // a dense alphabet shares paths across the 4-digit head; long prefixes reach the 16-digit bound
    const prefix = fc.oneof(fc.stringMatching(/^[0-9]{1,6}$/), fc.stringMatching(/^[0-2]{1,8}$/), fc.stringMatching(/^[0-9]{7,16}$/));
    // numbers: random, or a deck prefix extended (so deep matches are common), with an optional non-digit
    const number = fc.record({ fromDeck: fc.boolean(), pick: fc.nat(), text: fc.stringMatching(/^[0-2]{0,18}x?[0-9]{0,3}$/) });
    fc.assert(
      fc.property(fc.uniqueArray(prefix, { maxLength: 60 }), fc.array(number, { maxLength: 30 }), (deck, numbers) => {
        const built = PrefixTrie.build(deck);
        for (const { fromDeck, pick, text } of numbers) {
          const digits = fromDeck && deck.length > 0 ? (deck[pick % deck.length] as string) + text : text;
          // the match stops at a non-digit (numbers reach the trie normalised; the trie stays total)
          const digitsOnly = digits.split('x')[0] as string;
          let expected = -1;
          for (const [index, candidate] of deck.entries()) {
            if (digitsOnly.startsWith(candidate) && (expected === -1 || candidate.length > (deck[expected] as string).length)) expected = index;
          }
          expect(built.lookup(digits)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
