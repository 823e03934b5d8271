import { describe, expect, it } from 'vitest';
import { fromMicroUnits, marginOf } from './margin.js';

describe('fromMicroUnits', () => {
  it('writes micro-units as the wire decimal', () => {
    expect(fromMicroUnits(1_500_000n)).toBe('1.5');
    expect(fromMicroUnits(-125n)).toBe('-0.000125');
    expect(fromMicroUnits(0n)).toBe('0');
    expect(fromMicroUnits(12_345_678_901_234_567n)).toBe('12345678901.234567');
  });
});

describe('marginOf', () => {
  it("uses the API's margin when there is one", () => {
    expect(marginOf({ revenue: '10', agentCost: '1', margin: '7.5' })).toBe('7.5');
  });
  it('subtracts the agent cost from the revenue exactly', () => {
    expect(marginOf({ revenue: '0.3', agentCost: '0.1' })).toBe('0.2');
    expect(marginOf({ revenue: '1.2672', agentCost: '1.056' })).toBe('0.2112');
  });
  it('is null when the cost is unknown', () => {
    expect(marginOf({ revenue: '1' })).toBeNull();
    expect(marginOf({ revenue: '1', agentCost: null })).toBeNull();
  });
});
