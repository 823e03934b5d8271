// The audit (issue 4 §8): replays every wallet event, in global order, asserting every invariant
// the service's evolve asserts, recomputes every balance from the postings (system accounts
// included), proves each event and the whole ledger sum to zero and that every internal movement
// has both legs, and compares with the live projections. Streaming: feed it page by page from
// readAll; memory is one state per account, not one entry per event.
//
// Replay: call events (holds, charges) are applied in place by call-events-in-place.ts when they
// pass its copy of evolve's checks; every other event, and any call event that fast path does not
// accept, goes through evolveAccount itself, whose verdict is final.
import { InvariantViolation } from '@billing/decider';
import { holderIdOf, isLedgerAccountId, kindOf, streamIdOf, type LedgerAccountId, type PostingAccountId } from '../accounts/account-id.js';
import { unopenedAccount, type UnopenedAccount } from '../accounts/account-state.js';
import { evolveAccount } from '../accounts/evolve-account.js';
import type { WalletEvent } from '../events.js';
import { clearingMovementOf, postingsOf } from '../postings/postings-of.js';
import type { AuditProblem, AuditReport, ProjectedBalances } from './audit-report.js';
import { applyCallEventInPlace, ownedAccount, type AuditAccount } from './call-events-in-place.js';

interface AccountEntry {
  /** unopened until its AccountOpened replays; then a state the auditor owns and updates in place. */
  state: UnopenedAccount | AuditAccount;
  /** its replay hit an invalid event: its later events are not replayed. */
  broken: boolean;
  /** streamIdOf(accountId), computed once, at the first event read with its stream id. */
  streamId: string | undefined;
}

export class WalletAuditor {
  /** one entry per account id seen (an entry whose state stays unopened is reported as nothing). */
  private readonly accounts = new Map<LedgerAccountId, AccountEntry>();
  private readonly posted = new Map<PostingAccountId, bigint>();
  /** internal movements whose clearing has not netted to zero yet (normally only in-flight pairs). */
  private readonly openMovements = new Map<string, bigint>();
  private readonly problems: AuditProblem[] = [];
  private eventCount = 0;
  private postingCount = 0;
  private totalMicros = 0n;

  /** `streamId` (when known) is checked against the event's account. */
  add(event: WalletEvent, streamId?: string): void {
    const position = this.eventCount++;
    try {
      const entry = this.entryOf(event.accountId);
      if (streamId !== undefined && streamId !== (entry.streamId ??= streamIdOf(event.accountId))) {
        this.problems.push({ kind: 'wrong-stream', position, eventType: event.type, accountId: event.accountId, streamId });
      }
      this.post(event, position);
      this.replay(entry, event, position);
    } catch (error) {
      // a malformed event (wrong types after a bad migration, ...) is reported, never crashes the audit
      this.problems.push({ kind: 'invalid-event', position, eventType: String(event.type), accountId: String(event.accountId), message: messageOf(error) });
    }
  }

  addAll(events: Iterable<WalletEvent>): this {
    for (const event of events) this.add(event);
    return this;
  }

  report(projected?: ProjectedBalances): AuditReport {
    const problems = [...this.problems];
    for (const [accountId, { state, broken }] of this.accounts) {
      if (state.status === 'unopened' || broken) continue;
      const postedMicros = this.posted.get(accountId) ?? 0n;
      if (state.balanceMicros !== postedMicros) problems.push({ kind: 'ledger-mismatch', accountId, stateMicros: state.balanceMicros, postedMicros });
    }
    for (const [movement, clearingMicros] of this.openMovements) problems.push({ kind: 'half-movement', movement, clearingMicros });
    if (this.totalMicros !== 0n) problems.push({ kind: 'postings-total', totalMicros: this.totalMicros });

    const balances = this.auditedBalances();
    const heldMicros = this.auditedHolds();
    if (projected !== undefined) problems.push(...compareWithProjection(balances, heldMicros, projected));
    return {
      ok: problems.length === 0,
      eventCount: this.eventCount,
      postingCount: this.postingCount,
      postingsTotalMicros: this.totalMicros,
      balances,
      commissionBalances: commissionBalancesOf(balances),
      heldMicros,
      problems,
    };
  }

  private post(event: WalletEvent, position: number): void {
    let sumMicros = 0n;
    for (const posting of postingsOf(event)) {
      sumMicros += posting.amountMicros;
      this.posted.set(posting.account, (this.posted.get(posting.account) ?? 0n) + posting.amountMicros);
      if (posting.account === 'system:transfer-clearing') this.clear(event, posting.amountMicros);
      this.postingCount++;
    }
    this.totalMicros += sumMicros;
    if (sumMicros !== 0n) this.problems.push({ kind: 'unbalanced-event', position, eventType: event.type, accountId: event.accountId, sumMicros });
  }

  private clear(event: WalletEvent, amountMicros: bigint): void {
    const movement = clearingMovementOf(event) ?? `unknown:${event.type}`;
    const openMicros = (this.openMovements.get(movement) ?? 0n) + amountMicros;
    if (openMicros === 0n) this.openMovements.delete(movement);
    else this.openMovements.set(movement, openMicros);
  }

  private entryOf(accountId: LedgerAccountId): AccountEntry {
    let entry = this.accounts.get(accountId);
    if (entry === undefined) {
      entry = { state: unopenedAccount(accountId), broken: false, streamId: undefined };
      this.accounts.set(accountId, entry);
    }
    return entry;
  }

  private replay(entry: AccountEntry, event: WalletEvent, position: number): void {
    if (entry.broken) return;
    const state = entry.state;
    if (state.status !== 'unopened' && applyCallEventInPlace(state, event)) return;
    try {
      const next = evolveAccount(state, event);
      entry.state = next.status === 'unopened' ? next : ownedAccount(next);
    } catch (error) {
      if (!(error instanceof InvariantViolation)) throw error;
      entry.broken = true;
      this.problems.push({ kind: 'invalid-event', position, eventType: event.type, accountId: event.accountId, message: error.message });
    }
  }

  private auditedBalances(): Map<PostingAccountId, bigint> {
    const balances = new Map<PostingAccountId, bigint>(this.posted);
    for (const [accountId, { state }] of this.accounts) {
      if (state.status !== 'unopened' && !balances.has(accountId)) balances.set(accountId, 0n);
    }
    return balances;
  }

  private auditedHolds(): Map<LedgerAccountId, bigint> {
    const held = new Map<LedgerAccountId, bigint>();
    for (const [accountId, { state }] of this.accounts) {
      if (state.status !== 'unopened' && state.heldMicros !== 0n) held.set(accountId, state.heldMicros);
    }
    return held;
  }
}

/** Audits a whole history at once (tests, small ledgers); use WalletAuditor to stream. */
export function auditWallet(events: Iterable<WalletEvent>, projected?: ProjectedBalances): AuditReport {
  return new WalletAuditor().addAll(events).report(projected);
}

function compareWithProjection(balances: ReadonlyMap<string, bigint>, held: ReadonlyMap<string, bigint>, projected: ProjectedBalances): AuditProblem[] {
  const problems: AuditProblem[] = [];
  for (const [accountId, auditedMicros] of balances) {
    const projectedMicros = projected.balances.get(accountId);
    if (projectedMicros !== auditedMicros) problems.push({ kind: 'balance-mismatch', accountId, auditedMicros, projectedMicros: projectedMicros ?? null });
  }
  for (const [accountId, projectedMicros] of projected.balances) {
    if (balances.has(accountId)) continue;
    // a system account nothing has posted to yet may well have a zero row in the projection
    if (isLedgerAccountId(accountId)) problems.push({ kind: 'unknown-account', accountId, projectedMicros });
    else if (projectedMicros !== 0n) problems.push({ kind: 'balance-mismatch', accountId, auditedMicros: 0n, projectedMicros });
  }
  if (projected.heldMicros !== undefined) {
    const projectedHeld = projected.heldMicros;
    for (const accountId of new Set([...held.keys(), ...projectedHeld.keys()])) {
      const auditedMicros = held.get(accountId) ?? 0n;
      const projectedMicros = projectedHeld.get(accountId) ?? (auditedMicros === 0n ? 0n : null);
      if (projectedMicros !== auditedMicros) problems.push({ kind: 'held-mismatch', accountId, auditedMicros, projectedMicros });
    }
  }
  return problems;
}

function commissionBalancesOf(balances: ReadonlyMap<PostingAccountId, bigint>): Map<string, bigint> {
  const commissions = new Map<string, bigint>();
  for (const [accountId, balanceMicros] of balances) {
    if (isLedgerAccountId(accountId) && kindOf(accountId) === 'agent-commission') commissions.set(holderIdOf(accountId), balanceMicros);
  }
  return commissions;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
