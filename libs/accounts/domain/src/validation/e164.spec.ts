import fc from 'fast-check';
import { isE164, normaliseE164 } from './e164.js';

describe('normaliseE164', () => {
  it.each([
    ['+442079460958', '+442079460958'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20-7946-0958', '+442079460958'],
    ['+1 (212) 555-0123', '+12125550123'],
    ['+34.912.345.678', '+34912345678'],
    ['  +4930123456  ', '+4930123456'],
    ['+12345678', '+12345678'],
    ['+123456789012345', '+123456789012345'],
  ])('%p → %p', (input, expected) => {
    expect(normaliseE164(input)).toBe(expected);
  });

  it.each([
    ['a national number (country unknown)', '020 7946 0958'],
    ['a country code starting with 0', '+0442079460958'],
    ['fewer than 8 digits', '+1234567'],
    ['more than 15 digits', '+1234567890123456'],
    ['letters', '+44 20 CALL NOW'],
    ['a plus inside', '+44+2079460958'],
    ['00 followed by +', '00+442079460958'],
    ['empty', ''],
    ['overlong input', `+44${' '.repeat(40)}2079460958`],
  ])('refuses %s', (_case, input) => {
    expect(normaliseE164(input)).toBeNull();
  });

  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
  const separators = fc.constantFrom('', ' ', '-', '.', '(', ')');
  /** numbers as people type them: +, 00 or nothing in front; separators sprinkled between digits. */
  const typedNumbers = fc
    .tuple(fc.constantFrom('+', '00', '', ' +'), fc.array(fc.tuple(digits(1, 4), separators), { minLength: 1, maxLength: 8 }))
    .map(([prefix, groups]) => prefix + groups.map(([group, separator]) => group + separator).join(''));
  const anyInput = fc.oneof(typedNumbers, fc.string({ maxLength: 40 }));

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const once = normaliseE164(input);
        expect(once === null ? null : normaliseE164(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('outputs "+" and 8..15 digits, not starting with 0, or null', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const output = normaliseE164(input);
        if (output !== null) {
          expect(output).toMatch(/^\+[1-9][0-9]{7,14}$/);
          expect(isE164(output)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps exactly the digits typed after the international prefix', () => {
    fc.assert(
      fc.property(fc.constantFrom('+', '00'), digits(1, 1).filter((d) => d !== '0'), digits(7, 14), separators, (prefix, first, rest, separator) => {
        const typed = `${prefix}${first}${separator}${rest.slice(0, 3)} ${rest.slice(3)}`;
        expect(normaliseE164(typed)).toBe(`+${first}${rest}`);
      }),
    );
  });
});
