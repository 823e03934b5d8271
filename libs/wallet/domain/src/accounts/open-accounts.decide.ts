// Ledger accounts follow the accounts context: an agent gets a main and a commission account, a
// customer gets one account. Opening is idempotent (the consumer may see the same event twice).
import type { OpenAgentAccounts, OpenCustomerAccount } from '../commands.js';
import type { AccountOpened } from '../events.js';
import { rejections } from '../rejections.js';
import { checkId, checkThreshold } from '../shared/checks.js';
import { auditOf } from '../shared/command-meta.js';
import { agentMainAccount, commissionAccount, customerAccount } from './account-id.js';
import type { AccountState } from './account-state.js';

export function decideOpenAgentAccounts(command: OpenAgentAccounts, accounts: { main: AccountState; commission: AccountState }): AccountOpened[] {
  const audit = auditOf(command.meta);
  const agentId = checkId(command.agentId, 'agentId');
  const lowBalanceThresholdMicros = checkThreshold(command.lowBalanceThresholdMicros);
  const common = { agentId, billingType: 'prepaid', creditLimitMicros: 0n, ...audit } as const;
  const events: AccountOpened[] = [];
  if (accounts.main.status === 'unopened') {
    events.push({ type: 'AccountOpened', accountId: agentMainAccount(agentId), kind: 'agent-main', ...common, lowBalanceThresholdMicros });
  }
  if (accounts.commission.status === 'unopened') {
    events.push({ type: 'AccountOpened', accountId: commissionAccount(agentId), kind: 'agent-commission', ...common, lowBalanceThresholdMicros: 0n });
  }
  return events;
}

export function decideOpenCustomerAccount(command: OpenCustomerAccount, customer: AccountState): AccountOpened[] {
  const audit = auditOf(command.meta);
  const customerId = checkId(command.customerId, 'customerId');
  if (command.agentId !== null) checkId(command.agentId, 'agentId');
  if (command.billingType === 'prepaid' && command.creditLimitMicros !== 0n) throw rejections.creditLimitNotAllowed();
  if (command.creditLimitMicros < 0n) throw rejections.invalidCreditLimit();
  const lowBalanceThresholdMicros = checkThreshold(command.lowBalanceThresholdMicros);
  if (customer.status !== 'unopened') {
    if (customer.agentId !== command.agentId) throw rejections.customerExistsForAnotherAgent();
    return [];
  }
  return [
    {
      type: 'AccountOpened',
      accountId: customerAccount(customerId),
      kind: 'customer',
      agentId: command.agentId,
      billingType: command.billingType,
      creditLimitMicros: command.creditLimitMicros,
      lowBalanceThresholdMicros,
      ...audit,
    },
  ];
}
