import { describe, expect, it } from 'vitest';
import { isBelowThreshold } from './balance-state';

describe('isBelowThreshold', () => {
  it('compares the decimal strings exactly, as the wallet does', () => {
    expect(isBelowThreshold({ balance: '4.999999', lowBalanceThreshold: '5' })).toBe(true);
    expect(isBelowThreshold({ balance: '5.000000', lowBalanceThreshold: '5' })).toBe(false);
    expect(isBelowThreshold({ balance: '-0.5', lowBalanceThreshold: '0' })).toBe(true);
    expect(isBelowThreshold({ balance: '12', lowBalanceThreshold: '0' })).toBe(false);
  });
});
