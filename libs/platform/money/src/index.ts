// @billing/money — money is bigint micro-units in code, decimal strings on the wire (docs/ARCHITECTURE.md, Money; docs/rating.md).
export { MAX_MONEY_MICROS, MICROS_PER_UNIT, MONEY_FRACTION_DIGITS, MONEY_MAX_INTEGER_DIGITS } from './constants.js';
export { MoneyFormatError } from './money-format-error.js';
export { assertMicros } from './assert-micros.js';
export { parseMoney, parseNonNegativeMoney, parsePositiveMoney } from './parse-money.js';
export { formatMoney, formatMoneyFixed } from './format-money.js';
export { ceilDiv, floorDiv, isRoundingMode, parseRoundingMode, roundDiv, ROUNDING_MODES, type RoundingMode } from './rounding.js';
export { roundMicros } from './round-micros.js';
export { add, compare, divInt, fromMicros, gcd, mul, mulInt, rational, roundRationalToMicros, sub, RATIONAL_ZERO, type Rational } from './rational.js';
export { formatPercent, HUNDRED_PERCENT, parsePercent, percentOf, type PercentBounds } from './percent.js';
export { addMicros, maxMicros, minMicros, sumMicros } from './arithmetic.js';
