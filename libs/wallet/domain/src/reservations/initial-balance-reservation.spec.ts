// Issue 12, item 2: an agent-funded initial balance is reserved before the opening is answered,
// and the funding (the transfer the wallet makes when it consumes CustomerOpened) spends it.
import { spec } from '@billing/decider/testing';
import type { ReleaseInitialBalance, ReserveInitialBalance } from '../commands.js';
import { accountsInvolved } from '../ledger/accounts-involved.js';
import { moneyAt } from './initial-balance-reservation.decide.js';
import { walletDecider } from '../ledger/wallet-decider.js';
import { postingsOf } from '../postings/postings-of.js';
import { fromAccountSnapshot, toAccountSnapshot } from '../snapshot/account-snapshot.js';
import { A, audit, C, D, depositToAgent, history, ledgerAfter, meta, micros, NOW, openAgent, openCustomer, reverse, transfer } from '../testing/fixtures.js';
import { availableMicros, debtMicros, type LedgerAccount } from '../accounts/account-state.js';
import { agentMainAccount } from '../accounts/account-id.js';
import type { TransferToCustomer } from '../commands.js';

const wallet = spec(walletDecider);
const EXPIRES = '2025-03-01T12:30:00.000Z';
const AFTER_EXPIRY = '2025-03-01T12:31:00.000Z';
const agentWith10 = [openAgent(A), depositToAgent(A, '10')];

const reserve = (customerId: string, amount: string, now = NOW, expiresAt = EXPIRES): ReserveInitialBalance => ({
  type: 'ReserveInitialBalance',
  agentId: A,
  customerId,
  amountMicros: micros(amount),
  expiresAt,
  meta: meta(now, 'agent:agent-a'),
});
const releaseReservation = (customerId: string): ReleaseInitialBalance => ({ type: 'ReleaseInitialBalance', agentId: A, customerId, meta: meta() });
const agentAccount = (events: Parameters<typeof ledgerAfter>[0]) => ledgerAfter(events).get('agent:agent-a') as LedgerAccount;
const agentActor = { actor: 'agent:agent-a', occurredAt: NOW };

describe('initial-balance reservations', () => {
  it('sets the amount aside on the agent without moving money', () => {
    wallet.given(history(...agentWith10)).when(reserve(C, '10')).then([
      { type: 'InitialBalanceReserved', accountId: 'agent:agent-a', agentId: A, customerId: C, amountMicros: micros('10'), expiresAt: EXPIRES, ...agentActor },
    ]);
    const agent = agentAccount(history(...agentWith10, reserve(C, '10')));
    expect([agent.balanceMicros, availableMicros(agent)]).toEqual([micros('10'), 0n]);
    expect(postingsOf(history(...agentWith10, reserve(C, '10')).at(-1)!)).toEqual([]);
    expect(accountsInvolved(reserve(C, '10'))).toEqual(['agent:agent-a', 'customer:cust-c']);
  });

  it('refuses a second customer once the first took the money (the racing openings of the issue)', () => {
    wallet.given(history(...agentWith10, reserve(C, '10'))).when(reserve(D, '10')).thenRejects(/insufficient agent balance/, 'insufficient_funds');
  });

  it('is idempotent per customer: the same amount again is nothing, another amount is a reused id', () => {
    wallet.given(history(...agentWith10, reserve(C, '4'))).when(reserve(C, '4')).then([]);
    wallet.given(history(...agentWith10, reserve(C, '4'))).when(reserve(C, '5')).thenRejects(/already reserved/, 'id_reused');
  });

  it('reserves nothing for a customer the wallet has already opened (a retry after the opening)', () => {
    wallet.given(history(...agentWith10, openCustomer(C, A))).when(reserve(C, '10')).then([]);
  });

  it('is spent by the transfer that funds the customer, in the same decision', () => {
    const given = history(...agentWith10, reserve(C, '10'), openCustomer(C, A));
    const [ended, out] = wallet.given(given).when(transfer(A, C, '10', { transferId: 'initial-cust-c' })).events();
    expect(ended).toEqual({ type: 'InitialBalanceReservationEnded', accountId: 'agent:agent-a', agentId: A, customerId: C, amountMicros: micros('10'), reason: 'funded', ...audit });
    expect(out).toMatchObject({ type: 'TransferredOut', balanceAfterMicros: 0n });
    const after = agentAccount(history(...agentWith10, reserve(C, '10'), openCustomer(C, A), transfer(A, C, '10', { transferId: 'initial-cust-c' })));
    expect([after.balanceMicros, after.reservedMicros, after.reservations.size]).toEqual([0n, 0n, 0]);
  });

  it('keeps a reserved amount from other transfers', () => {
    wallet.given(history(...agentWith10, reserve(C, '8'), openCustomer(D, A))).when(transfer(A, D, '3')).thenRejects(/insufficient agent balance/, 'insufficient_funds');
  });

  it('is released when the opening failed, once', () => {
    wallet.given(history(...agentWith10, reserve(C, '10'))).when(releaseReservation(C)).then([
      { type: 'InitialBalanceReservationEnded', accountId: 'agent:agent-a', agentId: A, customerId: C, amountMicros: micros('10'), reason: 'released', ...audit },
    ]);
    wallet.given(history(...agentWith10, reserve(C, '10'), releaseReservation(C))).when(releaseReservation(C)).then([]);
    expect(availableMicros(agentAccount(history(...agentWith10, reserve(C, '10'), releaseReservation(C))))).toBe(micros('10'));
  });

  it('expires when no opening followed: the next decision on the agent’s money ends it first', () => {
    const events = wallet.given(history(...agentWith10, reserve(C, '10'))).when(reserve(D, '10', AFTER_EXPIRY, '2025-03-01T13:01:00.000Z')).events();
    expect(events.map((event) => [event.type, 'customerId' in event ? event.customerId : null, 'reason' in event ? event.reason : null])).toEqual([
      ['InitialBalanceReservationEnded', C, 'expired'],
      ['InitialBalanceReserved', D, null],
    ]);
  });

  it('still funds its own customer after the expiry: that opening did happen', () => {
    const late = { ...transfer(A, C, '10', { transferId: 'initial-cust-c' }), meta: meta(AFTER_EXPIRY) };
    const events = wallet.given(history(...agentWith10, reserve(C, '10'), openCustomer(C, A))).when(late).events();
    expect(events[0]).toMatchObject({ type: 'InitialBalanceReservationEnded', reason: 'funded' });
  });

  // the funding of an opening answered 201 moves what the agent committed at reserve time
  const funding = (now = NOW): TransferToCustomer => ({ ...transfer(A, C, '10', { transferId: 'initial-cust-c' }), fundsOpening: true, meta: meta(now) });
  const customerAfter = (events: Parameters<typeof ledgerAfter>[0]) => ledgerAfter(events).get('customer:cust-c') as LedgerAccount;

  it('funds its opening even when the agent’s deposit was reversed after the reservation: the agent goes in debt', () => {
    const given = [...agentWith10, reserve(C, '10'), reverse(agentMainAccount(A), A), openCustomer(C, A)];
    expect(() => history(...given, transfer(A, C, '10', { transferId: 'initial-cust-c' }))).toThrow(/insufficient agent balance/);
    const after = history(...given, funding());
    expect([customerAfter(after).balanceMicros, agentAccount(after).balanceMicros, debtMicros(agentAccount(after)), agentAccount(after).reservedMicros]).toEqual([micros('10'), micros('-10'), micros('10'), 0n]);
    expect(after.find((event) => event.type === 'TransferredOut')).toMatchObject({ type: 'TransferredOut', fundsOpening: true, balanceAfterMicros: micros('-10') });
  });

  it('funds its opening after its reservation expired and the money was spent: the agent goes in debt', () => {
    const spent = { ...transfer(A, D, '10', { transferId: 't-d' }), meta: meta(AFTER_EXPIRY) };
    const given = [...agentWith10, reserve(C, '10'), openCustomer(D, A), spent, openCustomer(C, A)];
    const after = history(...given, funding(AFTER_EXPIRY));
    expect([customerAfter(after).balanceMicros, agentAccount(after).balanceMicros, debtMicros(agentAccount(after))]).toEqual([micros('10'), micros('-10'), micros('10')]);
  });

  it('funds its opening once: a redelivered funding moves nothing', () => {
    wallet.given(history(...agentWith10, reserve(C, '10'), openCustomer(C, A), funding())).when(funding()).then([]);
  });

  it('reads as the next decision sees it: reserved until it is overdue', () => {
    const agent = agentAccount(history(...agentWith10, reserve(C, '4')));
    expect(moneyAt(agent, NOW)).toEqual({ balanceMicros: micros('10'), reservedMicros: micros('4'), availableMicros: micros('6'), debtMicros: 0n });
    expect(moneyAt(agent, AFTER_EXPIRY)).toEqual({ balanceMicros: micros('10'), reservedMicros: 0n, availableMicros: micros('10'), debtMicros: 0n });
  });

  it('refuses bad input', () => {
    wallet.given(history(...agentWith10)).when(reserve(C, '0')).thenRejects(/amount must be positive/, 'invalid_amount');
    wallet.given(history(...agentWith10)).when(reserve(C, '1', NOW, NOW)).thenRejects(/expiry/, 'invalid_expiry');
    wallet.given(history()).when(reserve(C, '1')).thenRejects(/agent account not found/, 'account_not_found');
  });

  it('survives a snapshot', () => {
    const agent = agentAccount(history(...agentWith10, reserve(C, '3')));
    expect(fromAccountSnapshot(toAccountSnapshot(agent))).toEqual(agent);
  });
});
