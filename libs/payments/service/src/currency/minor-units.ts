// Money (bigint micro-units) ↔ the amount Stripe takes: an integer count of the currency's minor
// unit (cents, yen, fils). The exponent is the ISO 4217 "minor unit" of the currency: 1 minor unit
// = 10^(6 − exponent) micros. A conversion is exact or refused (docs/ARCHITECTURE.md, Money): "10.001" USD is not a
// whole number of cents, and we never round a customer's payment.
//
// Currencies whose Stripe amount differs from ISO 4217 (ISK, HUF, TWD, UGX, MGA: Stripe's
// "special cases") are left out on purpose: card payments in them answer 503 until someone
// checks Stripe's current rules for them and adds them here.
import { MICROS_PER_UNIT } from '@billing/money';

const EXPONENT_0 = ['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'];
const EXPONENT_3 = ['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'];
// prettier-ignore
const EXPONENT_2 = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BMD', 'BND', 'BOB', 'BRL',
  'BSD', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CNY', 'COP', 'CRC', 'CVE', 'CZK', 'DKK', 'DOP', 'DZD', 'EGP', 'ETB', 'EUR',
  'FJD', 'FKP', 'GBP', 'GEL', 'GIP', 'GMD', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'IDR', 'ILS', 'INR', 'JMD', 'KES', 'KGS', 'KHR',
  'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'MAD', 'MDL', 'MKD', 'MMK', 'MNT', 'MOP', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR',
  'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RSD', 'RUB', 'SAR',
  'SBD', 'SCR', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'STN', 'SZL', 'THB', 'TJS', 'TOP', 'TRY', 'TTD', 'TZS', 'UAH', 'USD',
  'UYU', 'UZS', 'WST', 'XCD', 'YER', 'ZAR', 'ZMW',
];

/** ISO 4217 minor-unit exponents of the currencies card payments accept. */
export const CURRENCY_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...EXPONENT_0.map((code) => [code, 0] as const),
  ...EXPONENT_2.map((code) => [code, 2] as const),
  ...EXPONENT_3.map((code) => [code, 3] as const),
]);

/** The exponent of an upper-case ISO 4217 code; undefined when card payments do not support it. */
export function currencyExponent(currency: string): number | undefined {
  return CURRENCY_EXPONENTS.get(currency);
}

/** Micros in one minor unit: 10 000 for cents, 1 000 000 for yen, 1 000 for fils. */
export function microsPerMinorUnit(currency: string): bigint {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) throw new UnsupportedCurrencyError(currency);
  return MICROS_PER_UNIT / 10n ** BigInt(exponent);
}

export class UnsupportedCurrencyError extends Error {
  constructor(readonly currency: string) {
    super(`card payments do not support the currency ${currency}`);
    this.name = 'UnsupportedCurrencyError';
  }
}

export class InexactAmountError extends Error {
  constructor(
    readonly amountMicros: bigint,
    readonly currency: string,
    readonly exponent: number,
  ) {
    super(
      exponent === 0
        ? `${currency} amounts must be whole units: ${currency} has no minor unit`
        : `${currency} amounts have at most ${exponent} decimal places`,
    );
    this.name = 'InexactAmountError';
  }
}

/** micros → minor units, exactly (InexactAmountError otherwise). */
export function toMinorUnits(amountMicros: bigint, currency: string): bigint {
  const per = microsPerMinorUnit(currency);
  if (amountMicros % per !== 0n) throw new InexactAmountError(amountMicros, currency, currencyExponent(currency)!);
  return amountMicros / per;
}

/** minor units → micros (always exact). */
export function fromMinorUnits(amountMinor: bigint, currency: string): bigint {
  return amountMinor * microsPerMinorUnit(currency);
}
