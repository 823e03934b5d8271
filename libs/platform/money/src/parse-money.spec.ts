import fc from 'fast-check';
import { formatMoney } from './format-money.js';
import { MoneyFormatError } from './money-format-error.js';
import { parseMoney, parseNonNegativeMoney, parsePositiveMoney } from './parse-money.js';
import { anyMicros, validDecimalString } from './testing/arbitraries.js';

function rejection(run: () => unknown): MoneyFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof MoneyFormatError) return error;
    throw error;
  }
  throw new Error('expected a MoneyFormatError');
}

describe('parseMoney accepts a strict decimal string', () => {
  it.each([
    ['0', 0n],
    ['12.5', 12_500_000n],
    ['12.50', 12_500_000n],
    ['0.0085', 8_500n],
    ['3', 3_000_000n],
    ['0.000001', 1n],
    ['-0.000001', -1n],
    ['-12.345678', -12_345_678n],
    ['999999999999999999.999999', 999_999_999_999_999_999_999_999n],
    ['-999999999999999999.999999', -999_999_999_999_999_999_999_999n],
    ['100', 100_000_000n],
    ['0.10', 100_000n],
  ])('%s → %s micros', (input, micros) => {
    expect(parseMoney(input)).toBe(micros);
  });

  it.each(['-0', '-0.0', '-0.000000', '0.000000'])('%s is zero, never a negative zero', (input) => {
    expect(parseMoney(input)).toBe(0n);
  });
});

describe('parseMoney refuses anything else with a clear message', () => {
  it.each<[unknown, string]>([
    [12.5, 'amount must be a decimal string like "12.50", got number 12.5'],
    [0, 'amount must be a decimal string like "12.50", got number 0'],
    [Number.NaN, 'amount must be a decimal string like "12.50", got number NaN'],
    [12n, 'amount must be a decimal string like "12.50", got bigint 12'],
    [true, 'amount must be a decimal string like "12.50", got boolean true'],
    [null, 'amount must be a decimal string like "12.50", got null'],
    [undefined, 'amount must be a decimal string like "12.50", got undefined'],
    [['12.5'], 'amount must be a decimal string like "12.50", got array'],
    [{ value: '12.5' }, 'amount must be a decimal string like "12.50", got object'],
  ])('non-string %p', (input, message) => {
    expect(rejection(() => parseMoney(input)).message).toBe(message);
  });

  it.each<[string, string]>([
    ['', 'amount must be a decimal string like "12.50", got ""'],
    ['   ', 'amount must be a decimal string like "12.50", got "   "'],
    [' 1', 'amount must be a decimal string like "12.50", got " 1"'],
    ['1 ', 'amount must be a decimal string like "12.50", got "1 "'],
    ['1\n', 'amount must be a decimal string like "12.50", got "1\\n"'],
    ['+1', 'amount must be a decimal string like "12.50", got "+1"'],
    ['1e3', 'amount must be a decimal string like "12.50", got "1e3"'],
    ['NaN', 'amount must be a decimal string like "12.50", got "NaN"'],
    ['Infinity', 'amount must be a decimal string like "12.50", got "Infinity"'],
    ['-Infinity', 'amount must be a decimal string like "12.50", got "-Infinity"'],
    ['1,5', 'amount must be a decimal string like "12.50", got "1,5"'],
    ['1_000', 'amount must be a decimal string like "12.50", got "1_000"'],
    ['.5', 'amount must be a decimal string like "12.50", got ".5"'],
    ['5.', 'amount must be a decimal string like "12.50", got "5."'],
    ['-', 'amount must be a decimal string like "12.50", got "-"'],
    ['--1', 'amount must be a decimal string like "12.50", got "--1"'],
    ['1.2.3', 'amount must be a decimal string like "12.50", got "1.2.3"'],
    ['0x10', 'amount must be a decimal string like "12.50", got "0x10"'],
    ['١٢', 'amount must be a decimal string like "12.50", got "١٢"'],
    ['12 USD', 'amount must be a decimal string like "12.50", got "12 USD"'],
    ['007', 'amount must not have leading zeros, got "007"'],
    ['00.5', 'amount must not have leading zeros, got "00.5"'],
    ['-01', 'amount must not have leading zeros, got "-01"'],
    ['0.1234567', 'amount must have at most 6 decimal places, got "0.1234567"'],
    ['1.0000000', 'amount must have at most 6 decimal places, got "1.0000000"'],
    ['1000000000000000000', 'amount must have at most 18 integer digits, got "1000000000000000000"'],
    ['1'.repeat(40), `amount must have at most 18 integer digits, got "${'1'.repeat(32)}…"`],
  ])('%p', (input, message) => {
    expect(rejection(() => parseMoney(input)).message).toBe(message);
  });

  it('names the field it was given, and carries it', () => {
    const error = rejection(() => parseMoney(0.4, 'connectFee'));
    expect(error.message).toBe('connectFee must be a decimal string like "12.50", got number 0.4');
    expect(error.field).toBe('connectFee');
    expect(error.reason).toBe('must be a decimal string like "12.50", got number 0.4');
    expect(error.name).toBe('MoneyFormatError');
    expect(error).toBeInstanceOf(Error);
  });
});

describe('parsePositiveMoney and parseNonNegativeMoney', () => {
  it('accept what is in range', () => {
    expect(parsePositiveMoney('0.000001')).toBe(1n);
    expect(parseNonNegativeMoney('0')).toBe(0n);
    expect(parseNonNegativeMoney('-0')).toBe(0n);
  });

  it.each<[string, string]>([
    ['0', 'price must be greater than 0, got "0"'],
    ['-0.00', 'price must be greater than 0, got "-0.00"'],
    ['-5', 'price must be greater than 0, got "-5"'],
  ])('parsePositiveMoney refuses %p', (input, message) => {
    expect(rejection(() => parsePositiveMoney(input, 'price')).message).toBe(message);
  });

  it('parseNonNegativeMoney refuses a negative amount', () => {
    expect(rejection(() => parseNonNegativeMoney('-0.01', 'creditLimit')).message).toBe('creditLimit must not be negative, got "-0.01"');
  });

  it('both still refuse a malformed amount with the format message', () => {
    expect(rejection(() => parsePositiveMoney(5)).message).toBe('amount must be a decimal string like "12.50", got number 5');
    expect(rejection(() => parseNonNegativeMoney('5.')).message).toBe('amount must be a decimal string like "12.50", got "5."');
  });
});

describe('parseMoney properties', () => {
  it('parse(format(x)) === x for every representable amount', () => {
    fc.assert(fc.property(anyMicros, (micros) => parseMoney(formatMoney(micros)) === micros), { numRuns: 2000 });
  });

  it('format(parse(s)) is canonical and denotes the same amount', () => {
    const canonical = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;
    fc.assert(
      fc.property(validDecimalString, (input) => {
        const formatted = formatMoney(parseMoney(input));
        expect(formatted).toMatch(canonical);
        expect(formatted).not.toBe('-0');
        expect(parseMoney(formatted)).toBe(parseMoney(input));
        expect(formatMoney(parseMoney(formatted))).toBe(formatted);
      }),
      { numRuns: 2000 },
    );
  });

  it('any other string is refused with a MoneyFormatError, never parsed loosely', () => {
    const grammar = /^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,6})?$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', ' ', ',') }), (input) => {
        if (grammar.test(input)) expect(typeof parseMoney(input)).toBe('bigint');
        else expect(() => parseMoney(input)).toThrow(MoneyFormatError);
      }),
      { numRuns: 2000 },
    );
  });
});
