import fc from 'fast-check';
import { isValidAccountNumber, luhnCheckDigit, MAX_ACCOUNT_SEQUENCE, nextAccountNumber } from './account-number.js';

describe('account numbers', () => {
  it('computes the textbook Luhn check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('0')).toBe('0');
  });

  it('numbers sequence 0.. from 1000000008 up to 9999999999: 10 digits, never a leading zero', () => {
    expect(nextAccountNumber(0)).toBe('1000000008');
    expect(nextAccountNumber(1n)).toBe('1000000016');
    expect(nextAccountNumber(MAX_ACCOUNT_SEQUENCE)).toBe('9999999999');
  });

  it('refuses a sequence outside its range', () => {
    expect(() => nextAccountNumber(-1)).toThrow(RangeError);
    expect(() => nextAccountNumber(MAX_ACCOUNT_SEQUENCE + 1n)).toThrow(RangeError);
    expect(() => nextAccountNumber(1.5)).toThrow(RangeError);
  });

  const anySequence = fc.bigInt({ min: 0n, max: MAX_ACCOUNT_SEQUENCE });

  it('always carries a valid check digit', () => {
    fc.assert(
      fc.property(anySequence, (sequence) => {
        const accountNumber = nextAccountNumber(sequence);
        expect(accountNumber).toMatch(/^[1-9][0-9]{9}$/);
        expect(isValidAccountNumber(accountNumber)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives distinct numbers to distinct sequences (the payload is the sequence)', () => {
    fc.assert(
      fc.property(anySequence, anySequence, (a, b) => {
        fc.pre(a !== b);
        expect(nextAccountNumber(a)).not.toBe(nextAccountNumber(b));
      }),
    );
  });

  it('catches any single mistyped digit', () => {
    fc.assert(
      fc.property(anySequence, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (sequence, position, delta) => {
        const accountNumber = nextAccountNumber(sequence);
        const digit = (Number(accountNumber[position]) + delta) % 10;
        const typo = accountNumber.slice(0, position) + String(digit) + accountNumber.slice(position + 1);
        expect(isValidAccountNumber(typo)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses malformed input', () => {
    for (const input of ['', '100000001', '10000000166', '0000000000', '100000001a', ' 1000000016']) {
      expect(isValidAccountNumber(input)).toBe(false);
    }
  });
});
