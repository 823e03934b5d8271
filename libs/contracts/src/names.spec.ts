import { distinctNameKey, normaliseDistinctName, sameDistinctName } from './names.js';

describe('normaliseDistinctName', () => {
  test.each([
    ['surrounding spaces are trimmed', '  Acme sell ', 'Acme sell'],
    ['a run of spaces is one space', 'Acme  sell', 'Acme sell'],
    ['a no-break space is a space', 'ITC\u00a0base', 'ITC base'],
    ['other space separators and a tab are spaces', 'ITC\u2003\u202f\tbase\u3000', 'ITC base'],
    ['a line break is a space', 'ITC\r\nbase', 'ITC base'],
    ['decomposed accents are composed (NFC)', 'Cafe\u0301 retail', 'Caf\u00e9 retail'],
    ['a plain name is as it was', 'Prepaid basic', 'Prepaid basic'],
    ['fullwidth letters are kept as shown (only compared by NFKC)', '\uff29\uff34\uff23 base', '\uff29\uff34\uff23 base'],
    ['blank is empty (the caller refuses it)', ' \u00a0 ', ''],
  ])('%s', (_, input, expected) => {
    expect(normaliseDistinctName(input)).toBe(expected);
  });

  test.each([
    ['a zero-width space', 'Acme\u200bsell'],
    ['a byte-order mark', '\ufeffAcme'],
    ['a bidi override', 'Acme \u202esell'],
    ['a bidi isolate', 'Acme \u2066sell\u2069'],
    ['a soft hyphen', 'Ac\u00adme'],
    ['a NUL', 'Ac\u0000me'],
    ['a lone surrogate', `Acme ${String.fromCharCode(0xd800)}`],
    ['an emoji variation selector', 'ITC\ufe0f base'],
    ['a combining grapheme joiner', 'IT\u034fC base'],
    ['a Mongolian free variation selector', 'ITC\u180b base'],
    ['a Mongolian vowel separator', 'ITC\u180e base'],
    ['a Hangul filler', 'ITC \u3164base'],
    ['a Hangul choseong filler', 'ITC\u115f base'],
    ['a Hangul jungseong filler', 'ITC\u1160 base'],
    ['a halfwidth Hangul filler', 'ITC\uffa0 base'],
  ])('refuses a name with %s (null)', (_, input) => {
    expect(normaliseDistinctName(input)).toBeNull();
  });
});

describe('sameDistinctName', () => {
  test.each([
    ['in any case', 'ACME SELL', 'acme sell'],
    ['with a no-break space', 'ITC\u00a0base', 'itc base'],
    ['with more spaces', ' Acme  sell ', 'Acme sell'],
    ['composed or decomposed', 'Cafe\u0301', 'caf\u00e9'],
    ['a stored name with an invisible character, as it shows', 'Acme\u200bsell', 'acmesell'],
    ['a stored name with a variation selector or a Hangul filler, as it shows', 'ITC\ufe0f base\u3164', 'itc base'],
    ['in fullwidth letters (NFKC)', '\uff29\uff34\uff23 base', 'ITC base'],
    ['with a ligature (NFKC)', 'O\ufb03ce', 'office'],
    ['folded in full: ß is ss', 'STRASSE', 'stra\u00dfe'],
    ['folded in full: a capital sharp s', 'STRA\u1e9eE', 'strasse'],
    ['a dotted capital I, composed or not', '\u0130tc', 'I\u0307TC'],
    ['a final sigma', '\u039f\u0394\u039f\u03a3', '\u03bf\u03b4\u03bf\u03c3'],
  ])('the same %s', (_, a, b) => {
    expect(sameDistinctName(a, b)).toBe(true);
  });

  it('different names differ', () => {
    expect(sameDistinctName('Acme sell', 'Acme sell 2')).toBe(false);
    expect(sameDistinctName('Acme sell', 'Acmesell')).toBe(false);
    // full (not Turkic) folding: a dotted capital I keeps its dot, so it is not a plain i
    expect(sameDistinctName('\u0130tc', 'itc')).toBe(false);
    expect(sameDistinctName('Caf\u00e9', 'Cafe')).toBe(false);
    expect(distinctNameKey(' ITC\u00a0Base ')).toBe('itc base');
    expect(distinctNameKey('\uff29\uff34\uff23\u3000Stra\u00dfe')).toBe('itc strasse');
  });
});
