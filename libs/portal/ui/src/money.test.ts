import { describe, expect, it } from 'vitest';
import { compareMoney, formatMoney, moneyInputText, normaliseMoney, parseMoneyInput, toMicroUnits } from './money';

describe('formatMoney', () => {
  it('groups digits and places the symbol as the locale does', () => {
    expect(formatMoney('1234567.5', 'USD', 'en')).toBe('$1,234,567.50');
    expect(formatMoney('-1234567.5', 'USD', 'en')).toBe('-$1,234,567.50');
    expect(formatMoney('1234567.5', 'EUR', 'es')).toBe('1.234.567,50\u00a0€');
  });

  it('keeps every decimal the amount carries and pads to the currency minimum', () => {
    expect(formatMoney('0.000125', 'USD', 'en')).toBe('$0.000125');
    expect(formatMoney('12', 'USD', 'en')).toBe('$12.00');
    expect(formatMoney('007.100', 'USD', 'en')).toBe('$7.10');
  });

  it('is exact past what a float can hold', () => {
    // 9007199254740993 is 2^53 + 1: Number() would print …992
    expect(formatMoney('9007199254740993.000001', 'USD', 'en')).toBe('$9,007,199,254,740,993.000001');
  });

  it('does not group a four-digit amount where the locale does not (es)', () => {
    expect(formatMoney('1234.5', 'EUR', 'es')).toBe('1234,50\u00a0€');
    expect(formatMoney('12345.5', 'EUR', 'es')).toBe('12.345,50\u00a0€');
  });

  it('shows no minus for a negative zero and leaves a non-amount as it is', () => {
    expect(formatMoney('-0.00', 'USD', 'en')).toBe('$0.00');
    expect(formatMoney('abc', 'USD', 'en')).toBe('abc');
  });
});

describe('parseMoneyInput', () => {
  it('normalises what a person types', () => {
    expect(parseMoneyInput('12.50')).toBe('12.5');
    expect(parseMoneyInput(' 0012 ')).toBe('12');
    expect(parseMoneyInput('.5')).toBe('0.5');
    expect(parseMoneyInput('3.')).toBe('3');
    expect(parseMoneyInput('0.123456')).toBe('0.123456');
  });

  it('refuses signs, letters, a 7th decimal and empty text', () => {
    for (const text of ['-1', '+1', '1e3', '0.1234567', '1.2.3', '', ' ', '.', 'abc', '１２']) expect(parseMoneyInput(text)).toBeNull();
  });

  // acceptance: typing 1,5 in the English portal deposited 1.50 and 1,000 would have deposited 1.00
  it('in English reads "." as the decimal mark and "," only as grouping, never as a decimal mark', () => {
    expect(parseMoneyInput('1,000', 'en')).toBe('1000');
    expect(parseMoneyInput('1,234,567.5', 'en')).toBe('1234567.5');
    for (const text of ['1,5', '1,50', '1,0000', '12,34.5', ',5', '1,000,00']) expect(parseMoneyInput(text, 'en')).toBeNull();
  });

  it('in Spanish reads "," as the decimal mark and "." only as grouping', () => {
    expect(parseMoneyInput('1,5', 'es')).toBe('1.5');
    expect(parseMoneyInput('1.000', 'es')).toBe('1000');
    expect(parseMoneyInput('1.234,56', 'es')).toBe('1234.56');
    expect(parseMoneyInput('0,123456', 'es')).toBe('0.123456');
    // a regional form writes numbers as Intl says it does (Mexico: 1,234.5)
    expect(parseMoneyInput('1,234.5', 'es-MX')).toBe('1234.5');
    for (const text of ['1.5', '1.50', '1,2,3', '1,1234567']) expect(parseMoneyInput(text, 'es')).toBeNull();
  });

  it('writes an amount with the language\'s decimal mark for the input', () => {
    expect(moneyInputText('1.5', 'es')).toBe('1,5');
    expect(moneyInputText('1.5', 'en')).toBe('1.5');
  });
});

describe('compareMoney and toMicroUnits', () => {
  it('compares exactly (amounts a float cannot tell apart)', () => {
    expect(compareMoney('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareMoney('0.1', '0.100000')).toBe(0);
    expect(compareMoney('-2', '1')).toBe(-1);
    expect(['10', '9.999999', '-1', '0.5'].sort(compareMoney)).toEqual(['-1', '0.5', '9.999999', '10']);
  });

  it('counts micro-units', () => {
    expect(toMicroUnits('12.5')).toBe(12_500_000n);
    expect(toMicroUnits('-0.000001')).toBe(-1n);
    expect(() => toMicroUnits('1.0000001')).toThrow(RangeError);
    expect(normaliseMoney('-0')).toBe('0');
  });
});
