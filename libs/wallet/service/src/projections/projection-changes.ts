// A batch of wallet events → the changes it makes to the read models, folded in memory so the
// writer issues a handful of set-based statements per batch whatever its size. A function of the
// events only: the live projection and a rebuild from the first event give the same rows.
import type { RecordedEvent } from '@billing/event-store';
import { holderIdOf, isLedgerAccountId, kindOf, postingsOf, type LedgerAccountId, type WalletEvent } from '@billing/wallet-domain';
import type { AgentSum } from './projection-tables.js';

export interface OpenedAccount {
  accountId: LedgerAccountId;
  kind: string;
  holderId: string;
  agentId: string | null;
  billingType: string;
  creditLimitMicros: bigint;
  thresholdMicros: bigint;
  openedAt: string;
}

/** What changed on one ledger account; null = unchanged by this batch. */
export interface AccountPatch {
  balanceMicros: bigint | null;
  heldDeltaMicros: bigint;
  thresholdMicros: bigint | null;
  creditLimitMicros: bigint | null;
  status: string | null;
  updatedAt: string;
}

export interface LedgerLine {
  accountId: LedgerAccountId;
  position: bigint;
  eventId: string;
  eventType: string;
  changeMicros: bigint;
  balanceAfterMicros: bigint;
  agentId: string | null;
  customerId: string | null;
  refKind: string;
  refId: string;
  reference: string | null;
  baseAmountMicros: bigint | null;
  commissionMicroPercent: bigint | null;
  actor: string;
  occurredAt: string;
}

export interface HoldRow {
  customerId: string;
  callId: string;
  grantedMicros: bigint;
  expiresAt: string;
}

export class ProjectionChanges {
  readonly opened: OpenedAccount[] = [];
  readonly patches = new Map<LedgerAccountId, AccountPatch>();
  /** system accounts: the sum of their postings in this batch. */
  readonly systemDeltas = new Map<string, { deltaMicros: bigint; at: string }>();
  readonly lines: LedgerLine[] = [];
  readonly holdsPlaced = new Map<string, HoldRow>();
  readonly holdsEnded = new Map<string, { customerId: string; callId: string }>();
  readonly agentTotals = new Map<string, Map<AgentSum, bigint>>();
  /** key `${agentId}|${yyyy-mm-dd}` (UTC). */
  readonly agentDaily = new Map<string, Map<AgentSum, bigint>>();
  lastAt = '';

  static of(events: readonly RecordedEvent[]): ProjectionChanges {
    const changes = new ProjectionChanges();
    for (const recorded of events) changes.add(recorded.data as WalletEvent, recorded);
    return changes;
  }

  private add(event: WalletEvent, recorded: RecordedEvent): void {
    this.lastAt = event.occurredAt;
    for (const posting of postingsOf(event)) {
      if (isLedgerAccountId(posting.account)) continue;
      const current = this.systemDeltas.get(posting.account)?.deltaMicros ?? 0n;
      this.systemDeltas.set(posting.account, { deltaMicros: current + posting.amountMicros, at: event.occurredAt });
    }
    this.account(event);
    this.line(event, recorded);
    this.holds(event);
    this.sums(event);
  }

  private patch(accountId: LedgerAccountId, at: string): AccountPatch {
    let patch = this.patches.get(accountId);
    if (patch === undefined) {
      patch = { balanceMicros: null, heldDeltaMicros: 0n, thresholdMicros: null, creditLimitMicros: null, status: null, updatedAt: at };
      this.patches.set(accountId, patch);
    }
    patch.updatedAt = at;
    return patch;
  }

  private account(event: WalletEvent): void {
    if (event.type === 'AccountOpened') {
      this.opened.push({
        accountId: event.accountId,
        kind: event.kind,
        holderId: holderIdOf(event.accountId),
        agentId: event.agentId,
        billingType: event.billingType,
        creditLimitMicros: event.creditLimitMicros,
        thresholdMicros: event.lowBalanceThresholdMicros,
        openedAt: event.occurredAt,
      });
      return;
    }
    const patch = this.patch(event.accountId, event.occurredAt);
    if ('balanceAfterMicros' in event) patch.balanceMicros = event.balanceAfterMicros;
    switch (event.type) {
      case 'HoldPlaced':
        patch.heldDeltaMicros += event.grantedMicros;
        return;
      case 'HoldSettled':
      case 'HoldReleased':
      case 'HoldExpired':
        patch.heldDeltaMicros -= event.heldMicros;
        return;
      case 'LowBalanceThresholdChanged':
        patch.thresholdMicros = event.lowBalanceThresholdMicros;
        return;
      case 'CreditLimitChanged':
        patch.creditLimitMicros = event.creditLimitMicros;
        return;
      case 'AccountClosed':
        patch.status = 'closed';
        return;
      default:
        return;
    }
  }

  private line(event: WalletEvent, recorded: RecordedEvent): void {
    const details = lineDetails(event);
    if (details === null || !('balanceAfterMicros' in event)) return;
    const own = postingsOf(event).find((posting) => posting.account === event.accountId);
    this.lines.push({
      accountId: event.accountId,
      position: recorded.checkpoint.position,
      eventId: recorded.eventId,
      eventType: event.type,
      changeMicros: own?.amountMicros ?? 0n,
      balanceAfterMicros: event.balanceAfterMicros,
      agentId: event.agentId,
      customerId: details.customerId ?? (kindOf(event.accountId) === 'customer' ? holderIdOf(event.accountId) : null),
      refKind: details.refKind,
      refId: details.refId,
      reference: details.reference ?? null,
      baseAmountMicros: details.baseAmountMicros ?? null,
      commissionMicroPercent: details.commissionMicroPercent ?? null,
      actor: event.actor,
      occurredAt: event.occurredAt,
    });
  }

  private holds(event: WalletEvent): void {
    if (event.type !== 'HoldPlaced' && event.type !== 'HoldSettled' && event.type !== 'HoldReleased' && event.type !== 'HoldExpired') return;
    const customerId = holderIdOf(event.accountId);
    const key = `${customerId}\u0000${event.callId}`;
    if (event.type === 'HoldPlaced') {
      this.holdsPlaced.set(key, { customerId, callId: event.callId, grantedMicros: event.grantedMicros, expiresAt: event.expiresAt });
      this.holdsEnded.delete(key);
    } else if (!this.holdsPlaced.delete(key)) {
      this.holdsEnded.set(key, { customerId, callId: event.callId });
    }
  }

  private sums(event: WalletEvent): void {
    const agentId = event.agentId;
    if (agentId === null) return;
    const customer = kindOf(event.accountId) === 'customer';
    switch (event.type) {
      case 'FundsDeposited':
        return this.addSum(agentId, event.occurredAt, customer ? 'customer_deposits_micros' : 'deposits_micros', event.amountMicros);
      case 'DepositReversed':
        return this.addSum(agentId, event.occurredAt, customer ? 'customer_deposits_micros' : 'deposits_micros', -event.amountMicros);
      case 'TransferredOut':
        return this.addSum(agentId, event.occurredAt, 'transfers_out_micros', event.amountMicros);
      case 'CommissionAccrued':
        return this.addSum(agentId, event.occurredAt, 'commission_accrued_micros', event.amountMicros);
      case 'CommissionReversed':
      case 'CommissionClawedBack':
        return this.addSum(agentId, event.occurredAt, 'commission_reversed_micros', event.amountMicros);
      case 'CommissionTransferredOut':
        return this.addSum(agentId, event.occurredAt, 'commission_transferred_micros', event.amountMicros);
      case 'HoldSettled':
      case 'CallCharged':
        return this.addSum(agentId, event.occurredAt, 'call_charges_micros', event.costMicros);
      default:
        return;
    }
  }

  private addSum(agentId: string, at: string, column: AgentSum, amountMicros: bigint): void {
    if (amountMicros === 0n) return;
    const day = new Date(at).toISOString().slice(0, 10);
    for (const [map, key] of [
      [this.agentTotals, agentId],
      [this.agentDaily, `${agentId}|${day}`],
    ] as const) {
      const sums = map.get(key) ?? new Map<AgentSum, bigint>();
      sums.set(column, (sums.get(column) ?? 0n) + amountMicros);
      map.set(key, sums);
    }
  }
}

interface LineDetails {
  refKind: string;
  refId: string;
  customerId?: string;
  reference?: string;
  baseAmountMicros?: bigint;
  commissionMicroPercent?: bigint;
}

/** What a ledger line says about its cause; null for events that move no balance. */
function lineDetails(event: WalletEvent): LineDetails | null {
  switch (event.type) {
    case 'FundsDeposited':
      return {
        refKind: `deposit:${event.source.kind}`,
        refId: event.depositId,
        ...(event.source.kind === 'manual' ? { reference: event.source.reference } : {}),
        ...(event.source.kind === 'card' ? { reference: event.source.paymentIntentId } : {}),
      };
    case 'DepositReversed':
      return { refKind: 'reversal', refId: event.depositId, reference: event.reason };
    case 'TransferredOut':
      return { refKind: 'transfer', refId: event.transferId, customerId: event.customerId, ...referenceOf(event) };
    case 'TransferredIn':
      return { refKind: 'transfer', refId: event.transferId, ...referenceOf(event) };
    case 'CommissionAccrued':
      return {
        refKind: `commission:${event.cause.kind}`,
        refId: event.cause.kind === 'deposit' ? event.cause.depositId : event.cause.transferId,
        customerId: event.customerId,
        baseAmountMicros: event.baseAmountMicros,
        commissionMicroPercent: event.commissionMicroPercent,
      };
    case 'CommissionReversed':
    case 'CommissionClawedBack':
      return { refKind: 'commission-reversal', refId: event.depositId, customerId: event.customerId };
    case 'CommissionTransferredOut':
    case 'CommissionTransferredIn':
      return { refKind: 'commission-transfer', refId: event.commissionTransferId };
    case 'HoldSettled':
    case 'CallCharged':
      return { refKind: 'call', refId: event.callId };
    default:
      return null;
  }
}

function referenceOf(event: { readonly reference?: string }): { reference?: string } {
  return event.reference === undefined ? {} : { reference: event.reference };
}
