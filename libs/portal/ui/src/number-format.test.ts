import { describe, expect, it } from 'vitest';
import { formatDecimal } from './number-format';

describe('formatDecimal', () => {
  it('writes a decimal string with the language marks, keeping its digits', () => {
    expect(formatDecimal('4.88', 'es')).toBe('4,88');
    expect(formatDecimal('100.00', 'es')).toBe('100,00');
    expect(formatDecimal('1234.5', 'en')).toBe('1,234.5');
    expect(formatDecimal('1234.5', 'es')).toBe('1234,5');
    expect(formatDecimal('1234567.25', 'es')).toBe('1.234.567,25');
    expect(formatDecimal(12345, 'en')).toBe('12,345');
    expect(formatDecimal('-0.5', 'en')).toBe('-0.5');
  });

  // acceptance: the agent overview showed an answer rate of "83.333333 %" (ITC: 83.33 %)
  it('rounds half away from zero on the digits, exactly', () => {
    expect(formatDecimal('83.333333', 'en', { maximumFractionDigits: 2 })).toBe('83.33');
    expect(formatDecimal('83.335', 'es', { maximumFractionDigits: 2 })).toBe('83,34');
    expect(formatDecimal('0.125', 'en', { maximumFractionDigits: 2 })).toBe('0.13');
    expect(formatDecimal('9999.996', 'en', { maximumFractionDigits: 2 })).toBe('10,000');
    expect(formatDecimal('9999.996', 'en', { maximumFractionDigits: 2, minimumFractionDigits: 2 })).toBe('10,000.00');
    expect(formatDecimal('-0.001', 'en', { maximumFractionDigits: 2 })).toBe('0');
    expect(formatDecimal('5', 'en', { minimumFractionDigits: 2 })).toBe('5.00');
  });

  it('returns what is not a decimal number as it is', () => {
    expect(formatDecimal('n/a', 'en')).toBe('n/a');
  });
});
