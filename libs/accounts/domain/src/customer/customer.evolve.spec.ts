import { audit, customerOpened } from '../testing/fixtures.js';
import { customerDecider } from './customer.decider.js';
import { DEFAULT_FEATURES } from '../features/features.types.js';
import type { CustomerEvent } from './customer.events.js';

const fold = (events: CustomerEvent[]) => events.reduce(customerDecider.evolve, customerDecider.initialState());

describe('evolve customer', () => {
  it('builds the current customer from its history', () => {
    const state = fold([
      customerOpened,
      { type: 'CallerIdAdded', customerId: 'customer-1', callerId: '+442079460958', callerIds: ['+442079460958'], defaultCallerId: '+442079460958', ...audit },
      { type: 'FollowMeChanged', customerId: 'customer-1', enabled: true, targets: [{ destination: '+447700900123', ringSeconds: 25 }], ...audit },
      { type: 'CustomerSettingsChanged', customerId: 'customer-1', lowBalanceThresholdMicros: 0n, contactEmail: null, language: 'es', lowBalanceEmailEnabled: false, ...audit },
      { type: 'CustomerRateSheetChanged', customerId: 'customer-1', previousRateSheetId: 'sheet-base', rateSheetId: 'sheet-gold', ...audit },
      { type: 'CustomerSuspended', customerId: 'customer-1', reason: null, ...audit },
    ]);
    expect(state).toEqual({
      status: 'suspended',
      customerId: 'customer-1',
      accountNumber: '1000000016',
      agentId: 'agent-1',
      profileId: 'profile-1',
      billingType: 'prepaid',
      creditLimitMicros: null,
      rateSheetId: 'sheet-gold',
      maxConcurrentCalls: 2,
      maxCallDurationSeconds: 3_600,
      sipUsername: '1000000016',
      sipHa1: customerOpened.sipHa1,
      portalUsername: 'c1000000016',
      lowBalanceThresholdMicros: 0n,
      contactEmail: null,
      language: 'es',
      lowBalanceEmailEnabled: false,
      callerIds: ['+442079460958'],
      defaultCallerId: '+442079460958',
      pendingCallerIds: [],
      followMe: { enabled: true, targets: [{ destination: '+447700900123', ringSeconds: 25 }] },
      features: DEFAULT_FEATURES,
      sipUsers: [{ sipUsername: customerOpened.sipUsername, sipHa1: customerOpened.sipHa1, displayName: null, callerId: null, maxConcurrentCalls: null, status: 'active' }],
      removedSipUsernames: [],
      trunkAddresses: [],
    });
  });

  it('asserts instead of accepting an impossible history', () => {
    expect(() => fold([customerOpened, customerOpened])).toThrow('opened twice');
    expect(() => fold([{ ...customerOpened, accountNumber: '1234567890' }])).toThrow('invalid account number');
    expect(() => fold([{ ...customerOpened, creditLimitMicros: 5n }])).toThrow('a prepaid account has no credit limit');
    expect(() => fold([{ type: 'CustomerReactivated', customerId: 'customer-1', ...audit }])).toThrow('before CustomerOpened');
    expect(() => fold([customerOpened, { type: 'CustomerReactivated', customerId: 'customer-1', ...audit }])).toThrow('reactivated while active');
    expect(() =>
      fold([customerOpened, { type: 'CustomerCreditLimitChanged', customerId: 'customer-1', previousCreditLimitMicros: 0n, creditLimitMicros: 1n, ...audit }]),
    ).toThrow('credit limit on a prepaid customer');
  });
});
