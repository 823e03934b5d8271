import { spec } from '@billing/decider/testing';
import type { WalletEvent } from '../events.js';
import { walletDecider } from '../ledger/wallet-decider.js';
import {
  A,
  audit,
  C,
  charge,
  depositToAgent,
  depositToCustomer,
  history,
  meta,
  micros,
  NOW,
  openAgent,
  openCustomer,
  placeHold,
  transfer,
} from '../testing/fixtures.js';

const wallet = spec(walletDecider);
const crossings = (events: WalletEvent[]) => events.filter((event) => event.type === 'LowBalanceCrossed');
const rating = { actor: 'system:rating', occurredAt: NOW } as const;
// agent A with threshold 25 and 100 on its main balance; its customer C with threshold 5 and 10
const agent = [openAgent(A, '25'), openCustomer(C, A, { threshold: '5' }), depositToAgent(A, '100')];
const customer = [openAgent(A), openCustomer(C, A, { threshold: '5' }), depositToCustomer(C, A, '10', { rate: '0' })];

describe('low-balance crossings', () => {
  it('a transfer that takes the agent below its threshold says so, in the same decision', () => {
    const events = wallet.given(history(...agent)).when(transfer(A, C, '80', { rate: '0' })).events();
    expect(events.at(-1)).toEqual({ type: 'LowBalanceCrossed', accountId: 'agent:agent-a', agentId: A, balanceMicros: micros('20'), lowBalanceThresholdMicros: micros('25'), ...audit });
  });

  it('once per crossing: the next debit below the threshold says nothing', () => {
    const given = history(...agent, transfer(A, C, '80', { transferId: 'tr-1', rate: '0' }));
    expect(crossings(wallet.given(given).when(transfer(A, C, '5', { transferId: 'tr-2', rate: '0' })).events())).toEqual([]);
  });

  it('again after the balance was replenished to the threshold', () => {
    const given = history(...agent, transfer(A, C, '80', { transferId: 'tr-1', rate: '0' }), depositToAgent(A, '5', 'dep-2'));
    expect(crossings(wallet.given(given).when(transfer(A, C, '0.01', { transferId: 'tr-2', rate: '0' })).events())).toHaveLength(1);
  });

  it('not again after a top-up that stays below the threshold', () => {
    const given = history(...agent, transfer(A, C, '80', { transferId: 'tr-1', rate: '0' }), depositToAgent(A, '4.99', 'dep-2'));
    expect(crossings(wallet.given(given).when(transfer(A, C, '1', { transferId: 'tr-2', rate: '0' })).events())).toEqual([]);
  });

  it('a call charge that takes a customer below its threshold says so', () => {
    wallet
      .given(history(...customer))
      .when(charge(C, 'call-1', '6'))
      .then([
        { type: 'CallCharged', accountId: 'customer:cust-c', agentId: A, callId: 'call-1', costMicros: micros('6'), balanceAfterMicros: micros('4'), ...rating },
        { type: 'LowBalanceCrossed', accountId: 'customer:cust-c', agentId: A, balanceMicros: micros('4'), lowBalanceThresholdMicros: micros('5'), ...rating },
      ]);
  });

  it('a hold is not a debit: it never crosses', () => {
    expect(crossings(wallet.given(history(...customer)).when(placeHold(C, 'call-1', '9')).events())).toEqual([]);
  });

  it('a balance that never reached the threshold was never armed', () => {
    const given = history(openAgent(A), openCustomer(C, A, { threshold: '50' }), depositToCustomer(C, A, '10', { rate: '0' }));
    expect(crossings(wallet.given(given).when(charge(C, 'call-1', '1')).events())).toEqual([]);
  });

  it('raising the threshold above the balance does not alert; the next alert follows a replenishment', () => {
    const raise = { type: 'ChangeLowBalanceThreshold', accountId: 'customer:cust-c', lowBalanceThresholdMicros: micros('20'), meta: meta() } as const;
    expect(crossings(wallet.given(history(...customer)).when(raise).events())).toEqual([]);
    expect(crossings(wallet.given(history(...customer, raise)).when(charge(C, 'call-1', '1')).events())).toEqual([]);
  });

  it('a threshold of zero alerts when a prepaid balance goes negative', () => {
    const given = history(openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '1', { rate: '0' }));
    expect(crossings(wallet.given(given).when(charge(C, 'call-1', '1.5')).events())).toHaveLength(1);
  });
});
