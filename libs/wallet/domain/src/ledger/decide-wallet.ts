// The wallet's one decide: routes a command to its decider with the accounts it involves, then
// adds the low-balance crossings the decided debits cause. Before returning, the decided events
// are folded onto their accounts: a decision that would break an invariant throws here, before
// anything is appended.
import { fold } from '@billing/decider';
import { agentMainAccount, commissionAccount, customerAccount, type LedgerAccountId } from '../accounts/account-id.js';
import { evolveAccount } from '../accounts/evolve-account.js';
import { decideChangeCreditLimit, decideChangeThreshold, decideCloseAccount } from '../accounts/account-settings.decide.js';
import { decideOpenAgentAccounts, decideOpenCustomerAccount } from '../accounts/open-accounts.decide.js';
import { decideTransferCommission } from '../commission/transfer-commission.decide.js';
import type { WalletCommand } from '../commands.js';
import { decideDepositToAgent, decideDepositToCustomer } from '../deposits/deposit.decide.js';
import { decideReverseDeposit } from '../deposits/reverse-deposit.decide.js';
import type { WalletEvent } from '../events.js';
import { decideChargeCall } from '../holds/charge-call.decide.js';
import { decidePlaceHold } from '../holds/place-hold.decide.js';
import { decideExpireHolds, decideReleaseHold } from '../holds/release-holds.decide.js';
import { lowBalanceCrossing } from '../low-balance/low-balance-crossing.js';
import { auditOf } from '../shared/command-meta.js';
import { decideReleaseInitialBalance, decideReserveInitialBalance } from '../reservations/initial-balance-reservation.decide.js';
import { decideTransfer } from '../transfers/transfer.decide.js';
import { accountIn, customerIn, type Ledger } from './ledger.js';

export function decideWallet(command: WalletCommand, ledger: Ledger): WalletEvent[] {
  const events = route(command, ledger);
  return [...events, ...crossingsAfter(events, ledger, command)];
}

function route(command: WalletCommand, ledger: Ledger): WalletEvent[] {
  const account = (id: LedgerAccountId) => accountIn(ledger, id);
  switch (command.type) {
    case 'OpenAgentAccounts':
      return decideOpenAgentAccounts(command, { main: account(agentMainAccount(command.agentId)), commission: account(commissionAccount(command.agentId)) });
    case 'OpenCustomerAccount':
      return decideOpenCustomerAccount(command, customerIn(ledger, command.customerId));
    case 'ChangeLowBalanceThreshold':
      return decideChangeThreshold(command, account(command.accountId));
    case 'ChangeCreditLimit':
      return decideChangeCreditLimit(command, customerIn(ledger, command.customerId));
    case 'CloseAccount':
      return decideCloseAccount(command, account(command.accountId));
    case 'DepositToAgent':
      return decideDepositToAgent(command, account(agentMainAccount(command.agentId)));
    case 'DepositToCustomer':
      return decideDepositToCustomer(command, {
        customer: account(customerAccount(command.customerId)),
        commission: command.agentId === null ? null : account(commissionAccount(command.agentId)),
      });
    case 'ReverseDeposit':
      return decideReverseDeposit(command, {
        account: account(command.accountId),
        commission: command.agentId === null ? null : account(commissionAccount(command.agentId)),
        agentMain: command.agentId === null ? null : account(agentMainAccount(command.agentId)),
      });
    case 'TransferToCustomer':
      return decideTransfer(command, {
        agentMain: account(agentMainAccount(command.agentId)),
        customer: account(customerAccount(command.customerId)),
        commission: account(commissionAccount(command.agentId)),
      });
    case 'TransferCommission':
      return decideTransferCommission(command, { commission: account(commissionAccount(command.agentId)), agentMain: account(agentMainAccount(command.agentId)) });
    case 'ReserveInitialBalance':
      return decideReserveInitialBalance(command, { agentMain: account(agentMainAccount(command.agentId)), customer: customerIn(ledger, command.customerId) });
    case 'ReleaseInitialBalance':
      return decideReleaseInitialBalance(command, account(agentMainAccount(command.agentId)));
    case 'PlaceHold':
      return decidePlaceHold(command, customerIn(ledger, command.customerId));
    case 'ChargeCall':
      return decideChargeCall(command, customerIn(ledger, command.customerId));
    case 'ReleaseHold':
      return decideReleaseHold(command, customerIn(ledger, command.customerId));
    case 'ExpireHolds':
      return decideExpireHolds(command, customerIn(ledger, command.customerId));
  }
}

/** One LowBalanceCrossed per touched account whose decided debits took it below its threshold. */
function crossingsAfter(events: readonly WalletEvent[], ledger: Ledger, command: WalletCommand): WalletEvent[] {
  if (events.length === 0) return [];
  const audit = auditOf(command.meta);
  const touched = [...new Set(events.map((event) => event.accountId))];
  const crossings: WalletEvent[] = [];
  for (const accountId of touched) {
    const after = fold({ evolve: evolveAccount }, accountIn(ledger, accountId), events.filter((event) => event.accountId === accountId));
    const crossing = lowBalanceCrossing(after, audit);
    if (crossing !== null) crossings.push(crossing);
  }
  return crossings;
}
