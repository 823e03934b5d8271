// Responses: money as decimal strings, never bigint or number on the wire (docs/ARCHITECTURE.md, Money).
import { formatMoney, formatPercent } from '@billing/money';
import type { CommissionTransferResult, DepositResult, ReversalResult, TransferResult } from '../application/wallet-commands.service.js';
import type { AgentOverview, AgentSums, BalanceView, LedgerLineView } from '../queries/wallet-queries.js';
import type { Page } from '../queries/pagination.js';
import type { AccountMoney } from '@billing/wallet-domain';
import type * as Wire from './wallet.responses.js';

const money = formatMoney;

export function depositView(result: DepositResult): Wire.DepositView {
  return {
    depositId: result.depositId,
    account: result.accountId,
    amount: money(result.amountMicros),
    commission: money(result.commissionMicros),
    balance: money(result.balanceAfterMicros),
    repeated: result.repeated,
  };
}

export function transferView(result: TransferResult): Wire.TransferView {
  return {
    kind: 'transfer' as const,
    transferId: result.transferId,
    agentId: result.agentId,
    customerId: result.customerId,
    amount: money(result.amountMicros),
    reference: result.reference ?? null,
    commission: result.commissionMicros === null ? null : money(result.commissionMicros),
    balance: money(result.customerBalanceAfterMicros),
    agentBalance: money(result.agentBalanceAfterMicros),
    repeated: result.repeated,
  };
}

export function commissionTransferView(result: CommissionTransferResult): Wire.CommissionTransferView {
  return {
    commissionTransferId: result.commissionTransferId,
    agentId: result.agentId,
    amount: money(result.amountMicros),
    commissionBalance: money(result.commissionBalanceAfterMicros),
    balance: money(result.agentBalanceAfterMicros),
    repeated: result.repeated,
  };
}

export function reversalView(result: ReversalResult): Wire.ReversalView {
  return { depositId: result.depositId, account: result.accountId, amount: money(result.amountMicros), balance: money(result.balanceAfterMicros), repeated: result.repeated };
}

export function balanceView(view: BalanceView): Wire.BalanceView {
  return {
    account: view.accountId,
    status: view.status,
    billingType: view.billingType,
    agentId: view.agentId,
    balance: money(view.balanceMicros),
    held: money(view.heldMicros),
    available: money(view.availableMicros),
    creditLimit: money(view.creditLimitMicros),
    // a fact took it below its floor: no call is authorized until a deposit covers `debt`
    inDebt: view.debtMicros > 0n,
    debt: money(view.debtMicros),
    lowBalanceThreshold: money(view.lowBalanceThresholdMicros),
    updatedAt: view.updatedAt.toISOString(),
  };
}

function sumsView(sums: AgentSums) {
  return {
    deposits: money(sums.deposits_micros),
    transfersToCustomers: money(sums.transfers_out_micros),
    customerDeposits: money(sums.customer_deposits_micros),
    commissionAccrued: money(sums.commission_accrued_micros),
    commissionReversed: money(sums.commission_reversed_micros),
    commissionTransferred: money(sums.commission_transferred_micros),
    callCharges: money(sums.call_charges_micros),
  };
}

/** `main`: the agent's main money from the ledger (moneyAt), as its next decision sees it. */
export function overviewView(agentId: string, overview: AgentOverview, main: AccountMoney): Wire.OverviewView {
  return {
    agentId,
    status: overview.main.status,
    balance: money(main.balanceMicros),
    // set aside for customers being opened with an initial balance the agent funds
    reserved: money(main.reservedMicros),
    // what a transfer or a funded opening may still take: balance − reserved
    available: money(main.availableMicros),
    // a reversal took the agent below 0: no transfer and no funded opening until it is paid
    inDebt: main.debtMicros > 0n,
    debt: money(main.debtMicros),
    lowBalanceThreshold: money(overview.main.lowBalanceThresholdMicros),
    commissionBalance: money(overview.commission?.balanceMicros ?? 0n),
    customers: { total: overview.customers.total, open: overview.customers.open, inDebt: overview.customers.inDebt, debt: money(overview.customers.debtMicros) },
    today: { date: overview.today.day, ...sumsView(overview.today) },
    totals: sumsView(overview.totals),
  };
}

export function transactionsView(page: Page<LedgerLineView>): Wire.TransactionsView {
  return {
    items: page.items.map((line) => ({
      id: line.eventId,
      type: line.eventType,
      kind: line.refKind,
      ref: line.refId,
      reference: line.reference,
      amount: money(line.changeMicros),
      balanceAfter: money(line.balanceAfterMicros),
      customerId: line.customerId,
      actor: line.actor,
      occurredAt: line.occurredAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

export function commissionsView(page: Page<LedgerLineView>): Wire.CommissionsView {
  return {
    items: page.items.map((line) => ({
      id: line.eventId,
      type: line.eventType,
      kind: line.refKind,
      ref: line.refId,
      customerId: line.customerId,
      baseAmount: line.baseAmountMicros === null ? null : money(line.baseAmountMicros),
      commissionPercent: line.commissionMicroPercent === null ? null : formatPercent(line.commissionMicroPercent),
      amount: money(line.changeMicros),
      commissionBalanceAfter: money(line.balanceAfterMicros),
      occurredAt: line.occurredAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
