import { describe, expect, it } from 'vitest';
import { changeProfileBody, createProfileBody, NEW_PROFILE } from './profile-form';

describe('createProfileBody', () => {
  it('sends no credit limit for a prepaid profile, even if one was typed', () => {
    expect(createProfileBody({ ...NEW_PROFILE, name: 'Basic', creditLimit: '50' })).toEqual({ ...NEW_PROFILE, name: 'Basic', creditLimit: null });
  });

  // the API owns the name's normal form (docs/API.md §1 Names): String#trim dropped a leading BOM,
  // so a name the API refuses as invisible (422 invalid_name) was created as another
  it('sends the name as typed, for the API to normalise or refuse', () => {
    expect(createProfileBody({ ...NEW_PROFILE, name: '\ufeff Basic\u00a0 ' }).name).toBe('\ufeff Basic\u00a0 ');
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
