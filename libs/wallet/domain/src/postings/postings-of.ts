// Double entry (docs/ARCHITECTURE.md, Money): every money event is two postings that sum to zero — its own
// account's leg and a system account's. A posting is signed from the holder's side: + raises the
// account's balance, so a system account mirrors what left or entered through it (funding is
// negative by everything deposited). Each stream's events balance on their own; the two legs of an
// internal movement (agent → customer, commission → main) meet in system:transfer-clearing, which
// nets to zero per movement: a non-zero clearing balance is a movement with a half missing.
// Holds, reservations, settings and alerts move no money and have no postings.
import { SYSTEM_ACCOUNTS, type PostingAccountId } from '../accounts/account-id.js';
import type { WalletEvent } from '../events.js';

export interface Posting {
  readonly account: PostingAccountId;
  readonly amountMicros: bigint;
}

export function postingsOf(event: WalletEvent): readonly Posting[] {
  switch (event.type) {
    case 'FundsDeposited':
      return move(event.fundingAccount, event.accountId, event.amountMicros);
    case 'DepositReversed':
      return move(event.accountId, event.fundingAccount, event.amountMicros);
    case 'TransferredOut':
    case 'CommissionTransferredOut':
      return move(event.accountId, SYSTEM_ACCOUNTS.transferClearing, event.amountMicros);
    case 'TransferredIn':
    case 'CommissionTransferredIn':
      return move(SYSTEM_ACCOUNTS.transferClearing, event.accountId, event.amountMicros);
    case 'CommissionAccrued':
      return move(SYSTEM_ACCOUNTS.commissionExpense, event.accountId, event.amountMicros);
    case 'CommissionReversed':
    case 'CommissionClawedBack':
      return move(event.accountId, SYSTEM_ACCOUNTS.commissionExpense, event.amountMicros);
    case 'HoldSettled':
    case 'CallCharged':
      return move(event.accountId, SYSTEM_ACCOUNTS.callRevenue, event.costMicros);
    case 'AccountOpened':
    case 'LowBalanceThresholdChanged':
    case 'CreditLimitChanged':
    case 'AccountClosed':
    case 'HoldPlaced':
    case 'HoldReleased':
    case 'HoldExpired':
    case 'InitialBalanceReserved':
    case 'InitialBalanceReservationEnded':
    case 'LowBalanceCrossed':
      return [];
  }
}

/** `amountMicros` from one account to another; nothing for a zero amount (a free call). */
function move(from: PostingAccountId, to: PostingAccountId, amountMicros: bigint): readonly Posting[] {
  if (amountMicros === 0n) return [];
  return [
    { account: from, amountMicros: -amountMicros },
    { account: to, amountMicros },
  ];
}

/**
 * The movement an event belongs to, for the events that meet in transfer clearing (their legs are
 * on different streams); null for an event that balances alone.
 */
export function clearingMovementOf(event: WalletEvent): string | null {
  switch (event.type) {
    case 'TransferredOut':
    case 'TransferredIn':
      return `transfer:${event.agentId ?? ''}:${event.transferId}`;
    case 'CommissionTransferredOut':
    case 'CommissionTransferredIn':
      return `commission-transfer:${event.agentId ?? ''}:${event.commissionTransferId}`;
    default:
      return null;
  }
}
