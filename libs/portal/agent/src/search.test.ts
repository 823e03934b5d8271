import { describe, expect, it } from 'vitest';
import { validateCustomerSearch, validateCustomersSearch } from './search.js';

describe('validateCustomersSearch', () => {
  it('keeps a search text and a known status', () => {
    expect(validateCustomersSearch({ q: ' 1000 ', status: 'suspended' })).toEqual({ q: '1000', status: 'suspended' });
  });
  it('drops an empty text and an unknown status', () => {
    expect(validateCustomersSearch({ q: '  ', status: 'gone' })).toEqual({});
  });
  it('keeps "pending CallerIDs only" when it is true, drops anything else', () => {
    expect(validateCustomersSearch({ pending: true })).toEqual({ pending: true });
    expect(validateCustomersSearch({ pending: 'true' })).toEqual({ pending: true });
    expect(validateCustomersSearch({ pending: 'no' })).toEqual({});
  });
  it('keeps an account number the router parsed as a number', () => {
    expect(validateCustomersSearch({ q: 1000000008 })).toEqual({ q: '1000000008' });
  });
});

describe('validateCustomerSearch', () => {
  it('keeps the tab and the call filters', () => {
    expect(validateCustomerSearch({ tab: 'calls', from: '2026-12-01', to: '2026-12-04', destination: '+44', callStatus: 'rated', sip: '1000000008-2' })).toEqual({
      tab: 'calls',
      from: '2026-12-01',
      to: '2026-12-04',
      destination: '44',
      callStatus: 'rated',
      sip: '1000000008-2',
    });
  });
  it('drops malformed days, destinations and unknown values', () => {
    expect(validateCustomerSearch({ tab: 'x', from: '12/01/2026', destination: '44a', callStatus: 'paid' })).toEqual({});
  });
});
