// docs/rating.md worked examples at the rational level: exact = connectFee + Σ billedSeconds × ratePerMinute / 60,
// rounded once per call. The rating domain owns intervals and increments; this proves the arithmetic.
import { parseMoney } from './parse-money.js';
import { add, divInt, fromMicros, mulInt, rational, RATIONAL_ZERO, roundRationalToMicros, type Rational } from './rational.js';

/** billedSeconds × ratePerMinute / 60, exactly. */
function secondsAt(billedSeconds: bigint, ratePerMinute: string): Rational {
  return divInt(mulInt(fromMicros(parseMoney(ratePerMinute)), billedSeconds), 60n);
}

describe('docs/rating.md rating examples (sheet rounding: 4 decimals, up)', () => {
  it('0.10/min, 60 s blocks: 61 s is billed as 120 s → 0.2000', () => {
    const exact = secondsAt(120n, '0.10');
    expect(exact).toEqual(rational(1n, 5n));
    expect(roundRationalToMicros(exact, 4, 'up')).toBe(parseMoney('0.2000'));
  });

  it('0.10/min, 1 s blocks: 61 s → 0.101666… → 0.1017', () => {
    const exact = secondsAt(61n, '0.10');
    expect(exact).toEqual(rational(61n, 600n));
    expect(roundRationalToMicros(exact, 4, 'up')).toBe(101_700n);
    expect(roundRationalToMicros(exact, 4, 'up')).toBe(parseMoney('0.1017'));
  });

  it('connect 0.40, 0–60 s at 0.20/min in 60 s blocks, then 0.10/min in 1 s blocks: 120 s → 0.7000', () => {
    const exact = add(add(fromMicros(parseMoney('0.40')), secondsAt(60n, '0.20')), secondsAt(60n, '0.10'));
    expect(exact).toEqual(rational(7n, 10n));
    expect(roundRationalToMicros(exact, 4, 'up')).toBe(parseMoney('0.7'));
  });

  it('the same sheet, 130 s: 0.40 + 60 s × 0.20/60 + 70 s × 0.10/60 = 0.716666… → 0.7167', () => {
    const exact = add(add(fromMicros(parseMoney('0.40')), secondsAt(60n, '0.20')), secondsAt(70n, '0.10'));
    expect(exact).toEqual(rational(43n, 60n));
    expect(roundRationalToMicros(exact, 4, 'up')).toBe(716_700n);
    expect(roundRationalToMicros(exact, 4, 'half-up')).toBe(716_700n);
    expect(roundRationalToMicros(exact, 4, 'down')).toBe(716_600n);
  });

  it('rounds once per call, never per increment: 61 one-second increments at 0.10/min', () => {
    let exact = RATIONAL_ZERO;
    let roundedPerIncrement = 0n;
    for (let second = 0; second < 61; second++) {
      exact = add(exact, secondsAt(1n, '0.10'));
      roundedPerIncrement += roundRationalToMicros(secondsAt(1n, '0.10'), 4, 'up');
    }
    expect(roundRationalToMicros(exact, 4, 'up')).toBe(101_700n);
    // Rounding each 0.001666… up to 0.0017 would overcharge by 61 × 0.000033…
    expect(roundedPerIncrement).toBe(103_700n);
  });
});
