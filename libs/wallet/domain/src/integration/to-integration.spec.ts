import { walletEventsV1 } from '@billing/contracts';
import type { WalletEvent } from '../events.js';
import { A, C, card, charge, depositToCustomer, history, openAgent, openCustomer, placeHold, depositToAgent, transfer, transferCommission, reverse, NOW } from '../testing/fixtures.js';
import { toIntegrationEvent } from './to-integration.js';

const events = history(
  openAgent(A),
  openCustomer(C, A, { threshold: '5' }),
  depositToAgent(A, '100'),
  transfer(A, C, '40', { rate: '12.5' }),
  depositToCustomer(C, A, '10', { depositId: 'dep-2', rate: '12.5', source: card('pi_3') }),
  transferCommission(A, null),
  placeHold(C, 'call-1', '3'),
  charge(C, 'call-1', '46'),
  reverse('customer:cust-c', A, 'dep-2', 'chargeback'),
);
const published = (type: WalletEvent['type']) => events.filter((event) => event.type === type).map(toIntegrationEvent);

describe('integration events', () => {
  it('a card top-up: money as decimal strings, the stream as the aggregate', () => {
    expect(published('FundsDeposited')).toContainEqual({
      type: 'wallet.FundsDeposited',
      schemaVersion: 1,
      aggregateId: 'wallet-customer-cust-c',
      occurredAt: NOW,
      data: {
        depositId: 'dep-2',
        accountKind: 'customer',
        agentId: A,
        customerId: C,
        amount: '10',
        commission: '1.25',
        source: 'card',
        reference: null,
        paymentIntentId: 'pi_3',
        balanceAfter: '50',
        actor: 'admin:itc',
      },
    });
  });

  it('a transfer publishes FundsTransferred from the agent’s leg and BalanceChanged from the customer’s', () => {
    expect(published('TransferredOut')).toEqual([
      expect.objectContaining({ type: 'wallet.FundsTransferred', aggregateId: 'wallet-agent-agent-a', data: { transferId: 'tr-1', agentId: A, customerId: C, amount: '40', agentBalanceAfter: '60', actor: 'admin:itc' } }),
    ]);
    expect(published('TransferredIn')).toEqual([
      expect.objectContaining({
        type: 'wallet.BalanceChanged',
        data: { accountKind: 'customer', agentId: A, customerId: C, cause: 'transfer-in', causeId: 'tr-1', change: '40', balanceAfter: '40' },
      }),
    ]);
    expect(published('CommissionAccrued')[0]).toMatchObject({ data: { cause: 'transfer', causeId: 'tr-1', commissionPercent: '12.5', amount: '5', baseAmount: '40' } });
  });

  it('a clawback is a CommissionReversed from the main balance', () => {
    expect(published('CommissionClawedBack')).toEqual([expect.objectContaining({ type: 'wallet.CommissionReversed', data: expect.objectContaining({ from: 'main', amount: '1.25', depositId: 'dep-2' }) })]);
  });

  it('a low-balance crossing carries the holder, the balance and the threshold', () => {
    expect(published('LowBalanceCrossed')[0]).toMatchObject({ type: 'wallet.LowBalanceCrossed', data: { accountKind: 'customer', agentId: A, customerId: C, balance: '4', threshold: '5' } });
  });

  it('opening and settings are not published (the accounts context already did)', () => {
    expect(published('AccountOpened')).toEqual([null, null, null]);
  });

  it('every published event satisfies its contract', () => {
    for (const event of events) {
      const integration = toIntegrationEvent(event);
      if (integration !== null) expect(walletEventsV1[integration.type].parse(integration.data)).toEqual(integration.data);
    }
  });
});
