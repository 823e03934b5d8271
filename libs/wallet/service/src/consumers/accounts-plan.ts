// What an accounts integration event means for the wallet: the ledger commands it causes and the
// directory rows it changes. Pure, so every mapping is a unit test. Commands carry the event's
// own time and actor: opening or funding an account happened when accounts says it did.
import type { AccountsIntegrationEventV1 } from '@billing/contracts';
import { parseMoney, parsePercent } from '@billing/money';
import { agentMainAccount, customerAccount, type CommandMeta, type WalletCommand } from '@billing/wallet-domain';

export type DirectoryChange =
  | { readonly kind: 'commission-rate'; readonly agentId: string; readonly effectiveAt: string; readonly microPercent: bigint }
  | { readonly kind: 'customer'; readonly customerId: string; readonly agentId: string | null; readonly openedAt: string }
  | { readonly kind: 'customer-status'; readonly customerId: string; readonly status: string };

export interface AccountsPlan {
  readonly commands: WalletCommand[];
  readonly directory: DirectoryChange[];
}

/** The accounts events the wallet plans something for (planAccountsEvent); the others are skipped (and not caught up on). */
export const WALLET_ACCOUNTS_EVENTS_USED: ReadonlySet<string> = new Set([
  'accounts.AgentRegistered',
  'accounts.AgentCommissionChanged',
  'accounts.AgentLowBalanceThresholdChanged',
  'accounts.CustomerOpened',
  'accounts.CustomerSettingsChanged',
  'accounts.CustomerCreditLimitChanged',
  'accounts.CustomerStatusChanged',
]);

/** An initial balance funded by the agent needs the agent's rate; it is not known (yet). */
export class AgentNotKnownYet extends Error {
  constructor(agentId: string) {
    super(`agent ${agentId} is not known to the wallet yet (its AgentRegistered has not been consumed): retry later`);
    this.name = 'AgentNotKnownYet';
  }
}

/** The ids an initial balance is funded under: one per customer, so a redelivery funds nothing twice. */
export const initialFundingId = (customerId: string) => `initial-${customerId}`;

/**
 * `agentRate` = the customer's agent's rate in force at the event (the caller looks it up for
 * CustomerOpened; undefined when the agent is unknown).
 */
export function planAccountsEvent(event: AccountsIntegrationEventV1, agentRate?: bigint): AccountsPlan {
  const none: AccountsPlan = { commands: [], directory: [] };
  switch (event.type) {
    case 'accounts.AgentRegistered': {
      const { data } = event;
      const rate = parsePercent(data.commissionPercent, 'commissionPercent');
      return {
        commands: [{ type: 'OpenAgentAccounts', agentId: data.agentId, lowBalanceThresholdMicros: parseMoney(data.lowBalanceThreshold), meta: metaOf(data) }],
        directory: [{ kind: 'commission-rate', agentId: data.agentId, effectiveAt: data.occurredAt, microPercent: rate }],
      };
    }
    case 'accounts.AgentCommissionChanged':
      return {
        commands: [],
        directory: [{ kind: 'commission-rate', agentId: event.data.agentId, effectiveAt: event.data.occurredAt, microPercent: parsePercent(event.data.commissionPercent, 'commissionPercent') }],
      };
    case 'accounts.AgentLowBalanceThresholdChanged':
      return {
        commands: [{ type: 'ChangeLowBalanceThreshold', accountId: agentMainAccount(event.data.agentId), lowBalanceThresholdMicros: parseMoney(event.data.lowBalanceThreshold), meta: metaOf(event.data) }],
        directory: [],
      };
    case 'accounts.CustomerOpened':
      return customerOpened(event.data, agentRate);
    case 'accounts.CustomerSettingsChanged':
      return {
        commands: [{ type: 'ChangeLowBalanceThreshold', accountId: customerAccount(event.data.customerId), lowBalanceThresholdMicros: parseMoney(event.data.lowBalanceThreshold), meta: metaOf(event.data) }],
        directory: [],
      };
    case 'accounts.CustomerCreditLimitChanged':
      return {
        commands: [{ type: 'ChangeCreditLimit', customerId: event.data.customerId, creditLimitMicros: parseMoney(event.data.creditLimit), meta: metaOf(event.data) }],
        directory: [],
      };
    case 'accounts.CustomerStatusChanged':
      return {
        // suspension stops calls (rating), not money: only closing closes the ledger account
        commands: event.data.status === 'closed' ? [{ type: 'CloseAccount', accountId: customerAccount(event.data.customerId), meta: metaOf(event.data) }] : [],
        directory: [{ kind: 'customer-status', customerId: event.data.customerId, status: event.data.status }],
      };
    default:
      return none;
  }
}

type CustomerOpenedData = Extract<AccountsIntegrationEventV1, { type: 'accounts.CustomerOpened' }>['data'];

function customerOpened(data: CustomerOpenedData, agentRate: bigint | undefined): AccountsPlan {
  const meta = metaOf(data);
  const commands: WalletCommand[] = [
    {
      type: 'OpenCustomerAccount',
      customerId: data.customerId,
      agentId: data.agentId,
      billingType: data.billingType,
      creditLimitMicros: data.creditLimit === null ? 0n : parseMoney(data.creditLimit),
      lowBalanceThresholdMicros: parseMoney(data.lowBalanceThreshold),
      meta,
    },
  ];
  const initialMicros = parseMoney(data.initialBalance);
  if (initialMicros > 0n) {
    if (data.agentId !== null && agentRate === undefined) throw new AgentNotKnownYet(data.agentId);
    const rate = data.agentId === null ? 0n : agentRate!;
    const id = initialFundingId(data.customerId);
    if (data.initialBalanceSource === 'agent' && data.agentId !== null) {
      // accounts reserved this amount before answering 201: the funding moves it whatever happened since
      commands.push({ type: 'TransferToCustomer', transferId: id, agentId: data.agentId, customerId: data.customerId, amountMicros: initialMicros, agentCommissionMicroPercent: rate, fundsOpening: true, meta });
    } else {
      commands.push({
        type: 'DepositToCustomer',
        depositId: id,
        customerId: data.customerId,
        agentId: data.agentId,
        agentCommissionMicroPercent: rate,
        amountMicros: initialMicros,
        source: { kind: 'initial' },
        meta,
      });
    }
  }
  return { commands, directory: [{ kind: 'customer', customerId: data.customerId, agentId: data.agentId, openedAt: data.occurredAt }] };
}

/** The event's actor and time; the time normalised to UTC (the contract also allows offsets). */
function metaOf(data: { actor: string; occurredAt: string }): CommandMeta {
  return { actor: data.actor, now: new Date(data.occurredAt).toISOString() };
}
