// An event that breaks an invariant on replay is a bug: evolve throws InvariantViolation, never clamps.
import { fold, InvariantViolation } from '@billing/decider';
import { unopenedAccount } from './account-state.js';
import { evolveAccount } from './evolve-account.js';
import type { WalletEvent } from '../events.js';
import { A, audit, C, charge, depositToAgent, depositToCustomer, history, micros, openAgent, openCustomer, placeHold, transfer } from '../testing/fixtures.js';
import type { LedgerAccountId } from './account-id.js';

const replay = (accountId: LedgerAccountId, events: readonly WalletEvent[]) =>
  fold({ evolve: evolveAccount }, unopenedAccount(accountId), events.filter((event) => event.accountId === accountId));

function expectViolation(accountId: LedgerAccountId, events: readonly WalletEvent[], message: RegExp): void {
  expect(() => replay(accountId, events)).toThrow(InvariantViolation);
  expect(() => replay(accountId, events)).toThrow(message);
}

const agentFunded = history(openAgent(A), openCustomer(C, A), depositToAgent(A, '10'));
const customerFunded = history(openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '10', { rate: '10' }));

describe('replaying events asserts the invariants', () => {
  it('an event before its account was opened', () => {
    expectViolation('agent:agent-a', history(openAgent(A), depositToAgent(A, '1')).slice(2), /before AccountOpened/);
  });

  it('a balance after that does not follow from the balance before', () => {
    const [deposit] = history(openAgent(A), depositToAgent(A, '1')).slice(2);
    expectViolation('agent:agent-a', [...history(openAgent(A)), { ...deposit!, balanceAfterMicros: micros('2') } as WalletEvent], /balance after is 1000000, the event says 2000000/);
  });

  it('a transfer that overdraws the agent', () => {
    const overdraw: WalletEvent = { type: 'TransferredOut', accountId: 'agent:agent-a', agentId: A, transferId: 't', customerId: C, amountMicros: micros('11'), balanceAfterMicros: micros('-1'), ...audit };
    expectViolation('agent:agent-a', [...agentFunded, overdraw], /TransferredOut takes agent:agent-a below its floor/);
  });

  it('a hold that grants more than is available', () => {
    const tooBig: WalletEvent = { type: 'HoldPlaced', accountId: 'customer:cust-c', agentId: A, callId: 'x', requestedMicros: micros('11'), grantedMicros: micros('11'), expiresAt: audit.occurredAt, ...audit };
    expectViolation('customer:cust-c', [...customerFunded, tooBig], /HoldPlaced takes customer:cust-c below its floor/);
  });

  it('a commission balance below zero', () => {
    const tooMuch: WalletEvent = { type: 'CommissionReversed', accountId: 'commission:agent-a', agentId: A, customerId: C, depositId: 'dep-1', amountMicros: micros('2'), balanceAfterMicros: micros('-1'), ...audit };
    expectViolation('commission:agent-a', [...customerFunded, tooMuch], /commission balance of commission:agent-a below zero/);
  });

  it('a commission that is not the rule’s', () => {
    const [accrued] = customerFunded.filter((event) => event.type === 'CommissionAccrued');
    expectViolation('commission:agent-a', [...customerFunded.slice(0, 3), { ...accrued!, amountMicros: micros('1.000001'), balanceAfterMicros: micros('1.000001') } as WalletEvent], /not the rule's commission/);
  });

  it('a settlement of a hold that is not open', () => {
    const settled: WalletEvent = { type: 'HoldSettled', accountId: 'customer:cust-c', agentId: A, callId: 'x', heldMicros: micros('1'), costMicros: micros('1'), balanceAfterMicros: micros('9'), ...audit };
    expectViolation('customer:cust-c', [...customerFunded, settled], /no open hold x/);
  });

  it('a low-balance crossing while not below the threshold', () => {
    const crossed: WalletEvent = { type: 'LowBalanceCrossed', accountId: 'customer:cust-c', agentId: A, balanceMicros: micros('10'), lowBalanceThresholdMicros: 0n, ...audit };
    expectViolation('customer:cust-c', [...customerFunded, crossed], /not below the threshold/);
  });

  it('an event on the wrong kind of account', () => {
    const wrong = { type: 'TransferredOut', accountId: 'customer:cust-c', agentId: A, transferId: 't', customerId: C, amountMicros: 1n, balanceAfterMicros: micros('9.999999'), ...audit } as unknown as WalletEvent;
    expectViolation('customer:cust-c', [...customerFunded, wrong], /TransferredOut on a customer account/);
  });

  it('the same transfer received twice', () => {
    const events = history(openAgent(A), openCustomer(C, A), depositToAgent(A, '10'), transfer(A, C, '1'));
    const received = events.find((event) => event.type === 'TransferredIn')!;
    expectViolation('customer:cust-c', [...events, { ...received, balanceAfterMicros: micros('2') } as WalletEvent], /received twice/);
  });

  it('a call charged beyond the balance is a fact, not a violation', () => {
    const events = history(openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '1', { rate: '0' }), placeHold(C, 'call-1', '1'), charge(C, 'call-1', '3'));
    expect(replay('customer:cust-c', events)).toMatchObject({ balanceMicros: micros('-2'), heldMicros: 0n });
  });
});
