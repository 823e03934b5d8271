// Initial balances an agent funds (issue 12, item 2). Accounts reserves the amount on the agent
// BEFORE it appends CustomerOpened, so an opening answered 201 is certain to be funded: the
// reservation lowers what the agent may move (availableMicros), and when the wallet consumes
// CustomerOpened its transfer to the customer ends the reservation (`funded`) in the same decision.
// An opening that fails after reserving releases it; one that never happened (accounts crashed
// between the two) leaves a reservation that expires after INITIAL_BALANCE_RESERVATION_MS: the
// next decision on the agent's money (a reservation, a transfer) ends it (`expired`) before
// deciding, so expiry needs no sweeper and the money is never counted twice.
import { fold, invariant } from '@billing/decider';
import { availableMicros, debtMicros, type AccountState, type LedgerAccount } from '../accounts/account-state.js';
import { evolveAccount } from '../accounts/evolve-account.js';
import type { ReleaseInitialBalance, ReserveInitialBalance } from '../commands.js';
import type { InitialBalanceReservationEnded, InitialBalanceReserved, WalletEvent } from '../events.js';
import { rejections } from '../rejections.js';
import { checkId, checkPositiveAmount } from '../shared/checks.js';
import { auditOf, instantMs, isIsoInstant, type Audit } from '../shared/command-meta.js';
import { existing, requireOpen } from '../shared/require-account.js';

/**
 * How long a reservation waits for its CustomerOpened. Far beyond the milliseconds between the
 * reservation and the append, and beyond a consumer outage of normal length, so a real opening
 * always finds its money; bounded, so a crashed opening blocks the agent's money for 30 min at most.
 */
export const INITIAL_BALANCE_RESERVATION_MS = 30 * 60 * 1000;

export interface ReservationAccounts {
  readonly agentMain: AccountState;
  /** read only: a customer the wallet has already opened needs no reservation any more. */
  readonly customer: AccountState;
}

export function decideReserveInitialBalance(command: ReserveInitialBalance, accounts: ReservationAccounts): WalletEvent[] {
  const audit = auditOf(command.meta);
  checkId(command.agentId, 'agentId');
  const customerId = checkId(command.customerId, 'customerId');
  const amountMicros = checkPositiveAmount(command.amountMicros);
  if (!isIsoInstant(command.expiresAt) || instantMs(command.expiresAt) <= instantMs(command.meta.now)) throw rejections.invalidExpiry();
  const agentMain = existing(accounts.agentMain, rejections.agentAccountNotFound);
  // a retry after the opening succeeded and the wallet funded it: nothing left to reserve
  if (accounts.customer.status !== 'unopened') return [];
  const reserved = agentMain.reservations.get(customerId);
  if (reserved !== undefined) {
    if (reserved.amountMicros === amountMicros) return [];
    throw rejections.reservationReused();
  }
  requireOpen(agentMain, rejections.agentAccountClosed);
  const expiries = reservationsBeforeDebit(agentMain, audit, { amountMicros, fundedCustomerId: null, committed: false });
  const reservation: InitialBalanceReserved = {
    type: 'InitialBalanceReserved',
    accountId: agentMain.accountId as InitialBalanceReserved['accountId'],
    agentId: agentMain.agentId,
    customerId,
    amountMicros,
    expiresAt: command.expiresAt,
    ...audit,
  };
  return [...expiries, reservation];
}

export function decideReleaseInitialBalance(command: ReleaseInitialBalance, agentMainState: AccountState): WalletEvent[] {
  const audit = auditOf(command.meta);
  checkId(command.agentId, 'agentId');
  const customerId = checkId(command.customerId, 'customerId');
  const agentMain = existing(agentMainState, rejections.agentAccountNotFound);
  // released, expired or used already: nothing to give back
  if (!agentMain.reservations.has(customerId)) return [];
  return [reservationEnded(agentMain, customerId, 'released', audit)];
}

export interface AgentDebit {
  readonly amountMicros: bigint;
  /** the customer whose reservation this debit spends (ended `funded`, never `expired`); null: none. */
  readonly fundedCustomerId: string | null;
  /**
   * true: the money was set aside when the reservation was made (an opening accounts answered 201),
   * so it is not checked again — a reversal or an expiry since then puts the agent in debt instead.
   */
  readonly committed: boolean;
}

/**
 * The reservation events a debit of the agent's money (a reservation, a transfer) starts with —
 * overdue reservations expired, the one the debit spends ended `funded` — after checking that, with
 * them applied, the agent is not in debt and may still move the amount (unless it is committed).
 */
export function reservationsBeforeDebit(agentMain: LedgerAccount, audit: Audit, debit: AgentDebit): InitialBalanceReservationEnded[] {
  const spent = debit.fundedCustomerId !== null && agentMain.reservations.has(debit.fundedCustomerId) ? [reservationEnded(agentMain, debit.fundedCustomerId, 'funded', audit)] : [];
  const ended = [...expiredReservations(agentMain, audit, debit.fundedCustomerId), ...spent];
  if (debit.committed) return ended;
  const agentAfter = fold({ evolve: evolveAccount }, agentMain as AccountState, ended) as LedgerAccount;
  if (debtMicros(agentAfter) > 0n) throw rejections.agentInDebt();
  if (availableMicros(agentAfter) < debit.amountMicros) throw rejections.insufficientAgentBalance(availableMicros(agentAfter));
  return ended;
}

/** An account's money as its next decision sees it (reads show this). */
export interface AccountMoney {
  readonly balanceMicros: bigint;
  /** the open reservations that are not overdue at the instant asked. */
  readonly reservedMicros: bigint;
  /** balance − holds − reserved (+ credit limit): what a transfer or a reservation may still take. */
  readonly availableMicros: bigint;
  readonly debtMicros: bigint;
}

/** The account's money at `now` (ISO): overdue reservations left out, as the next decision ends them first. */
export function moneyAt(account: LedgerAccount, now: string): AccountMoney {
  const nowMs = instantMs(now);
  let reservedMicros = 0n;
  for (const reservation of account.reservations.values()) if (instantMs(reservation.expiresAt) > nowMs) reservedMicros += reservation.amountMicros;
  return {
    balanceMicros: account.balanceMicros,
    reservedMicros,
    availableMicros: availableMicros({ ...account, reservedMicros }),
    debtMicros: debtMicros(account),
  };
}

/**
 * The reservations of the agent whose time is over at `audit.occurredAt`, ended `expired`, except
 * the one of `keepCustomerId` (the customer a transfer is funding now: its opening did happen).
 */
export function expiredReservations(agentMain: LedgerAccount, audit: Audit, keepCustomerId: string | null): InitialBalanceReservationEnded[] {
  const nowMs = instantMs(audit.occurredAt);
  const ended: InitialBalanceReservationEnded[] = [];
  for (const [customerId, reservation] of agentMain.reservations) {
    if (customerId !== keepCustomerId && instantMs(reservation.expiresAt) <= nowMs) ended.push(reservationEnded(agentMain, customerId, 'expired', audit));
  }
  return ended;
}

export function reservationEnded(agentMain: LedgerAccount, customerId: string, reason: InitialBalanceReservationEnded['reason'], audit: Audit): InitialBalanceReservationEnded {
  const reservation = agentMain.reservations.get(customerId);
  invariant(reservation !== undefined, `no reservation for ${customerId} on ${agentMain.accountId}`);
  return {
    type: 'InitialBalanceReservationEnded',
    accountId: agentMain.accountId as InitialBalanceReservationEnded['accountId'],
    agentId: agentMain.agentId,
    customerId,
    amountMicros: reservation.amountMicros,
    reason,
    ...audit,
  };
}
