import { acdSeconds, addTraffic, asrPercent, minutesOf, NO_TRAFFIC } from './traffic-figures.js';

describe('traffic figures', () => {
  it('ASR is answered / attempts in percent, rounded half-up once to two decimals', () => {
    expect(asrPercent({ attempts: 3n, answered: 2n })).toBe('66.67');
    expect(asrPercent({ attempts: 3n, answered: 1n })).toBe('33.33');
    expect(asrPercent({ attempts: 8n, answered: 1n })).toBe('12.50');
    expect(asrPercent({ attempts: 200_000n, answered: 1n })).toBe('0.00'); // 0.0005 % → 0.00
    expect(asrPercent({ attempts: 2_000n, answered: 1n })).toBe('0.05');
    expect(asrPercent({ attempts: 4n, answered: 4n })).toBe('100.00');
    expect(asrPercent({ attempts: 0n, answered: 0n })).toBeNull();
  });

  it('ACD is talk seconds / answered calls, two decimals', () => {
    expect(acdSeconds({ answered: 2n, talkSeconds: 91n })).toBe('45.50');
    expect(acdSeconds({ answered: 3n, talkSeconds: 100n })).toBe('33.33');
    expect(acdSeconds({ answered: 3n, talkSeconds: 200n })).toBe('66.67');
    expect(acdSeconds({ answered: 0n, talkSeconds: 0n })).toBeNull();
  });

  it('minutes are seconds / 60, two decimals', () => {
    expect(minutesOf(150n)).toBe('2.50');
    expect(minutesOf(310n)).toBe('5.17');
    expect(minutesOf(0n)).toBe('0.00');
    expect(minutesOf(9_007_199_254_740_993n * 60n)).toBe('9007199254740993.00'); // beyond 2^53: still exact
  });

  it('adds exactly', () => {
    const one = { attempts: 1n, answered: 1n, rated: 1n, unrated: 0n, talkSeconds: 61n, billedSeconds: 120n, revenueMicros: 200_000n };
    expect(addTraffic(addTraffic(NO_TRAFFIC, one), one)).toEqual({ attempts: 2n, answered: 2n, rated: 2n, unrated: 0n, talkSeconds: 122n, billedSeconds: 240n, revenueMicros: 400_000n });
  });
});
