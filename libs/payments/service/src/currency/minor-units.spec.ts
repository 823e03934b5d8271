import { parseMoney } from '@billing/money';
import { currencyExponent, fromMinorUnits, InexactAmountError, toMinorUnits, UnsupportedCurrencyError } from './minor-units.js';

describe('ISO 4217 minor units', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['BHD', 3],
    ['KWD', 3],
    ['JOD', 3],
  ])('%s has %i decimal places', (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });

  it('converts exactly: cents, yen, fils', () => {
    expect(toMinorUnits(parseMoney('25.5'), 'USD')).toBe(2550n);
    expect(toMinorUnits(parseMoney('0.01'), 'EUR')).toBe(1n);
    expect(toMinorUnits(parseMoney('1500'), 'JPY')).toBe(1500n);
    expect(toMinorUnits(parseMoney('1.234'), 'BHD')).toBe(1234n);
    expect(toMinorUnits(parseMoney('1000000'), 'KWD')).toBe(1_000_000_000n);
  });

  it('refuses what is not a whole number of minor units instead of rounding', () => {
    expect(() => toMinorUnits(parseMoney('10.001'), 'USD')).toThrow(new InexactAmountError(10_001_000n, 'USD', 2));
    expect(() => toMinorUnits(parseMoney('10.001'), 'USD')).toThrow('USD amounts have at most 2 decimal places');
    expect(() => toMinorUnits(parseMoney('1500.5'), 'JPY')).toThrow('JPY amounts must be whole units: JPY has no minor unit');
    expect(() => toMinorUnits(parseMoney('1.2345'), 'BHD')).toThrow('BHD amounts have at most 3 decimal places');
    expect(() => toMinorUnits(1n, 'GBP')).toThrow(InexactAmountError);
  });

  it('minor units back to micros', () => {
    expect(fromMinorUnits(2550n, 'USD')).toBe(parseMoney('25.5'));
    expect(fromMinorUnits(1500n, 'JPY')).toBe(parseMoney('1500'));
    expect(fromMinorUnits(1234n, 'JOD')).toBe(parseMoney('1.234'));
  });

  it('refuses currencies it has no exponent for (and the ones where Stripe differs from ISO)', () => {
    expect(currencyExponent('XXX')).toBeUndefined();
    expect(currencyExponent('HUF')).toBeUndefined();
    expect(() => toMinorUnits(1_000_000n, 'ISK')).toThrow(new UnsupportedCurrencyError('ISK'));
  });
});
