import fc from 'fast-check';
import { anyRounding, anyRow, micros, row, UP4 } from '../testing/rows.js';
import { costForDuration, maxDurationForAmount } from './authorize.js';
import { rateCall } from './rate-call.js';

const THREE_HOURS = 3 * 3600;

describe('authorization arithmetic', () => {
  const perMinute = row('0', 0, [0, '0.10', 60]);
  const perSecond = row('0', 0, [0, '0.10', 1]);
  const firstMinuteThenSeconds = row('0.40', 0, [0, '0.20', 60], [60, '0.10', 1]);

  it('the hold to request is the cost of the longest call allowed', () => {
    expect(costForDuration(perMinute, UP4, THREE_HOURS)).toBe(micros('18'));
    expect(costForDuration(firstMinuteThenSeconds, UP4, THREE_HOURS)).toBe(micros('18.5'));
  });

  it.each([
    ['everything requested was granted', perMinute, '18', THREE_HOURS],
    ['0.10 buys one 60 s block', perMinute, '0.10', 60],
    ['0.19 still buys one block: the second would cost 0.20', perMinute, '0.19', 60],
    ['0.0999 buys nothing: refuse', perMinute, '0.0999', 0],
    ['per-second blocks: 0.10 buys 60 s', perSecond, '0.10', 60],
    ['per-second blocks: 0.1017 buys 61 s (0.101666… rounds up to 0.1017)', perSecond, '0.1017', 61],
    ['connect fee first: 0.60 buys the first minute', firstMinuteThenSeconds, '0.60', 60],
    ['then 0.0017 more buys one second', firstMinuteThenSeconds, '0.6017', 61],
    ['the connect fee alone buys nothing', firstMinuteThenSeconds, '0.40', 0],
  ])('%s', (_what, rateRow, granted, seconds) => {
    expect(maxDurationForAmount(rateRow, UP4, micros(granted), THREE_HOURS)).toBe(seconds);
  });

  it('a free destination is allowed up to the cap without money', () => {
    expect(maxDurationForAmount(row('0', 0, [0, '0', 1]), UP4, 0n, THREE_HOURS)).toBe(THREE_HOURS);
  });

  it('the answer is the longest affordable duration, a whole block when below the cap', () => {
    fc.assert(
      fc.property(anyRow, anyRounding, fc.bigInt({ min: 0n, max: 30_000_000n }), fc.integer({ min: 0, max: THREE_HOURS }), (rateRow, rounding, granted, cap) => {
        const seconds = maxDurationForAmount(rateRow, rounding, granted, cap);
        expect(seconds).toBeLessThanOrEqual(cap);
        expect(costForDuration(rateRow, rounding, seconds) <= granted).toBe(true);
        if (seconds < cap) {
          expect(costForDuration(rateRow, rounding, seconds + 1) > granted).toBe(true);
          // whole increments: the duration is exactly what a call of that length is billed
          if (seconds > 0) expect(rateCall(rateRow, rounding, seconds).billedSeconds).toBe(seconds);
        }
      }),
    );
  });

  it('two calls granted from one balance never cost more than the balance', () => {
    fc.assert(
      fc.property(anyRow, fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: 10_000_000n }), (rateRow, balance, firstRequest) => {
        // wallet grants min(requested, available); the second call gets what is left
        const firstGranted = firstRequest < balance ? firstRequest : balance;
        const secondGranted = balance - firstGranted;
        const first = maxDurationForAmount(rateRow, UP4, firstGranted, THREE_HOURS);
        const second = maxDurationForAmount(rateRow, UP4, secondGranted, THREE_HOURS);
        expect(costForDuration(rateRow, UP4, first) + costForDuration(rateRow, UP4, second) <= balance).toBe(true);
      }),
    );
  });
});
