import fc from 'fast-check';
import { compare, fromMicros, MONEY_FRACTION_DIGITS, rational, sub } from '@billing/money';
import { anyBillsec, anyRounding, anyRow } from '../testing/rows.js';
import { deriveRow } from './derive-row.js';
import { rateCall } from './rate-call.js';

describe('rating properties', () => {
  it('cost and billed seconds never decrease as billsec grows', () => {
    fc.assert(
      fc.property(anyRow, anyRounding, anyBillsec, fc.integer({ min: 0, max: 600 }), (rateRow, rounding, billsec, more) => {
        const shorter = rateCall(rateRow, rounding, billsec);
        const longer = rateCall(rateRow, rounding, billsec + more);
        expect(longer.costMicros >= shorter.costMicros).toBe(true);
        expect(compare(longer.exact, shorter.exact)).toBeGreaterThanOrEqual(0);
        expect(longer.billedSeconds).toBeGreaterThanOrEqual(shorter.billedSeconds);
      }),
    );
  });

  it('bills at least billsec and the minimum, and less than one block more', () => {
    fc.assert(
      fc.property(anyRow, anyBillsec, (rateRow, billsec) => {
        const { billedSeconds } = rateCall(rateRow, { decimals: 4, mode: 'up' }, billsec);
        if (billsec === 0) return expect(billedSeconds).toBe(0);
        const b = Math.max(billsec, rateRow.minimumSeconds);
        const largestIncrement = Math.max(...rateRow.intervals.map((interval) => interval.incrementSeconds));
        expect(billedSeconds).toBeGreaterThanOrEqual(b);
        expect(billedSeconds - b).toBeLessThan(largestIncrement);
      }),
    );
  });

  it('a derived sheet with a positive markup never costs less than its base', () => {
    fc.assert(
      fc.property(anyRow, anyRounding, anyBillsec, fc.bigInt({ min: 1n, max: 200_000_000n }), (rateRow, rounding, billsec, markup) => {
        const base = rateCall(rateRow, rounding, billsec);
        const derived = rateCall(deriveRow(rateRow, markup), rounding, billsec);
        expect(derived.costMicros >= base.costMicros).toBe(true);
        expect(compare(derived.exact, base.exact)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('rounding moves the exact cost by less than one unit of the last decimal, in the mode direction', () => {
    fc.assert(
      fc.property(anyRow, anyRounding, anyBillsec, (rateRow, rounding, billsec) => {
        const { costMicros, exact } = rateCall(rateRow, rounding, billsec);
        const difference = sub(fromMicros(costMicros), exact); // rounded − exact
        const unit = rational(1n, 10n ** BigInt(rounding.decimals));
        const magnitude = difference.num < 0n ? rational(-difference.num, difference.den) : difference;
        expect(compare(magnitude, unit)).toBe(-1);
        if (rounding.mode === 'up') expect(difference.num >= 0n).toBe(true);
        if (rounding.mode === 'down') expect(difference.num <= 0n).toBe(true);
        if (rounding.mode === 'half-up') expect(compare(magnitude, rational(1n, 2n * 10n ** BigInt(rounding.decimals)))).toBeLessThanOrEqual(0);
        // the cost is a whole number of units of the sheet's last decimal
        expect(costMicros % 10n ** BigInt(MONEY_FRACTION_DIGITS - rounding.decimals)).toBe(0n);
      }),
    );
  });
});
