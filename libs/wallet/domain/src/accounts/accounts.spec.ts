import { spec } from '@billing/decider/testing';
import { walletDecider } from '../ledger/wallet-decider.js';
import { A, audit, C, history, meta, micros, openAgent, openCustomer } from '../testing/fixtures.js';

const wallet = spec(walletDecider);

describe('opening accounts', () => {
  it('opens the agent main and commission accounts together', () => {
    wallet
      .given([])
      .when(openAgent(A, '25'))
      .then([
        { type: 'AccountOpened', accountId: 'agent:agent-a', kind: 'agent-main', agentId: A, billingType: 'prepaid', creditLimitMicros: 0n, lowBalanceThresholdMicros: micros('25'), ...audit },
        { type: 'AccountOpened', accountId: 'commission:agent-a', kind: 'agent-commission', agentId: A, billingType: 'prepaid', creditLimitMicros: 0n, lowBalanceThresholdMicros: 0n, ...audit },
      ]);
  });

  it('opening an agent again changes nothing', () => {
    wallet.given(history(openAgent(A))).when(openAgent(A, '99')).thenNothing();
  });

  it('opens a postpaid customer of an agent with its credit limit', () => {
    wallet
      .given([])
      .when(openCustomer(C, A, { billingType: 'postpaid', creditLimit: '50', threshold: '5' }))
      .then([
        { type: 'AccountOpened', accountId: 'customer:cust-c', kind: 'customer', agentId: A, billingType: 'postpaid', creditLimitMicros: micros('50'), lowBalanceThresholdMicros: micros('5'), ...audit },
      ]);
  });

  it('opens an ITC-direct customer without an agent', () => {
    const [opened] = wallet.given([]).when(openCustomer(C, null)).events();
    expect(opened).toMatchObject({ type: 'AccountOpened', agentId: null });
  });

  it('opening a customer again changes nothing', () => {
    wallet.given(history(openCustomer(C, A))).when(openCustomer(C, A)).thenNothing();
  });

  it('refuses to open an existing customer for another agent', () => {
    wallet.given(history(openCustomer(C, A))).when(openCustomer(C, 'agent-b')).thenRejects('customer account already opened for another agent', 'account_exists');
  });

  it('refuses a credit limit on a prepaid customer', () => {
    wallet.given([]).when(openCustomer(C, A, { billingType: 'prepaid', creditLimit: '10' })).thenRejects('a prepaid account has no credit limit', 'credit_limit_not_allowed');
  });

  it('refuses a negative credit limit', () => {
    wallet.given([]).when(openCustomer(C, A, { billingType: 'postpaid', creditLimit: '-1' })).thenRejects('credit limit must not be negative', 'invalid_credit_limit');
  });

  it('refuses a negative threshold', () => {
    wallet.given([]).when(openAgent(A, '-0.01')).thenRejects('low-balance threshold must not be negative', 'invalid_low_balance_threshold');
  });

  it('refuses an empty id', () => {
    wallet.given([]).when(openCustomer('', A)).thenRejects('customerId must be 1 to 128 characters without surrounding spaces', 'invalid_id');
  });

  it('asserts (does not reject) a command without an actor: that is the service’s bug', () => {
    expect(() => walletDecider.decide({ ...openAgent(A), meta: { actor: '', now: meta().now } }, walletDecider.initialState())).toThrow('command meta needs an actor');
  });
});

describe('settings', () => {
  it('changes a threshold', () => {
    wallet
      .given(history(openCustomer(C, A)))
      .when({ type: 'ChangeLowBalanceThreshold', accountId: 'customer:cust-c', lowBalanceThresholdMicros: micros('3'), meta: meta() })
      .then([{ type: 'LowBalanceThresholdChanged', accountId: 'customer:cust-c', agentId: A, lowBalanceThresholdMicros: micros('3'), ...audit }]);
  });

  it('the same threshold again changes nothing', () => {
    wallet
      .given(history(openAgent(A, '3')))
      .when({ type: 'ChangeLowBalanceThreshold', accountId: 'agent:agent-a', lowBalanceThresholdMicros: micros('3'), meta: meta() })
      .thenNothing();
  });

  it('a commission account has no threshold', () => {
    wallet
      .given(history(openAgent(A)))
      .when({ type: 'ChangeLowBalanceThreshold', accountId: 'commission:agent-a' as never, lowBalanceThresholdMicros: micros('3'), meta: meta() })
      .thenRejects('a commission account has no low-balance threshold', 'invalid_account');
  });

  it('refuses a threshold of an account that does not exist', () => {
    wallet
      .given([])
      .when({ type: 'ChangeLowBalanceThreshold', accountId: 'agent:agent-a', lowBalanceThresholdMicros: 0n, meta: meta() })
      .thenRejects('agent account not found', 'account_not_found');
  });

  it('changes a postpaid credit limit', () => {
    wallet
      .given(history(openCustomer(C, A, { billingType: 'postpaid', creditLimit: '50' })))
      .when({ type: 'ChangeCreditLimit', customerId: C, creditLimitMicros: micros('80'), meta: meta() })
      .then([{ type: 'CreditLimitChanged', accountId: 'customer:cust-c', agentId: A, creditLimitMicros: micros('80'), ...audit }]);
  });

  it('a prepaid customer has no credit limit to change', () => {
    wallet
      .given(history(openCustomer(C, A)))
      .when({ type: 'ChangeCreditLimit', customerId: C, creditLimitMicros: micros('80'), meta: meta() })
      .thenRejects('credit limit applies to postpaid customers only', 'not_postpaid');
  });

  it('closes an account once', () => {
    wallet
      .given(history(openCustomer(C, A)))
      .when({ type: 'CloseAccount', accountId: 'customer:cust-c', meta: meta() })
      .then([{ type: 'AccountClosed', accountId: 'customer:cust-c', agentId: A, ...audit }]);
    wallet
      .given(history(openCustomer(C, A), { type: 'CloseAccount', accountId: 'customer:cust-c', meta: meta() }))
      .when({ type: 'CloseAccount', accountId: 'customer:cust-c', meta: meta() })
      .thenNothing();
  });

  it('settings of a closed account are refused', () => {
    wallet
      .given(history(openCustomer(C, A, { billingType: 'postpaid', creditLimit: '1' }), { type: 'CloseAccount', accountId: 'customer:cust-c', meta: meta() }))
      .when({ type: 'ChangeCreditLimit', customerId: C, creditLimitMicros: micros('80'), meta: meta() })
      .thenRejects('customer account is closed', 'account_closed');
  });
});
