import { z } from 'zod';
import { MAX_REQUEST_AMOUNT, MoneyString, NonNegativeMoneyString, NonNegativeRequestAmount, PercentString, percentString, PositiveMoneyString, PositiveRequestAmount } from './money.js';
import { parsePositiveMoney } from '@billing/money';

/** The issues a body would get back, as `path: message`. */
function issues(schema: z.ZodType, body: unknown): string[] {
  const result = z.object({ amount: schema }).safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('MoneyString', () => {
  it.each(['12.5', '12.50', '-0.0085', '0', '999999999999999999.999999'])('accepts %p and keeps it as the same string', (amount) => {
    expect(MoneyString.parse(amount)).toBe(amount);
  });

  it.each<[unknown, string]>([
    [12.5, 'amount: must be a decimal string like "12.50", got number 12.5'],
    [undefined, 'amount: must be a decimal string like "12.50", got undefined'],
    [null, 'amount: must be a decimal string like "12.50", got null'],
    ['1e3', 'amount: must be a decimal string like "12.50", got "1e3"'],
    [' 1', 'amount: must be a decimal string like "12.50", got " 1"'],
    ['007', 'amount: must not have leading zeros, got "007"'],
    ['0.1234567', 'amount: must have at most 6 decimal places, got "0.1234567"'],
  ])('refuses %p with one issue carrying the parser reason', (amount, message) => {
    expect(issues(MoneyString, { amount })).toEqual([message]);
  });

  it('infers a string type, so a contract stays JSON', () => {
    const amount: MoneyString = MoneyString.parse('1');
    expect(typeof amount).toBe('string');
    expect(JSON.parse(JSON.stringify(z.object({ amount: MoneyString }).parse({ amount: '1.5' })))).toEqual({ amount: '1.5' });
  });
});

describe('PositiveMoneyString and NonNegativeMoneyString', () => {
  it('apply their bound', () => {
    expect(issues(PositiveMoneyString, { amount: '0.000001' })).toEqual([]);
    expect(issues(PositiveMoneyString, { amount: '0' })).toEqual(['amount: must be greater than 0, got "0"']);
    expect(issues(PositiveMoneyString, { amount: 5 })).toEqual(['amount: must be a decimal string like "12.50", got number 5']);
    expect(issues(NonNegativeMoneyString, { amount: '0' })).toEqual([]);
    expect(issues(NonNegativeMoneyString, { amount: '-0.01' })).toEqual(['amount: must not be negative, got "-0.01"']);
  });
});

describe('PercentString', () => {
  it('accepts 0..100 as a decimal string', () => {
    expect(PercentString.parse('12.5')).toBe('12.5');
    expect(issues(PercentString, { amount: '100.5' })).toEqual(['amount: must be between 0 and 100, got "100.5"']);
    expect(issues(PercentString, { amount: 12.5 })).toEqual(['amount: must be a decimal string like "12.50", got number 12.5']);
  });

  it('percentString takes other bounds in micro-percent', () => {
    const Markup = percentString({ max: 1_000_000_000n });
    expect(Markup.parse('150')).toBe('150');
    expect(issues(Markup, { amount: '1000.000001' })).toEqual(['amount: must be between 0 and 1000, got "1000.000001"']);
  });

  it('describes itself for generated API docs', () => {
    expect(z.toJSONSchema(MoneyString)).toMatchObject({ type: 'string', description: expect.stringContaining('decimal string'), examples: ['12.5'] });
  });
});

describe('a refinement after a money schema', () => {
  it('does not run on a malformed amount, so a maximum that parses the value cannot throw (before: MoneyFormatError, a 400 invalid_money instead of the field error)', () => {
    const capped = PositiveMoneyString.refine((value) => parsePositiveMoney(value) <= 1_000_000_000n, { message: 'must not exceed 1000' });
    for (const amount of ['0.0000001', '01', '１２', '0', '-1']) expect(() => issues(capped, { amount })).not.toThrow();
    expect(issues(capped, { amount: '0.0000001' })).toEqual(['amount: must have at most 6 decimal places, got "0.0000001"']);
    expect(issues(capped, { amount: '1001' })).toEqual(['amount: must not exceed 1000']);
  });
});

describe('PositiveRequestAmount and NonNegativeRequestAmount (acceptance H9: a huge threshold or initial balance was a 500, out of the bigint column)', () => {
  it('refuse more than MAX_REQUEST_AMOUNT with the field error, and admit it exactly', () => {
    expect(issues(NonNegativeRequestAmount, { amount: '99999999999999999' })).toEqual([`amount: must not exceed ${MAX_REQUEST_AMOUNT}`]);
    expect(issues(PositiveRequestAmount, { amount: '1000000000.000001' })).toEqual([`amount: must not exceed ${MAX_REQUEST_AMOUNT}`]);
    expect(issues(NonNegativeRequestAmount, { amount: MAX_REQUEST_AMOUNT })).toEqual([]);
    expect(issues(NonNegativeRequestAmount, { amount: '0' })).toEqual([]);
    expect(issues(PositiveRequestAmount, { amount: '0' })).toEqual(['amount: must be greater than 0, got "0"']);
    expect(issues(PositiveRequestAmount, { amount: '01' })).toEqual(['amount: must not have leading zeros, got "01"']);
  });

  it('state the maximum in the generated documentation', () => {
    expect(z.toJSONSchema(NonNegativeRequestAmount)).toMatchObject({ type: 'string', description: expect.stringContaining(`up to ${MAX_REQUEST_AMOUNT}`) });
  });
});
