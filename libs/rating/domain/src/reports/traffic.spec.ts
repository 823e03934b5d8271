import { rational } from '@billing/money';
import { micros } from '../testing/rows.js';
import { acdMillis, acdSeconds, addCall, asr, asrMicroPercent, billedMinutes, NO_TRAFFIC, talkMinutes, topDestinations, totalsOf, type CallFact } from './traffic.js';

const answered = (destination: string, billsecSeconds: number, billedSeconds: number, cost: string): CallFact => ({ answered: true, billsecSeconds, billedSeconds, costMicros: micros(cost), destination });
const failedCall = (destination: string): CallFact => ({ answered: false, billsecSeconds: 0, billedSeconds: 0, costMicros: 0n, destination });

const calls = [answered('UK', 61, 120, '0.2'), answered('UK', 130, 130, '0.7167'), failedCall('UK'), answered('USA', 10, 60, '0.01'), failedCall('France'), failedCall('France')];

describe('traffic figures', () => {
  const totals = totalsOf(calls);

  it('count attempts, answers, seconds and revenue exactly', () => {
    expect(totals).toEqual({ attempts: 6, answered: 3, billsecSeconds: 201, billedSeconds: 310, revenueMicros: micros('0.9267') });
  });

  it('ASR = answered / attempts', () => {
    expect(asr(totals)).toEqual(rational(1n, 2n));
    expect(asrMicroPercent(totals)).toBe(50_000_000n);
    expect(asrMicroPercent(totalsOf(calls.slice(0, 3)))).toBe(66_666_667n); // 2/3 = 66.6666666… % → half-up
  });

  it('ACD = talk seconds of answered calls / answered calls', () => {
    expect(acdSeconds(totals)).toEqual(rational(67n, 1n));
    expect(acdMillis(totalsOf(calls.slice(0, 2)))).toBe(95_500);
  });

  it('minutes, exact', () => {
    expect(talkMinutes(totals)).toEqual(rational(67n, 20n));
    expect(billedMinutes(totals)).toEqual(rational(31n, 6n));
  });

  it('nothing to average without calls', () => {
    expect(asr(NO_TRAFFIC)).toBeNull();
    expect(asrMicroPercent(NO_TRAFFIC)).toBeNull();
    expect(acdSeconds(totalsOf([failedCall('UK')]))).toBeNull();
    expect(acdMillis(NO_TRAFFIC)).toBeNull();
  });

  it('top destinations by revenue, then billed time, then attempts, then name', () => {
    expect(topDestinations(calls, 2)).toEqual([
      { destination: 'UK', attempts: 3, answered: 2, billsecSeconds: 191, billedSeconds: 250, revenueMicros: micros('0.9167') },
      { destination: 'USA', attempts: 1, answered: 1, billsecSeconds: 10, billedSeconds: 60, revenueMicros: micros('0.01') },
    ]);
    expect(topDestinations([failedCall('B'), failedCall('A')], 5).map((row) => row.destination)).toEqual(['A', 'B']);
    expect(() => topDestinations(calls, 0)).toThrow('limit must be 1..100');
  });

  it('refuses an unanswered call with talk time or cost (a projection bug)', () => {
    expect(() => addCall(NO_TRAFFIC, { ...failedCall('UK'), billsecSeconds: 5 })).toThrow('an unanswered call has no talk time and no cost');
  });
});
