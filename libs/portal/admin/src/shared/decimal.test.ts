import { describe, expect, it } from 'vitest';
import { formatDecimal } from './decimal';

describe('formatDecimal', () => {
  it("uses the locale's decimal separator and keeps every digit", () => {
    expect(formatDecimal('100.00', 'en')).toBe('100.00');
    expect(formatDecimal('100.00', 'es')).toBe('100,00');
    expect(formatDecimal('12.5', 'es')).toBe('12,5');
  });

  it('groups thousands as the locale does', () => {
    expect(formatDecimal('1234567.25', 'en')).toBe('1,234,567.25');
    expect(formatDecimal('1234567.25', 'es')).toBe('1.234.567,25');
    expect(formatDecimal('1234.5', 'es')).toBe('1234,5');
  });

  it('leaves anything that is not a decimal as it is', () => {
    expect(formatDecimal('n/a', 'es')).toBe('n/a');
    expect(formatDecimal('-3', 'es')).toBe('-3');
  });
});
