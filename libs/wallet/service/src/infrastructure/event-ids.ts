// Event ids from the business identity of each fact: a deposit, a transfer, a call's charge or a
// hold has exactly one id per stream, forever. The event store refuses a second copy of an id, so
// the same call can never be charged twice — over the whole history, not only the domain's window
// of recent calls — and a retried command can never append its facts again. Events without such
// an identity (settings changes) take the command's key, which is the integration event id for
// consumer-driven commands, so a redelivered message writes nothing new either.
import { deterministicEventId } from '@billing/event-store';
import { streamIdOf, toIntegrationEvent, type WalletEvent } from '@billing/wallet-domain';

function businessKey(event: WalletEvent): string | null {
  switch (event.type) {
    case 'AccountOpened':
      return 'opened';
    case 'AccountClosed':
      return 'closed';
    case 'FundsDeposited':
      return `deposit:${event.depositId}`;
    case 'DepositReversed':
      return `reversal:${event.depositId}`;
    case 'TransferredOut':
    case 'TransferredIn':
      return `transfer:${event.transferId}`;
    case 'CommissionAccrued':
      return `commission:${event.cause.kind}:${event.cause.kind === 'deposit' ? event.cause.depositId : event.cause.transferId}`;
    case 'CommissionReversed':
    case 'CommissionClawedBack':
      return `commission-reversal:${event.depositId}`;
    case 'CommissionTransferredOut':
    case 'CommissionTransferredIn':
      return `commission-transfer:${event.commissionTransferId}`;
    case 'HoldPlaced':
      return `hold:${event.callId}`;
    // settled or charged without a hold: either way one charge per call
    case 'HoldSettled':
    case 'CallCharged':
      return `charge:${event.callId}`;
    case 'HoldReleased':
    case 'HoldExpired':
      return `hold-end:${event.callId}`;
    // a reservation for a customer may be made again after it was released (a retried opening
    // under the same key): the command's key tells the two apart, the domain's state dedupes
    case 'InitialBalanceReserved':
    case 'InitialBalanceReservationEnded':
    case 'LowBalanceCrossed':
    case 'LowBalanceThresholdChanged':
    case 'CreditLimitChanged':
      return null;
  }
}

/** Event ids for the events one command decided, in order. */
export function eventIdsFor(events: readonly WalletEvent[], commandKey: string, streamIdOf: (event: WalletEvent) => string): string[] {
  const names: string[] = [];
  events.forEach((event, index) => {
    let name = businessKey(event);
    if (name === null && event.type === 'LowBalanceCrossed') {
      // a crossing belongs to the debit before it on the same account
      const debit = events.slice(0, index).findLastIndex((earlier) => earlier.accountId === event.accountId);
      if (debit >= 0) name = `low-balance-after:${names[debit]}`;
    }
    names.push(name ?? `command:${commandKey}:${index}`);
  });
  return names.map((name, index) => deterministicEventId(streamIdOf(events[index]!), name, 0));
}

/** The ids of the published (integration) events among one command's, as the ledger writer names them. */
export function publishedEventIds(events: readonly WalletEvent[], commandKey: string): string[] {
  const ids = eventIdsFor(events, commandKey, (event) => streamIdOf(event.accountId));
  return ids.filter((_, index) => toIntegrationEvent(events[index]!) !== null);
}
