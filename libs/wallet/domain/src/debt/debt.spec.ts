// Issue 12, item 4: facts below the floor are charged, the account is then `in_debt` (debtMicros
// > 0): it authorizes no call and sends no money, and deposits (or transfers in) pay the debt first.
import { spec } from '@billing/decider/testing';
import { agentMainAccount, customerAccount } from '../accounts/account-id.js';
import { debtMicros, type LedgerAccount } from '../accounts/account-state.js';
import type { ReserveInitialBalance, WalletCommand } from '../commands.js';
import { walletDecider } from '../ledger/wallet-decider.js';
import { A, C, D, charge, depositToAgent, depositToCustomer, history, ledgerAfter, meta, micros, openAgent, openCustomer, placeHold, reverse, transfer, transferCommission } from '../testing/fixtures.js';

const wallet = spec(walletDecider);
const customerAfter = (...commands: WalletCommand[]) => ledgerAfter(history(...commands)).get(customerAccount(C)) as LedgerAccount;
const agentAfter = (...commands: WalletCommand[]) => ledgerAfter(history(...commands)).get(agentMainAccount(A)) as LedgerAccount;
const base = [openAgent(A), openCustomer(C, A), openCustomer(D, A), depositToAgent(A, '10'), transfer(A, C, '5', { transferId: 'tr-c' })];
const reserve = (customerId: string, amount: string): ReserveInitialBalance => ({
  type: 'ReserveInitialBalance',
  agentId: A,
  customerId,
  amountMicros: micros(amount),
  expiresAt: '2025-03-01T12:30:00.000Z',
  meta: meta(),
});

describe('debt: a fact that takes an account below its floor', () => {
  describe('prepaid customer', () => {
    // C holds 5: a call of 6 granted 5 (longer than granted) is charged in full
    const overrun = [...base, placeHold(C, 'call-1', '5'), charge(C, 'call-1', '6')];

    it('a CDR longer than the granted duration is charged in full: the customer owes 1', () => {
      const customer = customerAfter(...overrun);
      expect([customer.balanceMicros, debtMicros(customer)]).toEqual([micros('-1'), micros('1')]);
    });

    it('a CDR without authorization while another hold is open is charged too', () => {
      const customer = customerAfter(...base, placeHold(C, 'call-1', '5'), charge(C, 'call-2', '7'), charge(C, 'call-1', '0'));
      expect(debtMicros(customer)).toBe(micros('2'));
    });

    it('an in-debt customer gets no new authorization, with the reason in_debt', () => {
      wallet.given(history(...overrun)).when(placeHold(C, 'call-3', '1')).thenRejects(/customer account is in debt/, 'in_debt');
    });

    it('a customer at exactly 0 is not in debt (insufficient funds, not debt)', () => {
      const spent = [...base, placeHold(C, 'call-1', '5'), charge(C, 'call-1', '5')];
      expect(debtMicros(customerAfter(...spent))).toBe(0n);
      wallet.given(history(...spent)).when(placeHold(C, 'call-3', '1')).thenRejects(/insufficient customer balance/, 'insufficient_funds');
    });

    it('the next deposit settles the debt first: the balance rises from below zero', () => {
      const [deposited] = wallet.given(history(...overrun)).when(depositToCustomer(C, A, '3', { depositId: 'dep-c' })).events();
      expect(deposited).toMatchObject({ type: 'FundsDeposited', balanceAfterMicros: micros('2') });
      const paid = [...overrun, depositToCustomer(C, A, '3', { depositId: 'dep-c' })];
      expect(debtMicros(customerAfter(...paid))).toBe(0n);
      expect(wallet.given(history(...paid)).when(placeHold(C, 'call-3', '5')).events()).toMatchObject([{ type: 'HoldPlaced', grantedMicros: micros('2') }]);
    });

    it('an agent’s transfer into an in-debt customer is accepted and pays the debt first', () => {
      const [, into] = wallet.given(history(...overrun)).when(transfer(A, C, '1', { transferId: 'tr-pay' })).events();
      expect(into).toMatchObject({ type: 'TransferredIn', balanceAfterMicros: 0n });
    });

    it('a deposit reversal after the money was spent leaves the customer in debt', () => {
      const spentDeposit = [openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '10', { depositId: 'dep-c' }), charge(C, 'call-1', '8'), reverse(customerAccount(C), A, 'dep-c')];
      expect(debtMicros(customerAfter(...spentDeposit))).toBe(micros('8'));
      wallet.given(history(...spentDeposit)).when(placeHold(C, 'call-2', '1')).thenRejects(/in debt/, 'in_debt');
    });
  });

  describe('postpaid customer', () => {
    it('is in debt only beyond its credit limit', () => {
      const postpaid = [openAgent(A), openCustomer(C, A, { billingType: 'postpaid', creditLimit: '10' })];
      expect(debtMicros(customerAfter(...postpaid, charge(C, 'call-1', '10')))).toBe(0n);
      expect(debtMicros(customerAfter(...postpaid, charge(C, 'call-1', '12')))).toBe(micros('2'));
      wallet.given(history(...postpaid, charge(C, 'call-1', '12'))).when(placeHold(C, 'call-2', '1')).thenRejects(/in debt/, 'in_debt');
    });
  });

  describe('agent', () => {
    // A deposits 10, transfers all 10 to C, then the deposit is charged back: A owes 10
    const reversed = [openAgent(A), openCustomer(C, A), openCustomer(D, A), depositToAgent(A, '10', 'dep-a'), transfer(A, C, '10', { transferId: 'tr-c' }), reverse(agentMainAccount(A), A, 'dep-a')];

    it('a reversal after the money was moved on is recorded: the agent owes it', () => {
      const agent = agentAfter(...reversed);
      expect([agent.balanceMicros, debtMicros(agent)]).toEqual([micros('-10'), micros('10')]);
    });

    it('an in-debt agent cannot transfer to its customers nor fund an opening', () => {
      const repaidPart = [...reversed, depositToAgent(A, '15', 'dep-b')];
      expect(debtMicros(agentAfter(...repaidPart))).toBe(0n);
      wallet.given(history(...reversed, depositToAgent(A, '4', 'dep-b'))).when(transfer(A, D, '1', { transferId: 'tr-d' })).thenRejects(/agent account is in debt/, 'in_debt');
      wallet.given(history(...reversed, depositToAgent(A, '4', 'dep-b'))).when(reserve('cust-new', '1')).thenRejects(/agent account is in debt/, 'in_debt');
    });

    it('a deposit to an in-debt agent is accepted and pays the debt first; back at ≥ 0 it may transfer again', () => {
      const [deposited] = wallet.given(history(...reversed)).when(depositToAgent(A, '12', 'dep-b')).events();
      expect(deposited).toMatchObject({ type: 'FundsDeposited', balanceAfterMicros: micros('2') });
      wallet.given(history(...reversed, depositToAgent(A, '12', 'dep-b'))).when(transfer(A, D, '2', { transferId: 'tr-d' })).events();
    });

    it('commission moved to an in-debt agent’s main balance pays its debt', () => {
      const withCommission = [openAgent(A), openCustomer(C, A), depositToAgent(A, '10', 'dep-a'), transfer(A, C, '10', { transferId: 'tr-c', rate: '10' }), reverse(agentMainAccount(A), A, 'dep-a')];
      const [, into] = wallet.given(history(...withCommission)).when(transferCommission(A, null)).events();
      expect(into).toMatchObject({ type: 'CommissionTransferredIn', balanceAfterMicros: micros('-9') });
    });
  });
});
