import { describe, expect, it } from 'vitest';
import { netDeposits } from './deposit-figures';

describe('netDeposits', () => {
  it('takes the reversals off the deposits, exactly', () => {
    expect(netDeposits({ amount: '111.75', count: 3, reversed: { amount: '25', count: 1 } })).toBe('86.75');
    expect(netDeposits({ amount: '0.3', count: 2, reversed: { amount: '0.1', count: 1 } })).toBe('0.2');
    expect(netDeposits({ amount: '10', count: 1, reversed: { amount: '0', count: 0 } })).toBe('10');
  });

  it('may be negative: a reversal today of a deposit made before', () => {
    expect(netDeposits({ amount: '0', count: 0, reversed: { amount: '12.000001', count: 1 } })).toBe('-12.000001');
  });
});
