import { describe, expect, it } from 'vitest';
import { changeProfileBody, createProfileBody, NEW_PROFILE } from './profile-form';

describe('createProfileBody', () => {
  it('trims the name and sends no credit limit for a prepaid profile, even if one was typed', () => {
    expect(createProfileBody({ ...NEW_PROFILE, name: ' Basic ', creditLimit: '50' })).toEqual({ ...NEW_PROFILE, name: 'Basic', creditLimit: null });
  });

  it('keeps a postpaid credit limit as the decimal string typed', () => {
    expect(createProfileBody({ ...NEW_PROFILE, name: 'Post', billingType: 'postpaid', creditLimit: '12.5' }).creditLimit).toBe('12.5');
  });
});

describe('changeProfileBody', () => {
  const before = { ...NEW_PROFILE, name: 'Basic' };

  it('is empty when nothing changed', () => {
    expect(changeProfileBody(before, { ...before })).toEqual({});
  });

  it('sends only the changed terms; switching to postpaid sends the limit too', () => {
    expect(changeProfileBody(before, { ...before, maxConcurrentCalls: 3, lowBalanceThreshold: '2' })).toEqual({ maxConcurrentCalls: 3, lowBalanceThreshold: '2' });
    expect(changeProfileBody(before, { ...before, billingType: 'postpaid', creditLimit: '10' })).toEqual({ billingType: 'postpaid', creditLimit: '10' });
  });
});
