// Money and percentages on the wire (docs/ARCHITECTURE.md, Money): decimal strings, validated by the one parser in
// @billing/money and kept as strings so every contract stays plain JSON. Handlers parse them to
// bigint micro-units with parseMoney/parsePercent at the boundary.
import { z } from 'zod';
import { MoneyFormatError, parseMoney, parseNonNegativeMoney, parsePercent, parsePositiveMoney, type PercentBounds } from '@billing/money';

/**
 * A decimal-string schema whose every failure, including a JSON number or a missing value, carries
 * the parser's reason. The reason has no field name: zod reports the field as the issue's path.
 */
function decimalString(parse: (input: unknown) => unknown, description: string, example: string, pattern: string = SIGNED_DECIMAL) {
  return z
    .string({ error: (issue) => reasonFor(parse, issue.input) })
    .superRefine((value, ctx) => {
      const reason = reasonFor(parse, value);
      // continue: false — a schema's own refinements after this one (a maximum) may parse the value,
      // which would throw on a malformed one (a 500 or an odd code instead of this field error)
      if (reason !== undefined) ctx.addIssue({ code: 'custom', message: reason, input: value, continue: false });
    })
    .meta({ description, examples: [example], pattern });
}

// The grammar of parseDecimalMicros (@billing/money), stated in OpenAPI (`pattern`): at most 18
// integer digits without leading zeros, at most 6 decimals. The parser stays the validator.
const SIGNED_DECIMAL = '^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,6})?$';
const UNSIGNED_DECIMAL = '^(0|[1-9][0-9]{0,17})(\\.[0-9]{1,6})?$';

function reasonFor(parse: (input: unknown) => unknown, input: unknown): string | undefined {
  try {
    parse(input);
    return undefined;
  } catch (error) {
    if (error instanceof MoneyFormatError) return error.reason;
    throw error; // anything else is a bug in the parser, not bad input
  }
}

/** Any amount, e.g. `"12.5"`, `"-0.0085"`: at most 6 decimal places, no exponent, no number. */
export const MoneyString = decimalString((input) => parseMoney(input), 'money as a decimal string, at most 6 decimal places', '12.5');
export type MoneyString = z.infer<typeof MoneyString>;

/** An amount > 0 (deposits, transfers, prices). */
export const PositiveMoneyString = decimalString((input) => parsePositiveMoney(input), 'money > 0 as a decimal string, at most 6 decimal places', '12.5', UNSIGNED_DECIMAL);
export type PositiveMoneyString = z.infer<typeof PositiveMoneyString>;

/** An amount >= 0 (fees, credit limits). */
export const NonNegativeMoneyString = decimalString((input) => parseNonNegativeMoney(input), 'money >= 0 as a decimal string, at most 6 decimal places', '0.4', UNSIGNED_DECIMAL);
export type NonNegativeMoneyString = z.infer<typeof NonNegativeMoneyString>;

/**
 * The most any one request may state as an amount, a threshold, a limit or a balance: 1 000 000 000
 * units. Far above any real figure, and it keeps every sum of them well inside the bigint micro-unit
 * columns (9.2 × 10^12 units); the grammar alone admits 18 integer digits, which overflow them (a 500).
 * Events and answers keep the unbounded schemas: a balance may legitimately grow past one request's maximum.
 */
export const MAX_REQUEST_AMOUNT = '1000000000';
const MAX_REQUEST_MICROS = parseMoney(MAX_REQUEST_AMOUNT);

function atMostRequestMaximum<S extends z.ZodType<string>>(schema: S, kind: string) {
  // runs only on a well-formed value (the grammar's refinement stops the chain), so parseMoney cannot throw
  return schema.refine((value) => parseMoney(value) <= MAX_REQUEST_MICROS, { message: `must not exceed ${MAX_REQUEST_AMOUNT}` }).meta({ description: `${kind} up to ${MAX_REQUEST_AMOUNT} as a decimal string, at most 6 decimal places` });
}

/** A request's amount > 0 (deposits, transfers), at most MAX_REQUEST_AMOUNT. */
export const PositiveRequestAmount = atMostRequestMaximum(PositiveMoneyString, 'money > 0');

/** A request's amount >= 0 (thresholds, credit limits, initial balances, rates), at most MAX_REQUEST_AMOUNT. */
export const NonNegativeRequestAmount = atMostRequestMaximum(NonNegativeMoneyString, 'money >= 0');

/** A percentage within `bounds` (micro-percent, default 0..100 %), e.g. a markup allowing more than 100 %. */
export function percentString(bounds: PercentBounds = {}) {
  return decimalString((input) => parsePercent(input, 'percent', bounds), 'a percentage as a decimal string ("12.5" = 12.5 %)', '12.5');
}

/** A percentage from 0 to 100, `"12.5"` = 12.5 %. */
export const PercentString = percentString();
export type PercentString = z.infer<typeof PercentString>;
