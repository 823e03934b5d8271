import { describe, expect, it } from 'vitest';
import { billingTermsChange, billingTermsValues } from './billing-terms';

const postpaid = { billingType: 'postpaid' as const, rateSheetId: 'acme-sell', creditLimit: '10' };

describe('billingTermsChange', () => {
  it('is empty when nothing changed, also for the same amount written otherwise', () => {
    expect(billingTermsChange(postpaid, billingTermsValues(postpaid))).toEqual({});
    expect(billingTermsChange(postpaid, { rateSheetId: 'acme-sell', creditLimit: '10.00' })).toEqual({});
    expect(billingTermsValues({ rateSheetId: 'acme-sell', creditLimit: '10.500000' })).toEqual({ rateSheetId: 'acme-sell', creditLimit: '10.5' });
  });

  it('names only the changed terms, the limit as its decimal string', () => {
    expect(billingTermsChange(postpaid, { rateSheetId: 'itc-base', creditLimit: '10' })).toEqual({ rateSheetId: 'itc-base' });
    expect(billingTermsChange(postpaid, { rateSheetId: 'acme-sell', creditLimit: '250.5' })).toEqual({ creditLimit: '250.5' });
    expect(billingTermsChange({ ...postpaid, creditLimit: null }, { rateSheetId: 'acme-sell', creditLimit: '5' })).toEqual({ creditLimit: '5' });
  });

  it('never sends a credit limit for a prepaid customer, nor an empty one, nor a null sheet', () => {
    expect(billingTermsChange({ ...postpaid, billingType: 'prepaid', creditLimit: null }, { rateSheetId: 'acme-sell', creditLimit: '5' })).toEqual({});
    expect(billingTermsChange(postpaid, { rateSheetId: 'acme-sell', creditLimit: '' })).toEqual({});
    expect(billingTermsChange({ ...postpaid, rateSheetId: null }, { rateSheetId: null, creditLimit: '10' })).toEqual({});
  });
});
