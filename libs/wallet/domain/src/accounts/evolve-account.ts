// The one evolve of a ledger account. Every event is checked against the state it lands on: an
// event that would break an invariant on replay is a bug, so it throws InvariantViolation and is
// never clamped. Two classes of debit (README.md, "Floors"):
// - decided debits (TransferredOut, CommissionTransferredOut, HoldPlaced, InitialBalanceReserved) must leave
//   available ≥ 0: the system chose them, and the decision checked it — except the TransferredOut
//   funding an opening (`fundsOpening`), decided when its reservation was made and a fact since;
// - facts (call charges, reversals, clawbacks) are recorded even below the floor, because refusing
//   to record what happened would make the ledger lie. Commission ≥ 0 holds for every event.
import { invariant } from '@billing/decider';
import { addMicros } from '@billing/money';
import { commissionOf } from '../commission/commission-of.js';
import { fundingAccountOf } from '../deposits/deposit-source.js';
import { EVENT_ACCOUNT_KINDS, type AccountOpened, type WalletEvent } from '../events.js';
import { isIsoInstant } from '../shared/command-meta.js';
import { isCommissionInRange } from '../shared/checks.js';
import { pushBounded, withEntry, withoutEntry } from '../shared/immutable.js';
import { holderIdOf, kindOf } from './account-id.js';
import { availableMicros, RECENT_CHARGED_CALLS, type AccountState, type LedgerAccount } from './account-state.js';

export function evolveAccount(state: AccountState, event: WalletEvent): AccountState {
  invariant(event.accountId === state.accountId, `${event.type} for ${event.accountId} applied to ${state.accountId}`);
  if (state.status === 'unopened') {
    invariant(event.type === 'AccountOpened', `${event.type} on ${state.accountId} before AccountOpened`);
    return opened(event);
  }
  invariant(event.type !== 'AccountOpened', `${state.accountId} opened twice`);
  invariant(EVENT_ACCOUNT_KINDS[event.type].includes(state.kind), `${event.type} on a ${state.kind} account`);
  invariant(event.agentId === state.agentId, `${event.type} names agent ${event.agentId} but ${state.accountId} belongs to ${state.agentId}`);
  const next = apply(state, event);
  assertAccountInvariants(next, event.type);
  return next;
}

function opened(event: AccountOpened): LedgerAccount {
  invariant(event.kind === kindOf(event.accountId), `AccountOpened kind ${event.kind} for ${event.accountId}`);
  invariant(event.kind === 'customer' || event.billingType === 'prepaid', 'agent accounts are prepaid');
  invariant(event.kind !== 'agent-commission' || event.lowBalanceThresholdMicros === 0n, 'a commission account has no threshold');
  invariant(event.kind === 'customer' || event.agentId === holderIdOf(event.accountId), 'an agent account names its own agent');
  const account: LedgerAccount = {
    status: 'open',
    accountId: event.accountId,
    kind: event.kind,
    agentId: event.agentId,
    billingType: event.billingType,
    creditLimitMicros: event.creditLimitMicros,
    lowBalanceThresholdMicros: event.lowBalanceThresholdMicros,
    lowBalanceArmed: 0n >= event.lowBalanceThresholdMicros,
    balanceMicros: 0n,
    heldMicros: 0n,
    holds: new Map(),
    recentChargedCallIds: [],
    deposits: new Map(),
    transfersIn: new Map(),
    commissionTransfers: new Map(),
    reservations: new Map(),
    reservedMicros: 0n,
  };
  assertAccountInvariants(account, event.type);
  return account;
}

function apply(s: LedgerAccount, e: Exclude<WalletEvent, AccountOpened>): LedgerAccount {
  switch (e.type) {
    case 'LowBalanceThresholdChanged':
      requireOpen(s, e.type);
      return { ...s, lowBalanceThresholdMicros: e.lowBalanceThresholdMicros, lowBalanceArmed: s.balanceMicros >= e.lowBalanceThresholdMicros };
    case 'CreditLimitChanged':
      requireOpen(s, e.type);
      invariant(s.billingType === 'postpaid', 'CreditLimitChanged on a prepaid account');
      return { ...s, creditLimitMicros: e.creditLimitMicros };
    case 'AccountClosed':
      requireOpen(s, e.type);
      return { ...s, status: 'closed' };

    case 'FundsDeposited': {
      requireOpen(s, e.type);
      requirePositive(e.amountMicros, e.type);
      invariant(!s.deposits.has(e.depositId), `deposit ${e.depositId} recorded twice on ${s.accountId}`);
      invariant(e.fundingAccount === fundingAccountOf(e.source), `deposit ${e.depositId} funded from ${e.fundingAccount}`);
      invariant(e.commissionMicros >= 0n && (e.commissionMicros === 0n || (s.kind === 'customer' && s.agentId !== null)), `deposit ${e.depositId}: commission ${e.commissionMicros} on ${s.accountId}`);
      const deposit = { amountMicros: e.amountMicros, commissionMicros: e.commissionMicros, fundingAccount: e.fundingAccount, source: e.source, reversed: false };
      return { ...moveBalance(s, e.amountMicros, e.balanceAfterMicros, e.type), deposits: withEntry(s.deposits, e.depositId, deposit) };
    }
    case 'DepositReversed': {
      const deposit = s.deposits.get(e.depositId);
      invariant(deposit !== undefined && !deposit.reversed, `DepositReversed: no unreversed deposit ${e.depositId} on ${s.accountId}`);
      invariant(deposit.amountMicros === e.amountMicros && deposit.fundingAccount === e.fundingAccount, `DepositReversed ${e.depositId} does not match the deposit`);
      return { ...moveBalance(s, -e.amountMicros, e.balanceAfterMicros, e.type), deposits: withEntry(s.deposits, e.depositId, { ...deposit, reversed: true }) };
    }

    case 'TransferredOut': {
      requireOpen(s, e.type);
      requirePositive(e.amountMicros, e.type);
      const moved = moveBalance(s, -e.amountMicros, e.balanceAfterMicros, e.type);
      // an opening's funding was committed when its reservation was made: a fact from then on
      return e.fundsOpening === true ? moved : requireAboveFloor(moved, e.type);
    }
    case 'TransferredIn':
      requireOpen(s, e.type);
      requirePositive(e.amountMicros, e.type);
      invariant(s.agentId !== null, 'TransferredIn on an ITC-direct customer');
      invariant(!s.transfersIn.has(e.transferId), `transfer ${e.transferId} received twice by ${s.accountId}`);
      invariant(e.commissionMicros >= 0n, 'TransferredIn with a negative commission');
      return { ...moveBalance(s, e.amountMicros, e.balanceAfterMicros, e.type), transfersIn: withEntry(s.transfersIn, e.transferId, e.amountMicros) };

    case 'CommissionAccrued':
      requirePositive(e.amountMicros, e.type);
      invariant(isCommissionInRange(e.commissionMicroPercent), `CommissionAccrued at ${e.commissionMicroPercent} micro-percent`);
      invariant(e.amountMicros === commissionOf(e.baseAmountMicros, e.commissionMicroPercent), `CommissionAccrued ${e.amountMicros} is not the rule's commission`);
      return moveBalance(s, e.amountMicros, e.balanceAfterMicros, e.type);
    case 'CommissionReversed':
    case 'CommissionClawedBack':
      requirePositive(e.amountMicros, e.type);
      return moveBalance(s, -e.amountMicros, e.balanceAfterMicros, e.type);
    case 'CommissionTransferredOut':
      requireOpen(s, e.type);
      requirePositive(e.amountMicros, e.type);
      invariant(!s.commissionTransfers.has(e.commissionTransferId), `commission transfer ${e.commissionTransferId} recorded twice`);
      return { ...moveBalance(s, -e.amountMicros, e.balanceAfterMicros, e.type), commissionTransfers: withEntry(s.commissionTransfers, e.commissionTransferId, e.amountMicros) };
    case 'CommissionTransferredIn':
      requireOpen(s, e.type);
      requirePositive(e.amountMicros, e.type);
      return moveBalance(s, e.amountMicros, e.balanceAfterMicros, e.type);

    case 'HoldPlaced':
      requireOpen(s, e.type);
      requirePositive(e.grantedMicros, e.type);
      invariant(e.grantedMicros <= e.requestedMicros, `hold ${e.callId} grants more than requested`);
      invariant(!s.holds.has(e.callId), `hold ${e.callId} placed twice`);
      invariant(isIsoInstant(e.expiresAt), `hold ${e.callId} expires at "${e.expiresAt}"`);
      return requireAboveFloor(
        { ...s, heldMicros: s.heldMicros + e.grantedMicros, holds: withEntry(s.holds, e.callId, { grantedMicros: e.grantedMicros, expiresAt: e.expiresAt }) },
        e.type,
      );
    case 'HoldSettled': {
      invariant(e.costMicros >= 0n, `HoldSettled ${e.callId} with a negative cost`);
      const released = closeHold(s, e.callId, e.heldMicros, e.type);
      return { ...moveBalance(released, -e.costMicros, e.balanceAfterMicros, e.type), recentChargedCallIds: pushBounded(s.recentChargedCallIds, e.callId, RECENT_CHARGED_CALLS) };
    }
    case 'CallCharged':
      requirePositive(e.costMicros, e.type);
      invariant(!s.holds.has(e.callId), `CallCharged ${e.callId} while its hold is open`);
      return { ...moveBalance(s, -e.costMicros, e.balanceAfterMicros, e.type), recentChargedCallIds: pushBounded(s.recentChargedCallIds, e.callId, RECENT_CHARGED_CALLS) };
    case 'HoldReleased':
      return closeHold(s, e.callId, e.heldMicros, e.type);
    case 'HoldExpired': {
      const expiresAt = s.holds.get(e.callId)?.expiresAt;
      const closed = closeHold(s, e.callId, e.heldMicros, e.type);
      invariant(expiresAt === e.expiresAt, `HoldExpired ${e.callId} at ${e.expiresAt}, the hold expires at ${expiresAt}`);
      return closed;
    }

    case 'InitialBalanceReserved':
      requireOpen(s, e.type);
      requirePositive(e.amountMicros, e.type);
      invariant(!s.reservations.has(e.customerId), `initial balance of ${e.customerId} reserved twice on ${s.accountId}`);
      invariant(isIsoInstant(e.expiresAt), `reservation for ${e.customerId} expires at "${e.expiresAt}"`);
      return requireAboveFloor(
        { ...s, reservedMicros: s.reservedMicros + e.amountMicros, reservations: withEntry(s.reservations, e.customerId, { amountMicros: e.amountMicros, expiresAt: e.expiresAt }) },
        e.type,
      );
    case 'InitialBalanceReservationEnded': {
      const reservation = s.reservations.get(e.customerId);
      invariant(reservation !== undefined, `${e.type}: no reservation for ${e.customerId} on ${s.accountId}`);
      invariant(reservation.amountMicros === e.amountMicros, `${e.type} ${e.customerId}: ${e.amountMicros}, the reservation is ${reservation.amountMicros}`);
      return { ...s, reservedMicros: s.reservedMicros - e.amountMicros, reservations: withoutEntry(s.reservations, e.customerId) };
    }

    case 'LowBalanceCrossed':
      invariant(s.lowBalanceArmed, `LowBalanceCrossed on ${s.accountId} while not armed`);
      invariant(e.lowBalanceThresholdMicros === s.lowBalanceThresholdMicros, 'LowBalanceCrossed names another threshold');
      invariant(e.balanceMicros === s.balanceMicros && s.balanceMicros < s.lowBalanceThresholdMicros, 'LowBalanceCrossed while not below the threshold');
      return { ...s, lowBalanceArmed: false };
  }
}

/** Applies a balance change and checks the event's own record of the result; re-arms the low-balance alert. */
function moveBalance(s: LedgerAccount, deltaMicros: bigint, balanceAfterMicros: bigint, what: string): LedgerAccount {
  const balanceMicros = addMicros(s.balanceMicros, deltaMicros);
  invariant(balanceMicros === balanceAfterMicros, `${what} on ${s.accountId}: balance after is ${balanceMicros}, the event says ${balanceAfterMicros}`);
  return { ...s, balanceMicros, lowBalanceArmed: s.lowBalanceArmed || balanceMicros >= s.lowBalanceThresholdMicros };
}

function closeHold(s: LedgerAccount, callId: string, heldMicros: bigint, what: string): LedgerAccount {
  const hold = s.holds.get(callId);
  invariant(hold !== undefined, `${what}: no open hold ${callId} on ${s.accountId}`);
  invariant(hold.grantedMicros === heldMicros, `${what} ${callId}: held ${heldMicros}, the hold granted ${hold.grantedMicros}`);
  return { ...s, heldMicros: s.heldMicros - heldMicros, holds: withoutEntry(s.holds, callId) };
}

function requireOpen(s: LedgerAccount, what: string): void {
  invariant(s.status === 'open', `${what} on closed account ${s.accountId}`);
}

function requirePositive(amountMicros: bigint, what: string): void {
  invariant(amountMicros > 0n, `${what} with a non-positive amount ${amountMicros}`);
}

function requireAboveFloor(s: LedgerAccount, what: string): LedgerAccount {
  invariant(availableMicros(s) >= 0n, `${what} takes ${s.accountId} below its floor: available ${availableMicros(s)}`);
  return s;
}

/** What holds after every event, facts included. */
function assertAccountInvariants(s: LedgerAccount, what: string): void {
  invariant(s.heldMicros >= 0n, `${what}: ${s.accountId} holds ${s.heldMicros}`);
  invariant(s.reservedMicros >= 0n, `${what}: ${s.accountId} reserves ${s.reservedMicros}`);
  invariant(s.kind !== 'agent-commission' || s.balanceMicros >= 0n, `${what}: commission balance of ${s.accountId} below zero`);
  invariant(s.billingType === 'postpaid' || s.creditLimitMicros === 0n, `${what}: prepaid ${s.accountId} with a credit limit`);
  invariant(s.creditLimitMicros >= 0n && s.lowBalanceThresholdMicros >= 0n, `${what}: negative credit limit or threshold on ${s.accountId}`);
}
