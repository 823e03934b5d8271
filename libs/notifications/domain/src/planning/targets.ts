// Which e-mails an integration event calls for, and to whom. Everything else on the topics
// (holds, charges, profile changes, ...) calls for none.
import type { AccountsIntegrationEventV1, WalletIntegrationEventV1 } from '@billing/contracts';
import type { Holder } from '../shared/holder.js';
import type { NotificationKind } from '../shared/kinds.js';

export type SourceEventV1 = WalletIntegrationEventV1 | AccountsIntegrationEventV1;

export interface NotificationTarget {
  kind: NotificationKind;
  /** the account holder the e-mail goes to. */
  holder: Holder;
  /** another holder the e-mail names (the customer of a transfer receipt). */
  related: Holder | null;
  /** only the low-balance alert can be turned off; receipts and account notices always go. */
  honoursOptOut: boolean;
  /** wire decimal strings, formatted per language later. */
  amounts: Record<string, string>;
  /** shown as they are. */
  texts: Record<string, string>;
}

export interface TargetSettings {
  /** MAIL_BATCH_CREDENTIALS: mail the agent when ITC opens a batch of its customers. */
  batchMail: boolean;
}

/** Event types that can call for an e-mail: anything else is ignored before it is even parsed. */
export const NOTIFYING_EVENT_TYPES: ReadonlySet<string> = new Set([
  'wallet.LowBalanceCrossed',
  'wallet.FundsDeposited',
  'wallet.FundsTransferred',
  'wallet.CommissionTransferred',
  'accounts.CustomerStatusChanged',
  'accounts.BatchOpened',
]);

const agent = (id: string): Holder => ({ kind: 'agent', id });
const customer = (id: string): Holder => ({ kind: 'customer', id });

/** The holder of a wallet account event: the customer, or the agent for its main balance. */
function holderOf(data: { accountKind: 'agent-main' | 'customer'; agentId: string | null; customerId: string | null }): Holder {
  const id = data.accountKind === 'customer' ? data.customerId : data.agentId;
  if (id === null) throw new Error(`a ${data.accountKind} account event without its holder id`);
  return data.accountKind === 'customer' ? customer(id) : agent(id);
}

const target = (kind: NotificationKind, holder: Holder, fields: Partial<NotificationTarget> = {}): NotificationTarget => ({
  kind,
  holder,
  related: null,
  honoursOptOut: false,
  amounts: {},
  texts: {},
  ...fields,
});

export function targetsOf(event: SourceEventV1, settings: TargetSettings): NotificationTarget[] {
  switch (event.type) {
    case 'wallet.LowBalanceCrossed':
      return [target('low-balance', holderOf(event.data), { honoursOptOut: true, amounts: { balance: event.data.balance, threshold: event.data.threshold } })];
    case 'wallet.FundsDeposited': {
      const d = event.data;
      // An initial balance is part of opening the account, not a payment by its holder.
      if (d.source === 'initial') return [];
      return [
        target('deposit-receipt', holderOf(d), {
          amounts: { amount: d.amount, balanceAfter: d.balanceAfter },
          texts: { depositId: d.depositId, byCard: d.source === 'card' ? 'yes' : '', reference: d.reference ?? '' },
        }),
      ];
    }
    case 'wallet.FundsTransferred': {
      const d = event.data;
      return [
        target('transfer-receipt', agent(d.agentId), {
          related: customer(d.customerId),
          amounts: { amount: d.amount, balanceAfter: d.agentBalanceAfter },
          texts: { transferId: d.transferId },
        }),
      ];
    }
    case 'wallet.CommissionTransferred': {
      const d = event.data;
      return [
        target('commission-statement', agent(d.agentId), {
          amounts: { amount: d.amount, commissionBalanceAfter: d.commissionBalanceAfter },
          texts: { commissionTransferId: d.commissionTransferId },
        }),
      ];
    }
    case 'accounts.CustomerStatusChanged':
      if (event.data.status !== 'suspended') return [];
      return [target('account-suspended', customer(event.data.customerId), { texts: { reason: event.data.reason ?? '' } })];
    case 'accounts.BatchOpened': {
      const d = event.data;
      if (!settings.batchMail || d.agentId === null) return [];
      // accounts v1 publishes no credentials (they never leave accounts): the CSV lists the accounts.
      const csv = ['account_number,customer_id', ...d.customers.map((c) => `${c.accountNumber},${csvField(c.customerId)}`)].join('\r\n');
      return [target('batch-opened', agent(d.agentId), { texts: { batchId: d.batchId, count: String(d.count), accountsCsv: `${csv}\r\n` } })];
    }
    default:
      return [];
  }
}

/** RFC 4180: quote a field holding a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string): string {
  const defused = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
