import { spec } from '@billing/decider/testing';
import { walletDecider } from '../ledger/wallet-decider.js';
import {
  A,
  audit,
  C,
  card,
  depositToAgent,
  depositToCustomer,
  history,
  manual,
  meta,
  micros,
  microPercent,
  openAgent,
  openCustomer,
} from '../testing/fixtures.js';

const wallet = spec(walletDecider);
const closeCustomer = { type: 'CloseAccount', accountId: 'customer:cust-c', meta: meta() } as const;

describe('deposit to an agent', () => {
  it('ITC deposits by hand into the main balance, funded from system:funding', () => {
    wallet
      .given(history(openAgent(A)))
      .when(depositToAgent(A, '100', 'dep-1', manual('BANK-77')))
      .then([
        {
          type: 'FundsDeposited',
          accountId: 'agent:agent-a',
          agentId: A,
          depositId: 'dep-1',
          amountMicros: micros('100'),
          source: { kind: 'manual', reference: 'BANK-77' },
          fundingAccount: 'system:funding',
          commissionMicros: 0n,
          balanceAfterMicros: micros('100'),
          ...audit,
        },
      ]);
  });

  it('a card deposit takes the same path, funded from system:card-clearing', () => {
    const [deposited] = wallet.given(history(openAgent(A))).when(depositToAgent(A, '20', 'dep-1', card('pi_9'))).events();
    expect(deposited).toMatchObject({ source: { kind: 'card', paymentIntentId: 'pi_9' }, fundingAccount: 'system:card-clearing' });
  });

  it('the same deposit again changes nothing', () => {
    wallet.given(history(openAgent(A), depositToAgent(A, '100'))).when(depositToAgent(A, '100')).thenNothing();
  });

  it('the same depositId with another amount is refused', () => {
    wallet.given(history(openAgent(A), depositToAgent(A, '100'))).when(depositToAgent(A, '101')).thenRejects('deposit id already used for another deposit', 'id_reused');
  });

  it('the same depositId with another source is refused', () => {
    wallet
      .given(history(openAgent(A), depositToAgent(A, '100')))
      .when(depositToAgent(A, '100', 'dep-1', manual('OTHER')))
      .thenRejects('deposit id already used for another deposit', 'id_reused');
  });

  it.each(['0', '-5'])('refuses an amount of %s', (amount) => {
    wallet.given(history(openAgent(A))).when(depositToAgent(A, amount)).thenRejects('amount must be positive', 'invalid_amount');
  });

  it('refuses a manual deposit without a reference', () => {
    wallet.given(history(openAgent(A))).when(depositToAgent(A, '1', 'dep-1', manual(''))).thenRejects('reference must be 1 to 128 characters without surrounding spaces', 'invalid_reference');
  });

  it('refuses an unknown agent', () => {
    wallet.given([]).when(depositToAgent(A, '1')).thenRejects('agent account not found', 'account_not_found');
  });

  it('refuses a closed agent', () => {
    wallet
      .given(history(openAgent(A), { type: 'CloseAccount', accountId: 'agent:agent-a', meta: meta() }))
      .when(depositToAgent(A, '1'))
      .thenRejects('agent account is closed', 'account_closed');
  });
});

describe('deposit to a customer accrues the agent’s commission in the same transaction', () => {
  it('posts the deposit on the customer and the commission on the agent’s commission account', () => {
    wallet
      .given(history(openAgent(A), openCustomer(C, A)))
      .when(depositToCustomer(C, A, '50', { rate: '12.5', source: card('pi_7') }))
      .then([
        {
          type: 'FundsDeposited',
          accountId: 'customer:cust-c',
          agentId: A,
          depositId: 'dep-1',
          amountMicros: micros('50'),
          source: { kind: 'card', paymentIntentId: 'pi_7' },
          fundingAccount: 'system:card-clearing',
          commissionMicros: micros('6.25'),
          balanceAfterMicros: micros('50'),
          ...audit,
        },
        {
          type: 'CommissionAccrued',
          accountId: 'commission:agent-a',
          agentId: A,
          customerId: C,
          cause: { kind: 'deposit', depositId: 'dep-1' },
          baseAmountMicros: micros('50'),
          commissionMicroPercent: microPercent('12.5'),
          amountMicros: micros('6.25'),
          balanceAfterMicros: micros('6.25'),
          ...audit,
        },
      ]);
  });

  it('rounds the commission down to the micro-unit: never more than the rate', () => {
    // 0.000007 × 33.333333 % = 0.00000233… → 0.000002
    const events = wallet.given(history(openAgent(A), openCustomer(C, A))).when(depositToCustomer(C, A, '0.000007', { rate: '33.333333' })).events();
    expect(events[1]).toMatchObject({ type: 'CommissionAccrued', amountMicros: 2n });
  });

  it('a commission that rounds to zero posts nothing on the commission account', () => {
    const events = wallet.given(history(openAgent(A), openCustomer(C, A))).when(depositToCustomer(C, A, '0.000009', { rate: '10' })).events();
    expect(events.map((event) => event.type)).toEqual(['FundsDeposited']);
    expect(events[0]).toMatchObject({ commissionMicros: 0n });
  });

  it('an ITC-direct customer earns nobody a commission', () => {
    const events = wallet.given(history(openCustomer(C, null))).when(depositToCustomer(C, null, '10')).events();
    expect(events).toEqual([expect.objectContaining({ type: 'FundsDeposited', agentId: null, commissionMicros: 0n })]);
  });

  it('an ITC-direct customer cannot be given a commission rate', () => {
    wallet.given(history(openCustomer(C, null))).when(depositToCustomer(C, null, '10', { rate: '5' })).thenRejects('an ITC-direct customer earns no commission: the rate must be 0', 'invalid_commission');
  });

  it('an initial balance funded by ITC is a deposit and accrues commission', () => {
    const events = wallet.given(history(openAgent(A), openCustomer(C, A))).when(depositToCustomer(C, A, '20', { source: { kind: 'initial' } })).events();
    expect(events).toMatchObject([{ source: { kind: 'initial' }, fundingAccount: 'system:funding' }, { type: 'CommissionAccrued', amountMicros: micros('2') }]);
  });

  it('the same deposit again changes nothing', () => {
    wallet.given(history(openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '50'))).when(depositToCustomer(C, A, '50')).thenNothing();
  });

  it('refuses a rate above 100 %', () => {
    wallet.given(history(openAgent(A), openCustomer(C, A))).when(depositToCustomer(C, A, '50', { rate: '100.000001' })).thenRejects('commission must be between 0 and 100 percent', 'invalid_commission');
  });

  it('refuses a customer of another agent', () => {
    wallet.given(history(openAgent(A), openCustomer(C, A))).when(depositToCustomer(C, 'agent-b', '50')).thenRejects('customer does not belong to this agent', 'customer_not_of_agent');
  });

  it('refuses an unknown customer', () => {
    wallet.given(history(openAgent(A))).when(depositToCustomer(C, A, '50')).thenRejects('customer account not found', 'account_not_found');
  });

  it('refuses when the agent’s commission account is not opened yet (the consumer retries)', () => {
    wallet.given(history(openCustomer(C, A))).when(depositToCustomer(C, A, '50')).thenRejects('agent commission account not found', 'account_not_found');
  });

  it('refuses a closed customer', () => {
    wallet.given(history(openAgent(A), openCustomer(C, A), closeCustomer)).when(depositToCustomer(C, A, '50')).thenRejects('customer account is closed', 'account_closed');
  });
});
