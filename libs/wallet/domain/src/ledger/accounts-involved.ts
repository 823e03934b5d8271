// Which streams a command reads and may write: the service loads exactly these before deciding,
// and appends the decided events (eventsByStream) with the version it loaded for each.
import { agentMainAccount, commissionAccount, customerAccount, kindOf, type LedgerAccountId } from '../accounts/account-id.js';
import type { WalletCommand } from '../commands.js';

export function accountsInvolved(command: WalletCommand): LedgerAccountId[] {
  switch (command.type) {
    case 'OpenAgentAccounts':
      return [agentMainAccount(command.agentId), commissionAccount(command.agentId)];
    case 'OpenCustomerAccount':
    case 'ChangeCreditLimit':
    case 'PlaceHold':
    case 'ChargeCall':
    case 'ReleaseHold':
    case 'ExpireHolds':
      return [customerAccount(command.customerId)];
    case 'ChangeLowBalanceThreshold':
    case 'CloseAccount':
      return [command.accountId];
    case 'DepositToAgent':
      return [agentMainAccount(command.agentId)];
    case 'DepositToCustomer':
      return command.agentId === null ? [customerAccount(command.customerId)] : [customerAccount(command.customerId), commissionAccount(command.agentId)];
    case 'ReverseDeposit':
      return command.agentId === null || kindOf(command.accountId) === 'agent-main'
        ? [command.accountId]
        : [command.accountId, commissionAccount(command.agentId), agentMainAccount(command.agentId)];
    case 'TransferToCustomer':
      return [agentMainAccount(command.agentId), customerAccount(command.customerId), commissionAccount(command.agentId)];
    case 'ReserveInitialBalance':
      return [agentMainAccount(command.agentId), customerAccount(command.customerId)];
    case 'ReleaseInitialBalance':
      return [agentMainAccount(command.agentId)];
    case 'TransferCommission':
      return [commissionAccount(command.agentId), agentMainAccount(command.agentId)];
  }
}
