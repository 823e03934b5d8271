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
  ])('the same %s', (_, a, b) => {
    expect(sameDistinctName(a, b)).toBe(true);
  });

  it('different names differ', () => {
    expect(sameDistinctName('Acme sell', 'Acme sell 2')).toBe(false);
    expect(sameDistinctName('Acme sell', 'Acmesell')).toBe(false);
    expect(distinctNameKey(' ITC\u00a0Base ')).toBe('itc base');
  });
});
